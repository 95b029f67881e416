// Builds server/dist: the server and the operator CLI as ES module bundles (esbuild), with the code
// they load only later (the app behind the early listener, see server.ts) split into chunks.
//
// Why a bundle and not tsc's one file per module: a restart spent half of its main thread's CPU in
// Node's module loader (3.3 of 6.9 s on a 2-core machine: finding each file's package.json, reading
// and compiling ~1,000 files). Bundled, the main thread's CPU to ready went 4.4–6.4 s → 2.5–3.7 s.
// Types are checked by `npm run typecheck` (part of `npm test`), not here.
//
// Left outside the bundle (loaded from node_modules as before): packages that read files next to
// their own code (PGlite's wasm, pdfkit's font metrics, the fonts, Swagger UI's pages, Swagger's
// package.json), native addons (@node-rs), pino and its worker (transports start a thread from a
// file), archiver (below), and optional peers nobody installs (pg-native). The bundle loads them by
// name from server/dist, not from inside the package that uses them: pino (fastify's) and archiver
// (exceljs's) are therefore declared in server/package.json, so npm keeps them where it finds them.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const server = path.resolve(import.meta.dirname, '..');
const dist = path.join(server, 'dist');

const external = [
  '@electric-sql/pglite',
  '@node-rs/*',
  'pdfkit',
  '@embedpdf/fonts-sc',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  'pino',
  'thread-stream',
  'pg-native',
  // exceljs's zip writer calls the deprecated Buffer(): from node_modules Node keeps quiet about it,
  // from our bundle it printed a DeprecationWarning on the first export
  'archiver',
];

// what tsc used to leave here (one file per module) must not be mistaken for the build
fs.rmSync(dist, { recursive: true, force: true });

await build({
  absWorkingDir: server,
  entryPoints: { server: 'src/server.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  sourcemap: 'linked',
  external,
  // CommonJS packages inside an ES module bundle still call require() for Node's own modules
  banner: { js: "import { createRequire as lxCreateRequire } from 'node:module'; const require = lxCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// a CommonJS package bundled here that reads a file next to itself would fail only when it runs
// (no __dirname in an ES module): refuse the build instead, and leave the package outside
for (const file of fs.readdirSync(dist, { recursive: true })) {
  if (!String(file).endsWith('.js')) continue;
  const text = fs.readFileSync(path.join(dist, String(file)), 'utf8');
  const at = text.search(/\b__(dirname|filename)\b/);
  if (at >= 0) {
    const from = text.lastIndexOf('// node_modules/', at);
    const owner = from >= 0 ? text.slice(from + 3, text.indexOf('\n', from)) : 'our code';
    console.error(`dist/${file} uses __dirname or __filename (from ${owner}): add its package to \`external\` in server/scripts/bundle.mjs`);
    process.exit(1);
  }
}
