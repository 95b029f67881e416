import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDatabase } from '../../test/harness.js';
import { queryRows } from './client.js';
import { appendAtCommit, pipelines, sendBehind, sendLast, withAppends, currentDb, currentTransaction, inTransaction, OutsideTransactionError, requireTransaction, TransactionRequiredError } from './unit-of-work.js';

describe.each([...backends, 'pglite-worker' as const])('the unit of work on %s', (backend) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    await database.db.execute(sql`CREATE TABLE uow_probe (n int PRIMARY KEY)`);
    await database.db.execute(sql`CREATE TABLE uow_parent (n int PRIMARY KEY)`);
    await database.db.execute(sql`CREATE TABLE uow_child (n int PRIMARY KEY REFERENCES uow_parent (n))`);
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

  describe('rows appended at commit', () => {
    const rows = async (table: 'uow_parent' | 'uow_child') => (await queryRows<{ n: number }>(database.db, sql`SELECT n FROM ${sql.identifier(table)} ORDER BY n`)).map((r) => r.n);
    const parent = (n: number) => sql`INSERT INTO uow_parent VALUES (${n})`;
    const child = (n: number) => sql`INSERT INTO uow_child VALUES (${n})`;

    it('are written as the transaction commits, together with their parent row, and not before', async () => {
      await database.db.transaction(async (tx) => {
        // the child first: both go in one statement, whose foreign keys are checked at its end
        await appendAtCommit(tx, child(10), parent(10));
        await appendAtCommit(currentDb(database.db), parent(11));
        const seen = await queryRows<{ n: number }>(tx, sql`SELECT n FROM uow_parent`);
        expect(seen).toEqual([]);
      });
      expect(await rows('uow_parent')).toEqual([10, 11]);
      expect(await rows('uow_child')).toEqual([10]);
    });

    it('are not written when the transaction rolls back, nor when the flush itself fails', async () => {
      await expect(
        database.db.transaction(async (tx) => {
          await appendAtCommit(tx, parent(20));
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      // a child without its parent: the appended statement fails at commit, and the change with it
      await expect(
        database.db.transaction(async (tx) => {
          await tx.execute(sql`INSERT INTO uow_probe VALUES (21)`);
          await appendAtCommit(tx, child(21));
        }),
      ).rejects.toThrow();
      expect(await rows('uow_parent')).not.toContain(20);
      expect(await queryRows(database.db, sql`SELECT n FROM uow_probe WHERE n = 21`)).toEqual([]);
    });

    it('inside a savepoint are written at once and roll back with it; those before it stay', async () => {
      await database.db.transaction(async (tx) => {
        await appendAtCommit(tx, parent(30));
        await tx
          .transaction(async (inner) => {
            await appendAtCommit(currentDb(database.db), parent(31));
            await appendAtCommit(inner, parent(32));
            throw new Error('the savepoint fails');
          })
          .catch(() => undefined);
        await appendAtCommit(tx, parent(33));
      });
      const written = await rows('uow_parent');
      expect(written).toEqual(expect.arrayContaining([30, 33]));
      expect(written).not.toContain(31);
      expect(written).not.toContain(32);
    });

    it("ride along with the transaction's next statement that takes them (withAppends), and are not written twice", async () => {
      await database.db.transaction(async (tx) => {
        await appendAtCommit(tx, parent(50), child(50));
        await tx.execute(withAppends(tx, [sql`p AS (INSERT INTO uow_probe VALUES (50) RETURNING n)`], sql`SELECT n FROM p`));
        // written by that statement: visible inside the transaction already
        expect(await queryRows(tx, sql`SELECT n FROM uow_child WHERE n = 50`)).toEqual([{ n: 50 }]);
      });
      expect((await rows('uow_parent')).filter((n) => n === 50)).toEqual([50]);
      // nothing waiting, or outside the transaction: the statement is the caller's alone
      const alone = withAppends(database.db, [], sql`SELECT 1`);
      expect(alone).toEqual(sql`SELECT 1`);
    });

    it('many rows of one change are written in bounded statements, all of them', async () => {
      await database.db.transaction(async (tx) => {
        for (let n = 1000; n < 1450; n++) await appendAtCommit(tx, parent(n));
      });
      expect((await rows('uow_parent')).filter((n) => n >= 1000)).toHaveLength(450);
    });

    it('outside a transaction are written at once', async () => {
      await appendAtCommit(database.db, parent(40));
      expect(await rows('uow_parent')).toContain(40);
    });
  });

  describe('the last statement, sent with the COMMIT (sendLast)', () => {
    const probe = async () => (await queryRows<{ n: number }>(database.db, sql`SELECT n FROM uow_probe ORDER BY n`)).map((r) => r.n);

    it('commits with the rest of the transaction, its rows written with it', async () => {
      const answer = await database.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO uow_probe VALUES (7070)`);
        await sendLast(tx, sql`INSERT INTO uow_probe VALUES (7071)`);
        return 'done';
      });
      expect(answer).toBe('done');
      expect(await probe()).toEqual(expect.arrayContaining([7070, 7071]));
    });

    it('fails the transaction when it fails: the COMMIT behind it rolls everything back, and its error is the one thrown', async () => {
      const attempt = database.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO uow_probe VALUES (7080)`);
        // 1 / 0: the statement fails only once it runs, after the body has returned
        await sendLast(tx, sql`INSERT INTO uow_probe SELECT 7081 / (SELECT count(*)::int FROM uow_probe WHERE n < 0)`);
        return 'done';
      });
      const err = (await attempt.catch((e: unknown) => e)) as Error & { cause?: Error };
      expect(`${err.message} ${err.cause?.message ?? ''}`).toMatch(/division by zero/);
      expect(await probe()).not.toContain(7080);
      expect(await probe()).not.toContain(7081);
      // the connection is fine afterwards: the next transaction commits
      await database.db.transaction((tx) => sendLast(tx, sql`INSERT INTO uow_probe VALUES (7082)`));
      expect(await probe()).toContain(7082);
    });

    it('what fails after it because it failed ("current transaction is aborted") gives way to its own error', async () => {
      const attempt = database.db.transaction(async (tx) => {
        await sendLast(tx, sql`INSERT INTO uow_probe SELECT 7091 / (SELECT count(*)::int FROM uow_probe WHERE n < 0)`);
        await tx.execute(sql`INSERT INTO uow_probe VALUES (7092)`);
      });
      const err = (await attempt.catch((e: unknown) => e)) as Error & { cause?: Error };
      expect(`${err.message} ${err.cause?.message ?? ''}`).toMatch(/division by zero/);
      expect(await probe()).not.toContain(7092);
    });

    it('a statement behind it that fails, sent without waiting, fails the COMMIT: nothing is committed', async () => {
      const attempt = database.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO uow_probe VALUES (7095)`);
        await sendLast(tx, sql`INSERT INTO uow_probe VALUES (7096)`);
        // queued behind it and not awaited in the transaction (as a transition's read-back is)
        tx.execute(sql`SELECT 1 / (SELECT count(*)::int FROM uow_probe WHERE n < 0)`).catch(() => undefined);
      });
      const err = (await attempt.catch((e: unknown) => e)) as Error & { cause?: Error };
      expect(`${err.message} ${err.cause?.message ?? ''}`).toMatch(/rolled/i);
      expect(await probe()).not.toContain(7095);
      expect(await probe()).not.toContain(7096);
    });

    it('knows whether a connection keeps statements sent without waiting before its COMMIT (not in-process PGlite)', async () => {
      expect(await database.db.transaction(async (tx) => pipelines(tx))).toBe(backend !== 'pglite');
    });

    it('is sent once per transaction: a second one is a mistake, refused', async () => {
      const attempt = database.db.transaction(async (tx) => {
        await sendLast(tx, sql`INSERT INTO uow_probe VALUES (7093)`);
        await sendLast(tx, sql`INSERT INTO uow_probe VALUES (7094)`);
      });
      await expect(attempt).rejects.toThrow(/last statement already/);
      expect(await probe()).not.toContain(7093);
    });

    it('inside a savepoint it is an ordinary statement: the savepoint rolls back on its own', async () => {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO uow_probe VALUES (7090)`);
        await expect(tx.transaction((inner) => sendLast(inner, sql`INSERT INTO uow_probe VALUES (7090)`))).rejects.toThrow();
      });
      expect((await probe()).filter((n) => n === 7090)).toEqual([7090]);
    });
  });
});

