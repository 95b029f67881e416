import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caughtUp, freshDatabase } from '../../test/harness.js';
import type { Database } from './client.js';
import { createChangeCache } from './change-cache.js';
import { LISTENER_NAME } from './change-listener.js';

/* The rules every kept copy follows (change-cache.ts), on the embedded database: no listener to wait for. */
describe('a cache let go of by writes, by age and by room', () => {
  let database: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    database = await freshDatabase('pglite');
  });
  afterAll(() => database?.drop());

  it('keeps an entry only if nothing it is read from was written since its read began', async () => {
    const cache = createChangeCache<string>(database, { name: 'probe', tables: ['probe_kept'], channels: [], maxEntries: 10 });
    await cache.ready();
    const stamp = cache.generation();
    // a write committed while the read was on its way: what it read may be the old value
    await database.db.transaction(async (tx) => void (await tx.execute('CREATE TEMP TABLE IF NOT EXISTS probe_kept (id int)')));
    cache.set('a', 'old', stamp);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 'new', cache.generation());
    expect(cache.get('a')).toBe('new');
    await cache.close();
  });

  it('reads an entry again once it is older than maxAgeMs', async () => {
    const cache = createChangeCache<string>(database, { name: 'probe', tables: [], channels: [], maxEntries: 10, maxAgeMs: 30 });
    cache.set('a', 'kept', cache.generation());
    expect(cache.get('a')).toBe('kept');
    await new Promise((r) => setTimeout(r, 60));
    expect(cache.get('a')).toBeUndefined();
    await cache.close();
  });

  it('makes room by letting go of the entry kept first', async () => {
    const cache = createChangeCache<number>(database, { name: 'probe', tables: [], channels: [], maxEntries: 3 });
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) cache.set(key, i, cache.generation());
    expect(['a', 'b', 'c', 'd'].map((k) => cache.get(k))).toEqual([undefined, 1, 2, 3]);
    // setting a kept key again takes no room
    cache.set('b', 10, cache.generation());
    expect(['b', 'c', 'd'].map((k) => cache.get(k))).toEqual([10, 2, 3]);
    await cache.close();
  });
});

