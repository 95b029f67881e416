import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDatabase } from '../../test/harness.js';
import type { Database } from './client.js';
import { isWrite } from './writes.js';

describe('which statements change what an instance keeps (accounts, sessions, regions)', () => {
  it('knows their writes from reads, from other tables, and the session touch from a change', () => {
    expect(isWrite('insert into "accounts" ("id") values ($1)')).toBe(true);
    expect(isWrite(' UPDATE accounts SET name = $1')).toBe(true);
    expect(isWrite('delete from "sessions" where "sessions"."token_hash" = $1')).toBe(true);
    expect(isWrite('update "regions" set "path" = $1')).toBe(true);
    expect(isWrite('with moved as (update "accounts" set "region_id" = $1 returning 1) select count(*) from moved')).toBe(true);
    expect(isWrite('TRUNCATE sessions')).toBe(true);
    expect(isWrite('delete from "public"."sessions" where true')).toBe(true);
    expect(isWrite('UPDATE ONLY accounts SET status = $1')).toBe(true);
    expect(isWrite('MERGE INTO accounts a USING x ON true WHEN MATCHED THEN DELETE')).toBe(true);
    expect(isWrite('COPY sessions FROM STDIN')).toBe(true);
    expect(isWrite('insert into "needs" ("id") values ($1)')).toBe(false);
    expect(isWrite('update "need_regions" set "x" = 1')).toBe(false);
    expect(isWrite('update "accounts_log" set "x" = 1')).toBe(false);
    expect(isWrite('select "id" from "accounts" where "id" = $1')).toBe(false);
    expect(isWrite('update "sessions" set "last_seen_at" = $1 where ("sessions"."district_id" = $2 and "sessions"."token_hash" = $3)')).toBe(false);
  });
});

/*
 * A connection tells `Database.afterWrite` of each change it commits, and only of those: on the
 * embedded database's thread and on PostgreSQL (in-process PGlite, for tests, counts every commit).
 */
const connected = backends.includes('postgres') ? (['pglite-worker', 'postgres'] as const) : (['pglite-worker'] as const);
describe.each(connected)('changes told after commit, on %s', (backend) => {
  let database: Database & { drop(): Promise<void> };
  let told = 0;
  const count = () => told++;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    database.afterWrite.add(count);
    // named as a kept table in a schema of its own, so the statements read like the real ones
    await database.db.execute(sql`CREATE SCHEMA probe`);
    await database.db.execute(sql`CREATE TABLE probe.accounts (id int PRIMARY KEY)`);
    await database.db.execute(sql`CREATE TABLE probe.needs (id int PRIMARY KEY)`);
  });
  afterAll(() => database?.drop());

  const told0 = () => {
    const before = told;
    return () => told - before;
  };

  it('a transaction that only reads, or writes elsewhere, tells nobody; one that writes a kept table tells once, after it commits', async () => {
    const reads = told0();
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT * FROM probe.accounts FOR UPDATE SKIP LOCKED`);
    });
    expect(reads()).toBe(0);
    const elsewhere = told0();
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO probe.needs VALUES (1)`);
    });
    await database.db.execute(sql`UPDATE probe.needs SET id = 2`);
    expect(elsewhere()).toBe(0);
    const writes = told0();
    let beforeCommit = -1;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO probe.accounts VALUES (1)`);
      await tx.execute(sql`UPDATE probe.accounts SET id = 2`);
      beforeCommit = writes();
    });
    expect(beforeCommit).toBe(0);
    expect(writes()).toBe(1);
    // a savepoint rolled back leaves its transaction open: what it writes next still waits for the commit
    const nested = told0();
    let inside = -1;
    await database.db.transaction(async (tx) => {
      await tx
        .transaction(async (sp) => {
          await sp.execute(sql`INSERT INTO probe.accounts VALUES (7)`);
          throw new Error('undo the savepoint');
        })
        .catch(() => undefined);
      await tx.execute(sql`INSERT INTO probe.accounts VALUES (8)`);
      inside = nested();
    });
    expect(inside).toBe(0);
    expect(nested()).toBe(1);
  });

  it('a rolled back transaction tells nobody; a write on its own tells once', async () => {
    const rolled = told0();
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO probe.accounts VALUES (3)`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(rolled()).toBe(0);
    const alone = told0();
    await database.db.execute(sql`DELETE FROM probe.accounts`);
    expect(alone()).toBe(1);
    const read = told0();
    await database.db.execute(sql`SELECT count(*) FROM probe.accounts`);
    expect(read()).toBe(0);
  });
});
