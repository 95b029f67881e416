import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { phoneFrameWordsPlugin } from './phone-frame-words';

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
 * app/boot.ts as an entry of its own, its script first in the page's head and `async`: it runs as
 * soon as its small chunk has arrived, while React and the kits are still on their way (a second
 * module script in index.html would be folded into the main entry by Vite and wait for React).
 */
function bootScript(): Plugin {
  return {
    name: 'lx-boot-script',
    apply: 'build',
    config: () => ({ build: { rollupOptions: { input: { index: path.join(import.meta.dirname, 'index.html'), boot: path.join(import.meta.dirname, 'src/app/boot.ts') } } } }),
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'boot');
        if (!boot) throw new Error('lx-boot-script: no boot chunk');
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `/${boot.fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}

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
      const layout = Object.values(bundle).find((c) => c.type === 'chunk' && c.moduleIds.some((m) => m.endsWith('/features/h5/H5Layout.tsx')));
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

/**
 * A brotli (quality 11) and a gzip (level 9) copy of each built asset of 1 KB or more, which the server
 * sends as they are (server/src/app.ts, @fastify/static `preCompressed`): on the fly it compresses
 * at brotli quality 4, which came out larger than gzip for the big chunks (react: 107 KB brotli-4,
 * 101 KB gzip-6, 91 KB brotli-11), and every byte is time on a slow line (bench:budgets).
 */
function precompress(): Plugin {
  return {
    name: 'lx-precompress',
    apply: 'build',
    async writeBundle(options) {
      const dir = path.join(options.dir!, 'assets');
      const files = fs.readdirSync(dir).filter((f) => /\.(js|css|svg|json)$/.test(f) && fs.statSync(path.join(dir, f)).size >= 1024);
      const brotli = promisify(zlib.brotliCompress);
      const gzip = promisify(zlib.gzip);
      await Promise.all(
        files.map(async (f) => {
          const file = path.join(dir, f);
          const body = fs.readFileSync(file);
          const [br, gz] = await Promise.all([
            brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
            gzip(body, { level: 9 }),
          ]);
          fs.writeFileSync(`${file}.br`, br);
          fs.writeFileSync(`${file}.gz`, gz);
        }),
      );
    },
  };
}

type ModuleInfoOf = (id: string) => { importedIds: readonly string[] } | null;
/** The app's modules `from` imports statically, transitively (not through node_modules), with `from`. */
function appClosure(getModuleInfo: ModuleInfoOf, from: string): Set<string> {
  const closure = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (closure.has(id) || id.includes('node_modules') || id.startsWith('\0')) continue;
    closure.add(id);
    stack.push(...(getModuleInfo(id)?.importedIds ?? []));
  }
  return closure;
}
/** Whether `id` imports a UI kit, directly or through the app's own modules. */
function usesKit(getModuleInfo: ModuleInfoOf, id: string): boolean {
  return [...appClosure(getModuleInfo, id)].some((m) => getModuleInfo(m)?.importedIds.some((i) => /node_modules\/antd(-mobile)?\//.test(i)));
}
const closures = new Map<string, Set<string>>();
const closureOf = (getModuleInfo: ModuleInfoOf, file: string) => {
  const from = path.join(import.meta.dirname, file);
  if (!closures.has(from)) closures.set(from, appClosure(getModuleInfo, from));
  return closures.get(from)!;
};

/** The app's files whose antd-mobile components the first phone pages need: the frame, sign-in, the home and its tab bar. */
const firstPhonePages = ['src/features/h5/H5Layout.tsx', 'src/features/h5/H5LoginPage.tsx', 'src/features/h5/H5HomePage.tsx'];
let mobileFirstIds: Set<string> | undefined;
/** The antd-mobile modules the first phone pages use: their components' folders, and what those import inside antd-mobile. */
function mobileFirst(getModuleInfo: ModuleInfoOf): Set<string> {
  if (mobileFirstIds) return mobileFirstIds;
  const kit = path.join(nodeModules, 'antd-mobile/es/components');
  const names = new Set<string>();
  for (const page of firstPhonePages) {
    for (const file of closureOf(getModuleInfo, page)) {
      if (!/\.tsx?$/.test(file)) continue;
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd-mobile'/g)) {
        for (const n of m[1]!.split(',')) names.add(n.trim().split(/\s+as\s+/)[0]!);
      }
    }
  }
  // what antd-mobile exports from its utils (reduceMotion…) is not a component: it goes to mobile-kit with the rest outside es/components
  const index = fs.readFileSync(path.join(nodeModules, 'antd-mobile/es/index.js'), 'utf8');
  const utilities = new Set([...index.matchAll(/export\s*\{([^}]*)\}\s*from\s*'\.\/utils\//g)].flatMap((m) => m[1]!.split(',').map((n) => n.trim())));
  const folders = [...names].filter((n) => n && !utilities.has(n)).map((n) => n.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase());
  const seen = new Set<string>();
  const stack = folders.map((f) => path.join(kit, f, 'index.js')).filter((f) => fs.existsSync(f));
  if (stack.length !== folders.length) throw new Error(`mobileFirst: no antd-mobile folder for some of ${folders.join(', ')}`);
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id) || !id.includes('/node_modules/antd-mobile/')) continue;
    seen.add(id);
    stack.push(...(getModuleInfo(id)?.importedIds ?? []));
  }
  return (mobileFirstIds = seen);
}

// Built into web/dist, which the Fastify server serves (SPA fallback for every non-/api GET).
export default defineConfig({
  plugins: [
    react(),
    phoneFrameWordsPlugin(),
    bootScript(),
    phoneHtml(),
    precompress(),
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
        globPatterns: ['index.html', 'assets/boot-*.js', 'assets/index-*.{js,css}', 'assets/react-*.js', 'icons/*.png', 'favicon.svg'],
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
          // The phone frame's words (tab bar, service tiles: phone-frame-words.ts) are one small file per language.
          const frameWords = /\0virtual:phone-frame-words\/(.+)$/.exec(id);
          if (frameWords) return `locale-phone-frame-${frameWords[1]}`;
          const locale = /\/features\/([^/]+)\/locales\/([^/]+)\.json$/.exec(id);
          // The phone's own words in the default language travel in the phone frame's file (preloaded
          // by dist/h5.html): one request less after boot on every phone page.
          if (locale?.[1] === 'h5' && locale[2] === 'zh-CN') return 'H5Layout';
          if (locale) return `locale-${locale[1]}-${locale[2]}`;
          // app/boot.ts and what it runs on: the manifests and the preload helper, nothing of React
          if (id.includes('vite/preload-helper') || /\/src\/(app\/(boot|early|features|feature|frame-namespaces|phone-frame-words)\.ts|i18n\/stored-language\.ts|features\/[^/]+\/manifest\.ts)$/.test(id)) return 'boot';
          // The app's own code that main.tsx imports statically stays one file with it (the pages are
          // imported from boot's manifests too, so Rollup would otherwise cut it into a file per module
          // the pages share: more requests before the first render, and files the service worker's
          // shell would miss).
          if (!id.includes('node_modules') && /\.(tsx?|css)$/.test(id) && closureOf(getModuleInfo, 'src/main.tsx').has(id)) return 'index';
          // The phone frame (H5Layout, on every phone page) in one file with what it and the first pages
          // (sign-in, home) import of the app: the phone's own modules with the frame, the shared ones
          // (the needs API the offline outbox sends with, the logo) with the entry, unless they draw
          // with a kit; the pages themselves stay apart (bench:budgets: a phone asks for six files at a
          // time over HTTP/1.1, and each costs a round trip on a slow line).
          const firstPage = firstPhonePages.slice(1).some((page) => id !== path.join(import.meta.dirname, page) && closureOf(getModuleInfo, page).has(id));
          if (!id.includes('node_modules') && /\.(tsx?|css)$/.test(id) && (firstPage || closureOf(getModuleInfo, 'src/features/h5/H5Layout.tsx').has(id))) {
            if (/\/features\/(h5|[^/]+\/h5)\//.test(id)) return 'H5Layout';
            if (!usesKit(getModuleInfo, id)) return 'index';
          }
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
          // antd-mobile in two files: the components of the phone frame and the first pages (sign-in,
          // home) with what they run on, and the rest, which the other pages load besides (bench:budgets:
          // the first load of the sign-in page and the home on a slow line)
          if (name === 'antd-mobile') return mobileFirst(getModuleInfo).has(id) || !id.includes('/antd-mobile/es/components/') ? 'mobile-kit' : 'mobile-kit-more';
          if (name === 'antd-mobile-icons') return 'mobile-kit';
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
