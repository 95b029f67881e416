import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const nodeModules = path.resolve(import.meta.dirname, '../node_modules');
/**
 * The top-level packages (node_modules/<name>) a package depends on, transitively, as installed: a
 * copy nested under another package is not counted (its files' chunk is chosen by the package it is
 * nested in, the first node_modules/<name> of their path).
 */
function family(root: string): Set<string> {
  const seen = new Set<string>();
  const visit = (dir: string) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies ?? {})) {
      const nested = path.join(dir, 'node_modules', dep);
      if (fs.existsSync(path.join(nested, 'package.json'))) visit(nested);
      else if (!seen.has(dep) && fs.existsSync(path.join(nodeModules, dep, 'package.json'))) {
        seen.add(dep);
        visit(path.join(nodeModules, dep));
      }
    }
  };
  seen.add(root);
  visit(path.join(nodeModules, root));
  return seen;
}
/** The packages the app imports itself: each keeps a chunk of its own (the kits' families below do not swallow them). */
const direct = new Set(Object.keys(JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'package.json'), 'utf8')).dependencies));
const mobileFamily = family('antd-mobile');
const deskFamily = family('antd');
/** What the app's other packages (icons, charts, i18n…) use: never swallowed by a kit, or that package would pull the kit in. */
const elsewhere = new Set([...direct].filter((d) => d !== 'antd' && d !== 'antd-mobile').flatMap((d) => [...family(d)]));

/**
 * dist/h5.html: index.html that also asks at once for the phone frame's code and styles (the kit),
 * which the server sends for /h5 addresses. Otherwise they are asked for only once the entry has run,
 * a round trip later on a slow line (bench:budgets).
 */
function phoneHtml(): Plugin {
  return {
    name: 'lx-phone-html',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir!;
      const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
      const layout = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/features/h5/H5Layout.tsx'));
      if (!layout) throw new Error('lx-phone-html: no chunk for features/h5/H5Layout.tsx');
      const scripts = new Set<string>();
      const styles = new Set<string>();
      const visit = (file: string) => {
        const chunk = bundle[file];
        if (scripts.has(file) || chunk?.type !== 'chunk') return;
        scripts.add(file);
        for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
        chunk.imports.forEach(visit);
      };
      visit(layout.fileName);
      const links = [
        ...[...scripts].filter((f) => !index.includes(`/${f}"`)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
        ...[...styles].filter((f) => !index.includes(`/${f}"`)).map((f) => `<link rel="preload" as="style" crossorigin href="/${f}">`),
      ];
      fs.writeFileSync(path.join(dir, 'h5.html'), index.replace('</head>', `  ${links.join('\n    ')}\n  </head>`));
    },
  };
}

// Built into web/dist, which the Fastify server serves (SPA fallback for every non-/api GET).
export default defineConfig({
  plugins: [
    react(),
    phoneHtml(),
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
        // Vendor code by package, so a module is never dragged into a chunk because a sibling needed
        // it: the phone pages load antd-mobile ("mobile-kit") and never antd ("desk-kit"; the e2e
        // test and bench:budgets check this), and vendor chunks stay cached across releases. A kit
        // travels with the packages only it uses, in one file (bench:budgets: on a slow line each
        // file is a round trip, six at a time).
        manualChunks(id, { getModuleInfo }) {
          // A feature's catalogue in one language is a chunk of its own, fetched the first time one
          // of its pages shows (i18n/index.ts): a visit downloads only its features, in its language.
          const locale = /\/features\/([^/]+)\/locales\/([^/]+)\.json$/.exec(id);
          if (locale) return `locale-${locale[1]}-${locale[2]}`;
          const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
          if (!match) return undefined;
          const name = match[1]!;
          // React and what every page runs on (words, queries, dates): one file for the entry's first round trip
          if (['react', 'react-dom', 'scheduler', 'react-router', 'react-router-dom', '@remix-run/router', 'i18next', 'react-i18next', '@tanstack/react-query', '@tanstack/query-core', 'dayjs'].includes(name)) return 'react';
          // An icon goes with the page or the menu that loads it (one chunk of every icon's drawing sent
          // the back office's icons to the phone, bench:budgets). The icons antd draws itself share a
          // chunk, or antd's would take them in and a phone page showing one would load antd; one of
          // those that a manifest loads too (a tab, a tile) is a file of its own.
          if (name === '@ant-design/icons-svg' || (name === '@ant-design/icons' && !/\/es\/(components|utils)/.test(id))) {
            const icon = name === '@ant-design/icons-svg' ? getModuleInfo(id)?.importers.find((i) => i.includes('/@ant-design/icons/es/icons/')) : id;
            const info = icon ? getModuleInfo(icon) : null;
            if (!info?.importers.some((i) => i.includes('/node_modules/antd/'))) return undefined;
            return info.dynamicImporters.length ? `icon-${path.basename(icon!, '.js')}` : 'kit-icons';
          }
          // each kit with the packages only it uses (not those the app's other packages use too, or
          // those would pull the kit in), and one chunk of what both kits use: every page loads one
          // kit whole, so it loads that chunk too
          if (name === 'antd') return 'desk-kit';
          if (name === 'antd-mobile' || name === 'antd-mobile-icons') return 'mobile-kit';
          if (!direct.has(name) && mobileFamily.has(name) && deskFamily.has(name)) return 'kit-shared';
          if (!direct.has(name) && !elsewhere.has(name) && deskFamily.has(name)) return 'desk-kit';
          if (!direct.has(name) && !elsewhere.has(name) && mobileFamily.has(name)) return 'mobile-kit';
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
