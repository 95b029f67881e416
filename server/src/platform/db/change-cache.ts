import type { Database } from './client.js';
import { listenForChanges } from './change-listener.js';
import { currentTransaction } from './unit-of-work.js';

/*
 * What is read often and changes rarely, kept in memory between requests (signed-in callers,
 * platform/auth/session-cache.ts; a need's page, modules/needs/needs.page-cache.ts; counts over many
 * needs, modules/needs/needs.kept-counts.ts; a post's category and place, `keptRead` below).
 *
 * What the database says stays the truth, on every instance:
 *  - An entry is stamped with the generation current when its read began, and is used only while that
 *    is still the generation: any change bumps it, and everything cached before is read again.
 *  - This instance bumps it after each of its own commits and root-level writes (client.ts
 *    `afterWrite`), before the writer's caller goes on, so its next request sees the change.
 *  - Other instances (PostgreSQL) hear of a change by a notification on one of the cache's channels,
 *    which the database's triggers send at commit whichever code path wrote it (migrations 0031,
 *    0034), on the process's one listening connection (change-listener.ts). While this instance is
 *    not listening (starting, connection lost) nothing is kept. The embedded database has no other
 *    instance.
 * An entry is also let go of past `maxAgeMs`, if given; otherwise its owner decides when it is too old
 * (a session's idle and lifetime limits).
 *
 * An entry may be tagged with the district it was read from (what the order chain keeps: a need's page,
 * a ledger's counts and pages). A change that names a district lets go only of that district's
 * entries, and of the untagged ones: another instance's signal names it in its payload (migration
 * 0039's triggers send the district of each changed row), this instance's commit when a signed-in
 * caller's request made it (write-district.ts). A change that names none (a TRUNCATE, a team's or
 * region's new name, every other channel, a job's or a login's commit) lets go of everything. Many
 * districts on one instance or one PostgreSQL then keep their copies while another district works.
 */

export type ChangeCache<T> = {
  /** The generation to stamp on what is about to be read. */
  generation(): number;
  /** Whether entries are kept now (PostgreSQL: while listening): a read under way may be shared only then. */
  keeping(): boolean;
  get(key: string): T | undefined;
  /**
   * Keeps `value`, read from the database at `generation`, unless something it may depend on changed
   * since: anything, or with `district` only a change to that district (or to every district).
   */
  set(key: string, value: T, generation: number, district?: string): void;
  /** Lets go of one entry (an owner bounding what it keeps of one kind). */
  delete(key: string): void;
  /** Settles once entries are kept (PostgreSQL: once listening), starting to listen if need be. */
  ready(): Promise<void>;
  close(): Promise<void>;
};

/** What a cache is for: its name in the log, the notifications that let go of it, how many entries it keeps. */
export type ChangeCacheOptions = {
  name: string;
  /** The tables what is kept is read from: this process's writes to them let go of it. */
  tables: readonly string[];
  /** The notifications other instances' changes to them arrive as (the tables' triggers). */
  channels: readonly string[];
  maxEntries: number;
  /**
   * How long an entry is used at most, even if nothing was heard: a signal can be missed (triggers
   * disabled by a restore, a listening connection dead for the seconds before its ping fails), and
   * then this bounds how long a copy can be out of date. Without it, the owner judges (a session's limits).
   */
  maxAgeMs?: number;
};

