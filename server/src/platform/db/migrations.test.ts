import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../paths.js';

/*
 * The committed migrations are what every database is built from: a change to a *.table.ts without
 * its migration leaves the databases behind the code. So drizzle-kit generates against a copy of
 * server/drizzle, exactly as
 * `npm run db:generate` would, and must find nothing to write. (`drizzle-kit check` only checks that
 * the migration history is consistent, not that it matches the schema.) The repository's folder is
 * never touched.
 */
// every *.table.ts under server/src, as drizzle.config.ts says
const schemaFile = `${path.resolve(import.meta.dirname, '../..')}/**/*.table.ts`;
const drizzleKit = path.join(path.dirname(createRequire(import.meta.url).resolve('drizzle-kit')), 'bin.cjs');

function listFiles(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) for (const [k, v] of listFiles(path.join(dir, entry.name), rel)) files.set(k, v);
    else files.set(rel, fs.readFileSync(path.join(dir, entry.name), 'utf8'));
  }
  return files;
}

describe('migrations', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-drizzle-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('the Drizzle schema needs no migration beyond the committed ones', () => {
    const out = path.join(work, 'drizzle');
    fs.cpSync(migrationsFolder, out, { recursive: true });
    const before = listFiles(out);
    // --out relative to cwd: drizzle-kit 0.31 mangles an absolute one (and still exits 0), hence also the check on its words
    const run = spawnSync(process.execPath, [drizzleKit, 'generate', '--dialect=postgresql', `--schema=${schemaFile}`, '--out=drizzle'], {
      cwd: work,
      input: '', // a rename it would ask about finds no terminal and fails instead of waiting
      encoding: 'utf8',
      timeout: 60_000,
    });
    // without drizzle-kit's stack frames, which vitest would try to map through its bundle
    const output = `${run.stdout}${run.stderr}`.split('\n').filter((line) => !/^\s+at /.test(line)).join('\n');
    const after = listFiles(out);
    const written = [...after].filter(([file, text]) => before.get(file) !== text);
    const newSql = written.filter(([file]) => file.endsWith('.sql')).map(([file, text]) => `--- ${file}\n${text}`).join('\n');
    expect(written.map(([file]) => file), `the schema changed without its migration: run \`npm run db:generate\` and commit server/drizzle\n${newSql}`).toEqual([]);
    expect(output, `drizzle-kit did not confirm the schema matches the migrations (exit ${run.status}); run \`npm run db:generate\` in a terminal:\n${output}`).toContain('No schema changes');
  });
});