/* On PostgreSQL the caches of one process share one listening connection (change-listener.ts). */
describe.runIf(process.env.TEST_DATABASE_URL)('caches listening on PostgreSQL', () => {
  let database: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    database = await freshDatabase('postgres');
  });
  afterAll(() => database?.drop());

  const listeners = async () =>
    (await database.pool!.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [LISTENER_NAME])).rows[0]!.n;
  /** What `read` answers once it is `want` (5 s at most), or its last answer. */
  const settled = async (read: () => Promise<number>, want: number) => {
    const until = Date.now() + 5000;
    for (;;) {
      const n = await read();
      if (n === want || Date.now() > until) return n;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  /** Sends a notification from a connection of the pool (another instance's commit would). */
  const notify = (channel: string, payload = '') => database.pool!.query(`SELECT pg_notify($1, $2)`, [channel, payload]);
  it('three caches, one connection: each hears its own channels, and the last one closed ends it', async () => {
    const options = { tables: [], maxEntries: 10 };
    const sessions = createChangeCache<string>(database, { ...options, name: 'sessions', channels: ['probe_sessions'] });
    const pages = createChangeCache<string>(database, { ...options, name: 'pages', channels: ['probe_needs', 'probe_sessions'] });
    await Promise.all([sessions.ready(), pages.ready()]);
    // a cache made once the connection is open listens on it too, to a channel not listened to before
    const counts = createChangeCache<string>(database, { ...options, name: 'counts', channels: ['probe_counts'] });
    await counts.ready();
    expect(await listeners()).toBe(1);

    for (const cache of [sessions, pages, counts]) cache.set('k', 'kept', cache.generation());
    // caughtUp: every notification committed before it is handled once it settles
    await notify('probe_needs');
    await caughtUp(database.pool!);
    expect([sessions.get('k'), pages.get('k'), counts.get('k')]).toEqual(['kept', undefined, 'kept']);
    await notify('probe_counts');
    await caughtUp(database.pool!);
    expect(counts.get('k')).toBeUndefined();
    // neither channel is the sessions cache's: it kept its entry all along
    expect(sessions.get('k')).toBe('kept');
    await notify('probe_sessions');
    await caughtUp(database.pool!);
    expect(sessions.get('k')).toBeUndefined();

    await Promise.all([sessions.close(), pages.close()]);
    expect(await listeners()).toBe(1); // counts still listens
    await counts.close();
    // the server process leaves pg_stat_activity a moment after its client has hung up (under a full run's load, later)
    expect(await settled(listeners, 0)).toBe(0);
  });

  it('a signal naming a district lets go of that district’s entries and the untagged ones; a signal naming none, of all', async () => {
    const cache = createChangeCache<string>(database, { name: 'districts', tables: [], channels: ['probe_districts'], maxEntries: 10 });
    await cache.ready();
    const keep = () => {
      const at = cache.generation();
      cache.set('a1', 'A', at, 'district-a');
      cache.set('a2', 'A', at, 'district-a');
      cache.set('b', 'B', at, 'district-b');
      cache.set('any', 'untagged', at);
    };
    const kept = () => ['a1', 'a2', 'b', 'any'].map((k) => cache.get(k) ?? null);
    keep();
    expect(kept()).toEqual(['A', 'A', 'B', 'untagged']);
    await notify('probe_districts', 'district-a');
    await caughtUp(database.pool!);
    expect(kept()).toEqual([null, null, 'B', null]);

    // a read begun before district b changed is not kept for b, but is for a; an untagged one, for nobody
    const stamp = cache.generation();
    await notify('probe_districts', 'district-b');
    await caughtUp(database.pool!);
    cache.set('a1', 'A', stamp, 'district-a');
    cache.set('b', 'B', stamp, 'district-b');
    cache.set('any', 'untagged', stamp);
    expect(kept()).toEqual(['A', null, null, null]);

    keep();
    await notify('probe_districts');
    await caughtUp(database.pool!);
    expect(kept()).toEqual([null, null, null, null]);
    // and what was read before a change to every district is kept for none
    const before = cache.generation();
    await notify('probe_districts');
    await caughtUp(database.pool!);
    cache.set('a1', 'A', before, 'district-a');
    expect(cache.get('a1')).toBeUndefined();
    await cache.close();
  });

  it('a lost connection: every cache keeps nothing until the connection is back, then keeps again', async () => {
    const logged: string[] = [];
    const caches = ['a', 'b'].map((name) => createChangeCache<string>(database, { name, tables: [], channels: ['probe_needs'], maxEntries: 10 }, (m) => logged.push(m)));
    await Promise.all(caches.map((c) => c.ready()));
    for (const c of caches) c.set('k', 'kept', c.generation());
    await database.pool!.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [LISTENER_NAME]);
    // both told at once (the connection is taken again a second later): until then nothing is kept
    for (let i = 0; i < 50 && logged.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(logged).toEqual(['a: not listening (terminating connection due to administrator command); everything is read from the database until it is back', 'b: not listening (terminating connection due to administrator command); everything is read from the database until it is back']);
    expect(caches.map((c) => c.get('k'))).toEqual([undefined, undefined]);
    for (const c of caches) c.set('k', 'while lost', c.generation());
    expect(caches.map((c) => c.get('k'))).toEqual([undefined, undefined]);
    // back within a second or so, one connection for both
    await Promise.all(caches.map((c) => c.ready()));
    expect(await listeners()).toBe(1);
    for (const c of caches) c.set('k', 'kept again', c.generation());
    expect(caches.map((c) => c.get('k'))).toEqual(['kept again', 'kept again']);
    expect(logged.filter((m) => m.includes('not listening'))).toHaveLength(2);
    expect(logged.filter((m) => m.includes('listening again'))).toHaveLength(2);
    await Promise.all(caches.map((c) => c.close()));
  });

  it('a cache made while the connection is on its way, on a channel of its own, is listened to as well', async () => {
    const first = createChangeCache<string>(database, { name: 'first', tables: [], channels: ['probe_first'], maxEntries: 10 });
    const opening = first.ready(); // the connection is on its way, not yet listening
    const second = createChangeCache<string>(database, { name: 'second', tables: [], channels: ['probe_second'], maxEntries: 10 });
    await Promise.all([opening, second.ready()]);
    expect(await listeners()).toBe(1);
    for (const c of [first, second]) c.set('k', 'kept', c.generation());
    await notify('probe_second');
    await caughtUp(database.pool!);
    expect([first.get('k'), second.get('k')]).toEqual(['kept', undefined]);
    await Promise.all([first.close(), second.close()]);
  });
});
