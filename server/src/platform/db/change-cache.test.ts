import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/harness.js';
import type { Database } from './client.js';
import { createChangeCache } from './change-cache.js';

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
