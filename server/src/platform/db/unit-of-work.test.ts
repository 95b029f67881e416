import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDatabase } from '../../test/harness.js';
import { queryRows } from './client.js';
import { currentDb, currentTransaction, inTransaction, OutsideTransactionError, requireTransaction, TransactionRequiredError } from './unit-of-work.js';

describe.each([...backends, 'pglite-worker' as const])('the unit of work on %s', (backend) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    await database.db.execute(sql`CREATE TABLE uow_probe (n int PRIMARY KEY)`);
  });
  afterAll(() => database.drop());

  const count = async () => (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM uow_probe`))[0]!.n;

  it('a query sent to the root database inside a transaction fails at once with a clear error, instead of hanging', async () => {
    const started = Date.now();
    const attempt = database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO uow_probe VALUES (1)`);
      await database.db.execute(sql`SELECT 1`); // the forgotten tx
    });
    const err = (await attempt.catch((e: unknown) => e)) as Error & { cause?: unknown };
    // drizzle wraps what the connection threw: ours is the cause
    const cause = err instanceof OutsideTransactionError ? err : err.cause;
    expect(cause).toBeInstanceOf(OutsideTransactionError);
    expect((cause as Error).message).toMatch(/use the transaction/);
    expect(Date.now() - started).toBeLessThan(5_000);
    // the transaction rolled back, and the database still answers
    expect(await count()).toBe(0);
  });

  it('inside a transaction, currentDb() is that transaction; outside, the root database', async () => {
    expect(currentTransaction()).toBeUndefined();
    expect(currentDb(database.db)).toBe(database.db);
    await database.db.transaction(async (tx) => {
      expect(currentDb(database.db)).toBe(tx);
      await currentDb(database.db).execute(sql`INSERT INTO uow_probe VALUES (2)`);
    });
    expect(await count()).toBe(1);
  });

  it('requireTransaction hands out the open transaction, and refuses outside one', async () => {
    expect(() => requireTransaction('raising a load')).toThrow(TransactionRequiredError);
    expect(() => requireTransaction('raising a load')).toThrow(/raising a load is part of its caller's change/);
    await database.db.transaction(async (tx) => {
      expect(requireTransaction('raising a load')).toBe(tx);
    });
  });

  it('inTransaction joins the open transaction, so one failure undoes all of it', async () => {
    const run = inTransaction(database.db, async () => {
      await inTransaction(database.db, (tx) => tx.execute(sql`INSERT INTO uow_probe VALUES (3)`));
      await currentDb(database.db).execute(sql`INSERT INTO uow_probe VALUES (4)`);
      throw new Error('something later failed');
    });
    await expect(run).rejects.toThrow('something later failed');
    expect(await count()).toBe(1);
  });

  it('concurrent work outside the transaction is not mistaken for it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const open = database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO uow_probe VALUES (5)`);
      await gate;
    });
    // another request, another call chain: on PostgreSQL it runs alongside; on PGlite it waits its turn
    const other = database.db.execute(sql`SELECT 1`);
    release();
    await Promise.all([open, other]);
    expect(await count()).toBe(2);
  });
});
