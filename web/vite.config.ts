import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into web/dist, which the Fastify server serves (SPA fallback for every non-/api GET).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // One chunk per npm package, so a module is never dragged into a chunk because a sibling
        // needed it: the phone pages then load antd-mobile ("mobile-kit") and never antd
        // ("desk-kit"; the e2e test checks this), and vendor chunks stay cached across releases.
        manualChunks(id) {
          // A feature's catalogue in one language is a chunk of its own, fetched the first time one
          // of its pages shows (i18n/index.ts): a visit downloads only its features, in its language.
          const locale = /\/features\/([^/]+)\/locales\/([^/]+)\.json$/.exec(id);
          if (locale) return `locale-${locale[1]}-${locale[2]}`;
          const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
          if (!match) return undefined;
          const name = match[1]!;
          if (name === 'antd') return 'desk-kit';
          if (name === 'antd-mobile') return 'mobile-kit';
          if (['react', 'react-dom', 'scheduler', 'react-router', 'react-router-dom', '@remix-run/router'].includes(name)) return 'react';
          // scopes whose packages always travel together: one chunk for the family
          const scope = name.split('/')[0]!;
          if (['@react-spring', '@floating-ui', '@use-gesture', '@tanstack'].includes(scope)) return `npm-${scope.slice(1)}`;
          return `npm-${name.replace('@', '').replace('/', '-')}`;
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
