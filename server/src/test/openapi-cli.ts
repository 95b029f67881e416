import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { committedDocumentPath, renderDocument, servedDocument } from './openapi-document.js';

/*
 * `npm run openapi:write` regenerates the committed document (server/openapi.json);
 * `npm run lint:openapi` writes the served document to .tmp/ and lints it with Redocly (redocly.yaml,
 * .redocly.lint-ignore.yaml at the root). Redocly runs offline: telemetry and its update check are off.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const command = process.argv[2];
const text = renderDocument(await servedDocument());

if (command === 'write') {
  fs.writeFileSync(committedDocumentPath, text);
  console.log(`wrote ${path.relative(root, committedDocumentPath)}`);
} else if (command === 'lint') {
  // the path is the one .redocly.lint-ignore.yaml names
  const served = path.join(root, '.tmp', 'openapi.served.json');
  fs.mkdirSync(path.dirname(served), { recursive: true });
  fs.writeFileSync(served, text);
  const cli = path.join(root, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'lint', path.relative(root, served), '--format', 'stylish'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  process.exitCode = run.status ?? 1;
} else {
  console.error('usage: openapi-cli.ts write | lint');
  process.exitCode = 2;
}
