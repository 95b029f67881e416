import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { seedDemoIfEmpty } from '../demo/seed.js';
import { createFieldCrypto } from '../platform/crypto/crypto.js';
import { queryRows, type Database } from '../platform/db/client.js';
import { freshDatabase } from '../test/harness.js';
import { backupPostgres, restorePostgres } from './backup-postgres.js';
import { systemClock } from '../platform/clock/clock.js';

// The round trip needs a PostgreSQL server (TEST_DATABASE_URL, as in CI) and its client tools on PATH.
const toolsPresent = spawnSync('pg_dump', ['--version']).status === 0 && spawnSync('psql', ['--version']).status === 0;
const servers = process.env.TEST_DATABASE_URL && toolsPresent ? ['postgres'] : [];

const urlOf = (database: Database) => database.pool!.options.connectionString!;
const accounts = async (database: Database) => (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM accounts`))[0]!.n;

describe('PostgreSQL backup failure', () => {
  it('fails with an error and leaves no half-written dump when the server is unreachable', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-pgdump-')), 'x.sql');
    await expect(backupPostgres({ databaseUrl: 'postgresql://nobody@127.0.0.1:1/none', out })).rejects.toThrow();
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe.each(servers)('backup and restore on %s (pg_dump / psql)', () => {
  let tmp: string;
  let source: Database & { drop(): Promise<void> };
  let target: Database & { drop(): Promise<void> };

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-pgdump-'));
    [source, target] = await Promise.all([freshDatabase('postgres'), freshDatabase('postgres')]);
    const deps = { db: source.db, database: source, crypto: createFieldCrypto(crypto.randomBytes(32)), config: loadConfig({}), clock: systemClock };
    await seedDemoIfEmpty(deps, { scale: 'small', log: () => undefined });
  });
  afterAll(async () => {
    await Promise.all([source?.drop(), target?.drop()]);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('restores a dump into a migrated, empty database; a second restore needs --force', async () => {
    const out = path.join(tmp, 'lianxin.sql');
    await backupPostgres({ databaseUrl: urlOf(source), out });
    expect(fs.statSync(out).mode & 0o077).toBe(0); // owner-only: the dump holds names and phones
    await restorePostgres({ databaseUrl: urlOf(target), input: out });
    expect(await accounts(target)).toBe(await accounts(source));
    await expect(restorePostgres({ databaseUrl: urlOf(target), input: out })).rejects.toThrow(/already has data/);
    await restorePostgres({ databaseUrl: urlOf(target), input: out, force: true });
    expect(await accounts(target)).toBe(await accounts(source));
  });
});
