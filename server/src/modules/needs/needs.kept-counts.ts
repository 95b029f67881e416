import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { createChangeCache, type ChangeCache } from '../../platform/db/change-cache.js';
import type { Database, Db } from '../../platform/db/client.js';
import { needs } from './needs.table.js';

/*
 * Counts over many needs kept between requests: a staff ledger's total (needs.list-totals.ts), the
 * to-dos of a ledger's tabs and a workbench (needs.counts.ts) and the figures page's counts
 * (needs.figures-kept.ts); and a ledger's pages (needs.list-pages.ts). One change cache for all four,
 * each kind under a prefix of its own.
 *
 * Let go of by this instance's writes to what they count or show — needs, their slots (whether the
 * caller holds one) and timeline (ratings), regions (the subtree, its groups), teams and categories
 * (their names) — and by `lianxin_needs`, which every instance's changes to those send at commit
 * (migrations 0034, 0037; a region's delete is not signalled, and needs none: a region with needs or
 * children cannot be deleted). Not by `lianxin_sessions`: logins change nothing counted here.
 *
 * Each entry is tagged with its caller's district: another instance's change to a need, its slots or
 * timeline names its district (migration 0039), and so does this instance's commit of a signed-in
 * caller's request (platform/db/write-district.ts); either lets go of that district's counts only. A
 * new name signalled by another instance, and a commit no caller's district names (a job's), let go
 * of every district's. They pay while pages are read more often than needs change (paging through a
 * ledger, the tabs beside each page, the figures page opened by many). After a write, the next request
 * for each counts anew, as before.
 */
const COUNTED_TABLES = ['needs', 'need_assignments', 'need_events', 'regions', 'teams', 'need_categories'];
/** Entries kept at most, of all kinds, the one kept first making room; a kind may keep fewer (`keptKind`). */
const MAX_KEPT = 2_000;

export type KeptCounts = ChangeCache<unknown>;
/** One kind of count in the shared cache: what its owner reads and writes (closing and listening stay with the service). */
export type KeptKind<T> = Pick<ChangeCache<T>, 'generation' | 'get'> & {
  /** Keeps what was counted in `district` at `generation`, unless that district changed since. */
  set(key: string, value: T, generation: number, district: string): void;
  /**
   * What is kept under `key` if it `holds` (for the caller's now); else counted (`count`) in
   * `district`, and kept.
   * A caller who asks while the same count is under way, nothing written since it began, waits for it
   * and uses it if it holds for them too: 20 staff opening the same ledger after a change count once.
   */
  keptOrCounted(key: string, district: string, holds: (value: T) => boolean, count: () => Promise<T>): Promise<T>;
};
/** What a kind keeps of its own at most, when its entries are large (a district's figures by grid: one row per grid). */
type KindLimit = { maxEntries?: number };

export function createKeptCounts(database: Database, log: (msg: string) => void): KeptCounts {
  // `lianxin_teams` too: a page or figures kept with team names read from the teams' kept names
  // (teams.service.ts namesOf) must not outlive a rename another instance hears of after this one
  return createChangeCache<unknown>(database, { name: 'kept counts', tables: COUNTED_TABLES, channels: ['lianxin_needs', 'lianxin_teams'], maxEntries: MAX_KEPT, maxAgeMs: 60_000 }, log);
}

/** Made once per kind by its owner: the counts under way are its own. */
export function keptKind<T>(kept: KeptCounts, prefix: string, { maxEntries }: KindLimit = {}): KeptKind<T> {
  // this kind's keys in the order kept (some may be gone already: a write lets go of everything)
  const mine = new Set<string>();
  // counts under way, by generation and key: a count begun before a write is no one else's to share
  const underWay = new Map<string, Promise<T>>();
  const get = (key: string) => kept.get(`${prefix}|${key}`) as T | undefined;
  function set(key: string, value: T, generation: number, district: string) {
    const full = `${prefix}|${key}`;
    kept.set(full, value, generation, district);
    if (maxEntries === undefined) return;
    mine.delete(full);
    mine.add(full);
    if (mine.size > maxEntries) {
      const first = mine.values().next().value!;
      mine.delete(first);
      kept.delete(first);
    }
  }
  return {
    generation: () => kept.generation(),
    get,
    set,
    async keptOrCounted(key, district, holds, count) {
      const hit = get(key);
      if (hit !== undefined && holds(hit)) return hit;
      // not listening (starting, connection lost), another instance's write would go unheard: nothing shared
      if (!kept.keeping()) return count();
      const generation = kept.generation();
      const slot = `${generation}|${key}`;
      // the count under way, or the one a waiter started when that failed or did not hold for it
      for (let pending = underWay.get(slot); pending; ) {
        const shared = await pending.catch(() => undefined);
        if (shared !== undefined && holds(shared)) return shared;
        const next = underWay.get(slot);
        pending = next === pending ? undefined : next;
      }
      const counting = count();
      underWay.set(slot, counting);
      try {
        const counted = await counting;
        set(key, counted, generation, district);
        return counted;
      } finally {
        if (underWay.get(slot) === counting) underWay.delete(slot);
      }
    },
  };
}

/**
 * A key for what `where` picks: its SQL as it is sent (text and values), so equal scopes and filters
 * share it. Hashed: a subtree's ids are values (platform/scope regionAmong), up to 500 of them, and
 * thousands of keys kept as tens of kilobytes each would be memory for nothing, and slow to compare.
 */
export function whereKey(db: Db, where: SQL | undefined): string {
  const { sql: text, params } = db.select({ one: sql`1` }).from(needs).where(where).toSQL();
  return createHash('sha256').update(text).update('\u0000').update(JSON.stringify(params)).digest('base64');
}
