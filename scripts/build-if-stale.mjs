#!/usr/bin/env node
// Builds server/dist and web/dist only when their sources changed since the last build: run by
// `npm install` (postinstall, so the first `npm start` need not build) and before `npm start`
// (prestart, so a restart starts at once). Each part keeps the hash of the inputs it was built from
// in dist/.build-hash; `--force` builds anyway. At install a failed build only warns: `npm start`
// tries again and shows the error.
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const force = process.argv.includes('--force');
const atInstall = process.env.npm_lifecycle_event === 'postinstall';

const parts = [
  { name: 'server', inputs: ['server/src', 'server/tsconfig.json', 'server/package.json', 'server/scripts', 'package-lock.json'], skip: /\.test\.ts$|[/\\]test[/\\]/ },
  { name: 'web', inputs: ['web/src', 'docs/guide', 'web/public', 'web/index.html', 'web/vite.config.ts', 'web/tsconfig.json', 'web/package.json', 'package-lock.json'], skip: /\.test\.tsx?$/ },
];

function files(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs.readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
    .sort();
}

function hashOf(part) {
  const h = createHash('sha256');
  for (const file of part.inputs.flatMap(files)) {
    if (part.skip.test(file)) continue;
    h.update(file).update('\0').update(fs.readFileSync(path.join(root, file))).update('\0');
  }
  return h.digest('hex');
}

let failed = false;
for (const part of parts) {
  const stamp = path.join(root, part.name, 'dist', '.build-hash');
  const hash = hashOf(part);
  if (!force && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) continue;
  const t0 = Date.now();
  console.log(`[lianxin] building ${part.name} (its sources changed since the last build)…`);
  try {
    execSync(`npm run build -w ${part.name}`, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (err) {
    failed = true;
    console.error(`[lianxin] building ${part.name} failed${atInstall ? '; `npm start` will try again' : ''}`);
    if (!atInstall) process.exit(typeof err.status === 'number' ? err.status : 1);
    continue;
  }
  fs.writeFileSync(stamp, hash);
  console.log(`[lianxin] built ${part.name} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
process.exit(atInstall || !failed ? 0 : 1);