// node-postgres connections (PostgreSQL, PGlite on its thread) pipeline; the in-process PGlite has no connection
describe.each([...backends.filter((b) => b === 'postgres'), 'pglite-worker' as const])('the last statement on a connection of %s', (backend) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    await database.db.execute(sql`CREATE TABLE last_probe (n int PRIMARY KEY)`);
  });
  afterAll(() => database.drop());

  type Writable = { _write: (chunk: Buffer, ...rest: unknown[]) => unknown; _writev?: (chunks: { chunk: Buffer }[], ...rest: unknown[]) => unknown };

  it('leaves with its COMMIT in one write', async () => {
    const writes: string[] = [];
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO last_probe VALUES (1)`);
      const stream = (tx as unknown as { session: { client: { connection: { stream: Writable } } } }).session.client.connection.stream;
      const write = stream._write.bind(stream);
      const writev = stream._writev?.bind(stream);
      stream._write = (chunk, ...rest) => (writes.push(chunk.toString('latin1')), write(chunk, ...rest));
      if (writev) stream._writev = (chunks, ...rest) => (writes.push(chunks.map((c) => c.chunk.toString('latin1')).join('')), writev(chunks, ...rest));
      await sendLast(tx, sql`INSERT INTO last_probe VALUES (2)`);
    });
    // awaited, the statement would have gone out alone and the COMMIT in a write of its own
    const together = writes.filter((w) => w.includes('INSERT INTO last_probe VALUES (2)') && /commit/i.test(w));
    expect(together).toHaveLength(1);
    expect((await queryRows<{ n: number }>(database.db, sql`SELECT n FROM last_probe ORDER BY n`)).map((r) => r.n)).toEqual([1, 2]);
  });

  /** Records what the transaction's connection writes until `stop` (the pool keeps the connection). */
  const watchWrites = (tx: unknown, writes: string[]) => {
    const stream = (tx as { session: { client: { connection: { stream: Writable } } } }).session.client.connection.stream;
    const { _write: write, _writev: writev } = stream;
    stream._write = (chunk, ...rest) => (writes.push(chunk.toString('latin1')), write.call(stream, chunk, ...rest));
    if (writev) stream._writev = (chunks, ...rest) => (writes.push(chunks.map((c) => c.chunk.toString('latin1')).join('')), writev.call(stream, chunks, ...rest));
    return () => Object.assign(stream, { _write: write, _writev: writev });
  };

  it('rows appended at commit are its last statement: they leave with the COMMIT in one write', async () => {
    const writes: string[] = [];
    let stop = () => {};
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO last_probe VALUES (3)`);
      stop = watchWrites(tx, writes);
      await appendAtCommit(tx, sql`INSERT INTO last_probe VALUES (4)`, sql`INSERT INTO last_probe VALUES (5)`);
    }).finally(() => stop());
    // flushed and awaited, they would have gone out alone and the COMMIT in a write of its own
    expect(writes.filter((w) => w.includes('INSERT INTO last_probe VALUES (4)') && w.includes('VALUES (5)') && /commit/i.test(w))).toHaveLength(1);
    expect((await queryRows<{ n: number }>(database.db, sql`SELECT n FROM last_probe WHERE n BETWEEN 3 AND 5 ORDER BY n`)).map((r) => r.n)).toEqual([3, 4, 5]);
  });

  it('rows appended at commit that fail fail the transaction with their own error: nothing is committed', async () => {
    const attempt = database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO last_probe VALUES (7095)`);
      await appendAtCommit(tx, sql`INSERT INTO last_probe VALUES (7096)`, sql`INSERT INTO last_probe VALUES (7095)`);
    });
    const err = (await attempt.catch((e: unknown) => e)) as Error & { cause?: Error };
    expect(`${err.message} ${err.cause?.message ?? ''}`).toMatch(/duplicate key/);
    const rows = (await queryRows<{ n: number }>(database.db, sql`SELECT n FROM last_probe`)).map((r) => r.n);
    expect(rows).not.toContain(7095);
    expect(rows).not.toContain(7096);
  });

  it('a read behind it that fails only after the database answered (decoding its rows) leaves a committed transaction committed: its taker hears of it', async () => {
    let read: Promise<unknown> | undefined;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO last_probe VALUES (7093)`);
      await sendLast(tx, sql`INSERT INTO last_probe VALUES (7094)`);
      read = sendBehind(tx, tx.execute(sql`SELECT 1 AS one`).then(() => Promise.reject(new Error('the rows could not be decoded'))));
    });
    await expect(read).rejects.toThrow('the rows could not be decoded');
    expect((await queryRows<{ n: number }>(database.db, sql`SELECT n FROM last_probe WHERE n IN (7093, 7094) ORDER BY n`)).map((r) => r.n)).toEqual([7093, 7094]);
  });

  it('a read queued behind it (sendBehind) that fails is the error told, and nothing is committed', async () => {
    const attempt = database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO last_probe VALUES (7097)`);
      await sendLast(tx, sql`INSERT INTO last_probe VALUES (7098)`);
      void sendBehind(tx, tx.execute(sql`SELECT 1 / (SELECT count(*)::int FROM last_probe WHERE n < 0)`));
    });
    const err = (await attempt.catch((e: unknown) => e)) as Error & { cause?: Error };
    expect(`${err.message} ${err.cause?.message ?? ''}`).toMatch(/division by zero/);
    const rows = (await queryRows<{ n: number }>(database.db, sql`SELECT n FROM last_probe`)).map((r) => r.n);
    expect(rows).not.toContain(7097);
    expect(rows).not.toContain(7098);
  });
});
