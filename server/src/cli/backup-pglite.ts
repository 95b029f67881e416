import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { CliError } from './runtime.js';

/**
 * PGlite writes postmaster.pid while a database is open and removes it on a clean close. Its pid is
 * fake (-42), so we cannot ask whether that process lives: the file's presence means "a server has
 * it open, or crashed" — either way not safe to copy or replace.
 */
function assertNotInUse(dir: string): void {
  if (fs.existsSync(path.join(dir, 'postmaster.pid'))) {
    throw new CliError(
      `the database in ${dir} looks open (postmaster.pid exists). Stop the server first. ` +
        `If it crashed, start and stop it once so it shuts down cleanly, then retry.`,
    );
  }
}

/**
 * The archive as a plain tar, checked before PGlite sees it: a truncated or foreign file must fail
 * here with a clear message (PGlite's own gunzip reports damage as an unhandled rejection).
 */
export function readArchive(file: string): Buffer {
  let bytes = fs.readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = zlib.gunzipSync(bytes);
    } catch (err) {
      throw new CliError(`${file} is damaged: ${(err as Error).message}`);
    }
  }
  if (!tarEntries(bytes).some((name) => name.endsWith('PG_VERSION'))) throw new CliError(`${file} is not a Lianxin PGlite backup (no PG_VERSION inside)`);
  return bytes;
}

/** A NUL-terminated header field. */
function field(header: Buffer, from: number, to: number): string {
  const raw = header.subarray(from, to);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? raw.length : end).toString('utf8');
}

/** Entry names of a ustar archive: 512-byte headers, each followed by its data rounded up to 512. */
function tarEntries(tar: Buffer): string[] {
  const names: string[] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const prefix = field(header, 345, 500);
    const name = field(header, 0, 100);
    const size = parseInt(field(header, 124, 136).trim() || '0', 8);
    if (!Number.isFinite(size)) break;
    names.push(prefix ? `${prefix}/${name}` : name);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

const isEmptyDir = (dir: string) => !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;

/** Copies the whole data directory into a gzipped tar (PGlite's own format for `loadDataDir`). */
export async function backupPglite(opts: { pgliteDir: string; out: string }): Promise<{ bytes: number }> {
  if (!fs.existsSync(path.join(opts.pgliteDir, 'PG_VERSION'))) throw new CliError(`no PGlite database in ${opts.pgliteDir}`);
  assertNotInUse(opts.pgliteDir);
  const db = new PGlite(opts.pgliteDir);
  try {
    await db.waitReady;
    // a checkpoint first, so the copy needs no WAL replay when it is opened
    await db.exec('CHECKPOINT');
    const blob = await db.dumpDataDir('gzip');
    const bytes = Buffer.from(await blob.arrayBuffer());
    // written aside and renamed, so a failed run never leaves a truncated file under the real name
    const partial = `${opts.out}.partial`;
    fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
    fs.writeFileSync(partial, bytes, { mode: 0o600 });
    fs.renameSync(partial, opts.out);
    return { bytes: bytes.length };
  } finally {
    await db.close();
  }
}

/**
 * Restores a backup into `pgliteDir`. The target must be empty or missing; with `force` an existing
 * database is moved aside (never deleted) so a mistaken restore can be undone by hand.
 */
export async function restorePglite(opts: { pgliteDir: string; input: string; force?: boolean }): Promise<{ movedAside?: string }> {
  if (!fs.existsSync(opts.input)) throw new CliError(`backup file not found: ${opts.input}`);
  const tar = readArchive(opts.input);
  const dir = opts.pgliteDir;
  let movedAside: string | undefined;
  if (!isEmptyDir(dir)) {
    if (!opts.force) throw new CliError(`${dir} already holds a database; restore into an empty DATA_DIR, or add --force to move the current one aside`);
    assertNotInUse(dir);
    movedAside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(dir, movedAside);
  }
  fs.mkdirSync(dir, { recursive: true });
  const blob = new Blob([new Uint8Array(tar)], { type: 'application/x-tar' });
  try {
    const db = new PGlite(dir, { loadDataDir: blob });
    await db.waitReady;
    await db.query('SELECT 1');
    await db.close();
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    if (movedAside) fs.renameSync(movedAside, dir);
    throw new CliError(`restore failed, nothing changed: ${(err as Error).message}`);
  }
  return { movedAside };
}
