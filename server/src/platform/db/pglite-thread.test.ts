import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { migrationStatus, queryRows } from './client.js';

/*
 * Embedded PGlite on its worker thread (what `npm start` runs): the app goes through node-postgres,
 * and a long statement leaves the event loop free. The in-process PGlite of the other suites would
 * answer /healthz only after the statement (it holds the thread), so ordering proves where it runs.
 */
describe('embedded PGlite on a worker thread', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite-worker');
  });
  afterAll(() => t?.close());

  it('is migrated and seeded through node-postgres like PostgreSQL', async () => {
    expect(t.database.kind).toBe('pglite');
    expect(t.database.pool).toBeDefined();
    expect(t.database.pglite).toBeUndefined();
    const status = await migrationStatus(t.database);
    expect(status.applied).toBe(status.expected);
    const cookie = await t.login('communityAdmin1');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
  });

  it('answers /healthz while a heavy query runs, before that query returns', async () => {
    const order: string[] = [];
    const heavy = queryRows(t.database.db, sql`SELECT pg_sleep(1.5) AS slept`).then(() => order.push('heavy query'));
    // let the statement reach the database thread before asking
    await new Promise((resolve) => setTimeout(resolve, 200));
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    order.push('healthz');
    expect(health.statusCode).toBe(200);
    await heavy;
    expect(order).toEqual(['healthz', 'heavy query']);
  });

  it('keeps timers firing on the event loop while the database thread is busy', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    let ticksWhenDone = -1;
    await queryRows(t.database.db, sql`SELECT pg_sleep(1)`).then(() => (ticksWhenDone = ticks));
    clearInterval(timer);
    // in-process PGlite would hold the thread: not one tick before the statement returned
    expect(ticksWhenDone).toBeGreaterThan(5);
  });

  it('rolls back a transaction whose connection went away, and serves the next one', async () => {
    await t.database.db.execute(sql`CREATE TABLE thread_probe (n int)`);
    const client = await t.database.pool!.connect();
    await client.query('BEGIN');
    await client.query('INSERT INTO thread_probe VALUES (1)');
    client.release(new Error('dropped on purpose')); // destroys the connection mid-transaction
    const rows = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM thread_probe`);
    expect(rows[0]!.n).toBe(0);
  });

  it('sends BEGIN with the first statement: a failing transaction leaves nothing, the next one commits', async () => {
    await t.database.db.execute(sql`CREATE TABLE pipe_probe (n int)`);
    // the first statement itself fails (it went out behind the held BEGIN)
    await expect(t.database.db.transaction((tx) => tx.execute(sql`SELECT * FROM no_such_table`))).rejects.toThrow();
    // a later statement fails after a write
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO pipe_probe VALUES (1)`);
        await tx.execute(sql`SELECT 1 / 0`);
      }),
    ).rejects.toThrow();
    await t.database.db.transaction((tx) => tx.execute(sql`INSERT INTO pipe_probe VALUES (2)`));
    const rows = await queryRows<{ n: number }>(t.database.db, sql`SELECT n FROM pipe_probe`);
    expect(rows.map((r) => r.n)).toEqual([2]);
  });

  it('carries errors back as errors, and the session keeps working', async () => {
    await expect(t.database.db.execute(sql`SELECT * FROM no_such_table`)).rejects.toThrow();
    const rows = await queryRows<{ n: number }>(t.database.db, sql`SELECT 41 + 1 AS n`);
    expect(rows[0]!.n).toBe(42);
  });
});