/** A cache let go of by this instance's writes and by notifications on `channels`; past `maxEntries` the entry kept first makes room. */
export function createChangeCache<T>(database: Database, options: ChangeCacheOptions, log: (msg: string) => void = () => undefined): ChangeCache<T> {
  const { name, tables, channels, maxEntries, maxAgeMs } = options;
  const entries = new Map<string, { value: T; generation: number; at: number; district?: string }>();
  // every change counts one generation; what a read may be stamped with is judged by when its district last changed
  let generation = 0;
  let everything = 0; // the generation of the last change to every district
  const changedAt = new Map<string, number>(); // a district's last change since then
  const ofDistrict = new Map<string, Set<string>>(); // the keys tagged with each district
  const untagged = new Set<string>();
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    if (entry.district === undefined) untagged.delete(key);
    else ofDistrict.get(entry.district)?.delete(key);
  };
  /** A change to `district` (a signal's payload, a commit made for it), or to anything (none named, or ''). */
  const bump = (district?: string) => {
    generation++;
    if (!district) {
      everything = generation;
      changedAt.clear();
      entries.clear();
      ofDistrict.clear();
      untagged.clear();
      return;
    }
    changedAt.set(district, generation);
    for (const key of ofDistrict.get(district) ?? []) entries.delete(key);
    ofDistrict.delete(district);
    for (const key of untagged) entries.delete(key);
    untagged.clear();
  };
  const changedSince = (at: number, district?: string) => (district === undefined ? at !== generation : at < everything || at < (changedAt.get(district) ?? 0));
  // this instance's writes, told with the district they were made for (platform/db/write-district.ts), if one
  database.afterWrite.add(bump, tables);
  // PostgreSQL: other instances' changes arrive as notifications, on the process's listening connection
  const pool = database.kind === 'postgres' ? database.pool : undefined;
  let listening = !pool;
  let closed = false;
  let waiting: (() => void)[] = [];
  let reported = false; // one warning per outage, not one a second
  const subscription = pool
    ? listenForChanges(pool, {
        channels,
        changed: bump,
        heard() {
          if (closed) return;
          // whatever changed while nobody listened was not heard: start from nothing
          bump();
          listening = true;
          if (reported) log(`${name}: listening again`);
          reported = false;
          for (const resolve of waiting) resolve();
          waiting = [];
        },
        lost(why) {
          if (closed) return;
          listening = false;
          bump();
          if (!reported) log(`${name}: not listening (${why}); everything is read from the database until it is back`);
          reported = true;
        },
      })
    : undefined;

  return {
    generation: () => generation,
    keeping: () => listening,
    get(key) {
      if (!listening) {
        if (!closed) subscription?.wake();
        return undefined;
      }
      const entry = entries.get(key);
      if (entry && maxAgeMs !== undefined && performance.now() - entry.at > maxAgeMs) {
        drop(key);
        return undefined;
      }
      return entry?.value;
    },
    set(key, value, at, district) {
      if (!listening || changedSince(at, district)) return;
      // a Map iterates in insertion order: the first key is the one kept first
      if (entries.size >= maxEntries && !entries.has(key)) drop(entries.keys().next().value!);
      drop(key);
      entries.set(key, { value, generation: at, at: performance.now(), district });
      if (district === undefined) untagged.add(key);
      else {
        let keys = ofDistrict.get(district);
        if (!keys) ofDistrict.set(district, (keys = new Set()));
        keys.add(key);
      }
    },
    delete(key) {
      drop(key);
    },
    ready() {
      if (listening || closed) return Promise.resolve();
      subscription?.wake();
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    async close() {
      closed = true;
      // whoever waits for the cache goes on: reads just come from the database
      for (const resolve of waiting) resolve();
      waiting = [];
      database.afterWrite.delete(bump);
      listening = false;
      bump();
      await subscription?.close();
    },
  };
}

/**
 * What `read` answers for `key`, kept in `cache` (and read from it while kept). Inside a transaction it
 * is always read, and not kept: a transaction sees its own writes, which nobody else sees yet. The entry
 * is stamped with the generation from before the read, so a change committed meanwhile is not kept.
 */
export async function keptRead<T>(cache: ChangeCache<T>, key: string, read: () => Promise<T>): Promise<T> {
  if (currentTransaction()) return read();
  const kept = cache.get(key);
  if (kept !== undefined) return kept;
  const generation = cache.generation();
  const value = await read();
  cache.set(key, value, generation);
  return value;
}

/** The entries of a kept map (a district's names, read whole and kept) for these keys: a fresh map the caller may change. */
export function entriesFor<V>(kept: ReadonlyMap<string, V>, keys: readonly string[]): Map<string, V> {
  const found = new Map<string, V>();
  for (const key of keys) if (kept.has(key)) found.set(key, kept.get(key)!);
  return found;
}

/**
 * A change cache made at its first use, so that services built for a script or a seed keep nothing and
 * listen to nothing; `close` closes it if it was made. Warnings go to the console, as the server's caches' do.
 */
export function cacheOnFirstUse<T>(database: Database, options: ChangeCacheOptions) {
  let made: ChangeCache<T> | undefined;
  const cache = () => (made ??= createChangeCache<T>(database, options, (msg) => console.warn(`[lianxin] ${msg}`)));
  return {
    cache,
    /** Settles once entries are kept (PostgreSQL: once this instance hears of changes). */
    ready: () => cache().ready(),
    close: async () => {
      await made?.close();
    },
  };
}
