import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDatabase } from '../../test/harness.js';
import type { Database } from './client.js';
import { inWriteChain, outsideWriteChain, writesFor } from './write-district.js';
import { writtenTables } from './writes.js';

describe('which tables a statement changes', () => {
  it('knows writes from reads, in a CTE too, and the session touch from a change', () => {
    expect(writtenTables('insert into "accounts" ("id") values ($1)')).toEqual(['accounts']);
    expect(writtenTables(' UPDATE accounts SET name = $1')).toEqual(['accounts']);
    expect(writtenTables('delete from "sessions" where "sessions"."token_hash" = $1')).toEqual(['sessions']);
    expect(writtenTables('update "regions" set "path" = $1')).toEqual(['regions']);
    expect(writtenTables('with moved as (update "accounts" set "region_id" = $1 returning 1) select count(*) from moved')).toEqual(['accounts']);
    expect(writtenTables('TRUNCATE sessions')).toEqual(['sessions']);
    expect(writtenTables('delete from "public"."sessions" where true')).toEqual(['sessions']);
    expect(writtenTables('UPDATE ONLY accounts SET status = $1')).toEqual(['accounts']);
    expect(writtenTables('MERGE INTO accounts a USING x ON true WHEN MATCHED THEN DELETE')).toEqual(['accounts']);
    expect(writtenTables('COPY sessions FROM STDIN')).toEqual(['sessions']);
    expect(writtenTables('insert into "needs" ("id") values ($1)')).toEqual(['needs']);
    expect(writtenTables('update "need_regions" set "x" = 1')).toEqual(['need_regions']);
    // every table of a statement that writes several (the order chain's CTEs), each once
    const chain = 'WITH a0 AS (INSERT INTO "domain_events" (id) VALUES ($1)), a1 AS (INSERT INTO "need_events" (id) VALUES ($2)) UPDATE "needs" SET version = version + 1 WHERE id = $3 AND EXISTS (UPDATE need_events SET x = 1)';
    expect(writtenTables(chain)).toEqual(['domain_events', 'need_events', 'needs']);
    // a lock or an upsert's words name no table a keeper watches
    expect(writtenTables('select * from "needs" where "id" = $1 for update of "needs"')).not.toContain('needs');
    expect(writtenTables('insert into "volunteer_load" (id) values ($1) on conflict (id) do update set n = 1')).toContain('volunteer_load');
    expect(writtenTables('select "id" from "accounts" where "id" = $1')).toEqual([]);
    expect(writtenTables('update "sessions" set "last_seen_at" = $1 where ("sessions"."district_id" = $2 and "sessions"."token_hash" = $3)')).toEqual([]);
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
    database.afterWrite.add(count, ['accounts']);
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

  it('tells each keeper of the tables it keeps only', async () => {
    let needsTold = 0;
    const needsKeeper = () => needsTold++;
    database.afterWrite.add(needsKeeper, ['needs', 'need_events']);
    try {
      const accounts = told0();
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO probe.needs VALUES (41)`);
      });
      expect([needsTold, accounts()]).toEqual([1, 0]);
      await database.db.execute(sql`DELETE FROM probe.accounts WHERE id = 41`);
      expect([needsTold, accounts()]).toEqual([1, 1]);
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO probe.needs VALUES (42)`);
        await tx.execute(sql`INSERT INTO probe.accounts VALUES (42)`);
      });
      expect([needsTold, accounts()]).toEqual([2, 2]);
    } finally {
      database.afterWrite.delete(needsKeeper);
    }
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

  it('tells the district written for when a request names one and every write of the transaction was made for it; else none', async () => {
    const districts: (string | undefined)[] = [];
    const keeper = (district?: string) => void districts.push(district);
    database.afterWrite.add(keeper, ['accounts']);
    /** Runs `work` in a write chain naming `district`, as a signed-in caller's request handler does (auth-plugin.ts). */
    const writingFor = (district: string | undefined, work: () => Promise<unknown>) =>
      new Promise<unknown>((resolve, reject) => inWriteChain(district, () => void work().then(resolve, reject)));
    try {
      await writingFor('district-a', () => database.db.transaction((tx) => tx.execute(sql`INSERT INTO probe.accounts VALUES (51)`)));
      // a write on its own names none: the pool may send it from another caller's context
      await writingFor('district-a', () => database.db.execute(sql`DELETE FROM probe.accounts WHERE id = 51`));
      await writingFor('district-a', () => database.db.transaction((tx) => tx.execute(sql`DELETE FROM probe.accounts WHERE id = 51`)));
      // one transaction whose writes were made for two districts names neither
      await writingFor('district-a', () =>
        database.db.transaction(async (tx) => {
          await tx.execute(sql`INSERT INTO probe.accounts VALUES (52)`);
          writesFor('district-b');
          await tx.execute(sql`INSERT INTO probe.accounts VALUES (53)`);
        }),
      );
      // a request without a signed-in caller, and a chain no request began (a job, a script), name none
      await writingFor(undefined, () => database.db.transaction((tx) => tx.execute(sql`DELETE FROM probe.accounts WHERE id = 52`)));
      await database.db.execute(sql`DELETE FROM probe.accounts WHERE id = 53`);
      // a loop a request starts for every district (the jobs, the deliveries) leaves its chain
      const deleteInTransaction = () => database.db.transaction((tx) => tx.execute(sql`DELETE FROM probe.accounts WHERE id = 54`));
      await writingFor('district-a', () => new Promise((resolve) => outsideWriteChain(() => setTimeout(() => void deleteInTransaction().then(resolve), 1))));
      expect(districts).toEqual(['district-a', undefined, 'district-a', undefined, undefined, undefined, undefined]);
    } finally {
      database.afterWrite.delete(keeper);
    }
  });
});
