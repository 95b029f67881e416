import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { seedDemoIfEmpty } from '../demo/seed.js';
import { createFieldCrypto } from '../platform/crypto/crypto.js';
import { migrateDatabase, openDatabase, queryRows } from '../platform/db/client.js';
import { backupPglite, restorePglite } from './backup-pglite.js';
import { CliError } from './runtime.js';
import { systemClock } from '../platform/clock/clock.js';

const fieldCrypto = createFieldCrypto(crypto.randomBytes(32));
type Snapshot = { regions: number; accounts: number; phones: number; markers: number; first: { phone: string; name: string; id_number_enc: string } };

async function snapshot(pgliteDir: string): Promise<Snapshot> {
  const database = await openDatabase({ pgliteDir });
  try {
    const [counts] = await queryRows<Omit<Snapshot, 'first'>>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM regions) AS regions, (SELECT count(*)::int FROM accounts) AS accounts,
                 (SELECT count(*)::int FROM phone_directory) AS phones, (SELECT count(*)::int FROM system_settings) AS markers`,
    );
    const [first] = await queryRows<Snapshot['first']>(database.db, sql`SELECT phone, name, id_number_enc FROM accounts WHERE id_number_enc IS NOT NULL ORDER BY phone LIMIT 1`);
    return { ...counts!, first: first! };
  } finally {
    await database.close();
  }
}

describe('PGlite backup and restore', () => {
  let tmp: string;
  let source: string;
  let archive: string;
  let before: Snapshot;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-backup-'));
    source = path.join(tmp, 'source', 'pgdata');
    archive = path.join(tmp, 'backup.tar.gz');
    const database = await openDatabase({ pgliteDir: source });
    await migrateDatabase(database);
    await seedDemoIfEmpty({ db: database.db, database, crypto: fieldCrypto, config: loadConfig({}), clock: systemClock }, { scale: 'small', log: () => undefined });
    await database.close();
    before = await snapshot(source);
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('round-trips every row: a restored copy answers exactly like the original', async () => {
    const { bytes } = await backupPglite({ pgliteDir: source, out: archive });
    expect(bytes).toBeGreaterThan(0);
    expect([...fs.readFileSync(archive).subarray(0, 2)]).toEqual([0x1f, 0x8b]); // gzip
    const target = path.join(tmp, 'restored', 'pgdata');
    expect(await restorePglite({ pgliteDir: target, input: archive })).toEqual({ movedAside: undefined });
    const after = await snapshot(target);
    expect(after).toEqual(before);
    expect(before.accounts).toBeGreaterThan(500);
    // encrypted fields come back readable with the same key
    expect(fieldCrypto.decrypt(after.first.id_number_enc)).toMatch(/^\d{17}[\dX]$/);
  });

  it('refuses to restore over an existing database unless forced, and then keeps the old one aside', async () => {
    const target = path.join(tmp, 'occupied', 'pgdata');
    await restorePglite({ pgliteDir: target, input: archive });
    await expect(restorePglite({ pgliteDir: target, input: archive })).rejects.toThrow(/already holds a database/);
    const { movedAside } = await restorePglite({ pgliteDir: target, input: archive, force: true });
    expect(movedAside && fs.existsSync(path.join(movedAside, 'PG_VERSION'))).toBe(true);
    expect((await snapshot(target)).accounts).toBe(before.accounts);
  });

  it('leaves the current database in place when the backup file is damaged', async () => {
    const target = path.join(tmp, 'damaged', 'pgdata');
    await restorePglite({ pgliteDir: target, input: archive });
    const broken = path.join(tmp, 'broken.tar.gz');
    fs.writeFileSync(broken, fs.readFileSync(archive).subarray(0, 5000));
    await expect(restorePglite({ pgliteDir: target, input: broken, force: true })).rejects.toBeInstanceOf(CliError);
    expect((await snapshot(target)).accounts).toBe(before.accounts);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['pgdata']);
  });

  it('refuses a file that is not a PGlite backup before touching anything', async () => {
    const other = path.join(tmp, 'other.tar.gz');
    fs.writeFileSync(other, zlib.gzipSync(Buffer.alloc(2048)));
    const target = path.join(tmp, 'untouched', 'pgdata');
    await expect(restorePglite({ pgliteDir: target, input: other })).rejects.toThrow(/not a Lianxin PGlite backup/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('will not copy or replace a database that a server has open', async () => {
    const database = await openDatabase({ pgliteDir: source });
    try {
      await expect(backupPglite({ pgliteDir: source, out: path.join(tmp, 'while-open.tar.gz') })).rejects.toThrow(/looks open/);
      await expect(restorePglite({ pgliteDir: source, input: archive, force: true })).rejects.toThrow(/looks open/);
      expect(fs.existsSync(path.join(tmp, 'while-open.tar.gz'))).toBe(false);
    } finally {
      await database.close();
    }
  });
});
