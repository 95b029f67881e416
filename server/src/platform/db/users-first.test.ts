import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client.js';
import { usersFirst } from './users-first.js';

/*
 * Long work (an export, the demo's history) gives way to users on the embedded database's one
 * connection: a request's statements all run before the work's next step.
 */
describe('users first on the embedded connection', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ pgliteThread: 'worker' });
  });
  afterAll(() => database?.close());

  it("waits for a request's statement and the next one that follows it", async () => {
    const users = usersFirst(database, 10);
    const order: string[] = [];
    try {
      const request = (async () => {
        await database.db.execute(sql`SELECT pg_sleep(0.05)`);
        order.push('user 1');
        await sleep(3); // the request's code between two of its statements
        await database.db.execute(sql`SELECT 1`);
        order.push('user 2');
      })();
      await sleep(10); // the request's first statement holds the connection
      await users.wait();
      order.push('work');
      await request;
    } finally {
      users.stop();
    }
    expect(order).toEqual(['user 1', 'user 2', 'work']);
  });

  it('moves on within about a second under a steady stream of statements', async () => {
    const users = usersFirst(database, 10);
    let stop = false;
    const stream = (async () => {
      while (!stop) await database.db.execute(sql`SELECT pg_sleep(0.002)`);
    })();
    try {
      await sleep(5);
      const t0 = performance.now();
      await users.wait();
      const waited = performance.now() - t0;
      expect(waited).toBeGreaterThanOrEqual(900);
      expect(waited).toBeLessThan(3000);
    } finally {
      stop = true;
      users.stop();
      await stream;
    }
  });

  it('returns at once where users do not queue behind the work (no single shared connection)', async () => {
    const inline = await openDatabase({});
    try {
      const users = usersFirst(inline, 10);
      const t0 = performance.now();
      await users.wait();
      expect(performance.now() - t0).toBeLessThan(5);
      users.stop();
    } finally {
      await inline.close();
    }
  });
});
