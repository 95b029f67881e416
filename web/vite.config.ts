import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Built into web/dist, which the Fastify server serves (SPA fallback for every non-/api GET).
export default defineConfig({
  plugins: [
    react(),
    // The service worker (Workbox, generated): the shell is precached, so the app opens with no signal;
    // every other built file is kept the first time it is fetched (its name carries its hash); the
    // API's GET answers are fetched from the network first and the last one kept, so lists seen
    // before are still readable offline (cleared on sign-out, app/pwa.ts). Writes are never cached:
    // a need typed offline waits on the phone (features/needs/h5/need-outbox.ts).
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: null, // registered by app/pwa.ts
      manifest: false, // public/manifest.webmanifest is the manifest
      workbox: {
        // the shell only: the phone should not download the back office's antd to be installable
        globPatterns: ['index.html', 'assets/index-*.{js,css}', 'assets/react-*.js', 'icons/*.png', 'favicon.svg'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'lx-assets', expiration: { maxEntries: 400, maxAgeSeconds: 60 * 86_400 }, cacheableResponse: { statuses: [200] } },
          },
          {
            // JSON reads only: no export, file, photo or certificate
            urlPattern: ({ url, request, sameOrigin }) =>
              sameOrigin && request.method === 'GET' && url.pathname.startsWith('/api/') && !/\/(export|files|certificates|openapi)/.test(url.pathname) && !url.pathname.endsWith('.pdf'),
            handler: 'NetworkFirst',
            options: { cacheName: 'lx-api', networkTimeoutSeconds: 6, expiration: { maxEntries: 120, maxAgeSeconds: 7 * 86_400 }, cacheableResponse: { statuses: [200] } },
          },
        ],
      },
    }),
  ],
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
