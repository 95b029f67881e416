import { createChangeCache, type ChangeCache } from '../../platform/db/change-cache.js';
import type { Database } from '../../platform/db/client.js';

/*
 * Counts over many needs kept between requests: a staff ledger's total (needs.list-totals.ts), the
 * to-dos of a ledger's tabs and a workbench (needs.counts.ts) and the figures page's counts
 * (needs.figures-kept.ts). One change cache for all (one listening connection per instance on
 * PostgreSQL), each under a prefix of its own.
 *
 * Let go of by this instance's writes to what they count — needs, their timeline (ratings), regions
 * (the subtree, its groups), teams and categories (their names) — and by `lianxin_needs`, which every instance's
 * changes to those send at commit (migrations 0034, 0037). Not by `lianxin_sessions`: logins change
 * nothing counted here.
 */
const COUNTED_TABLES = ['needs', 'need_events', 'regions', 'teams', 'need_categories'];
/** Entries kept at most, of both kinds; one is a number or a few kilobytes of figures. */
const MAX_KEPT = 2_500;

export type KeptCounts = ChangeCache<unknown>;

export function createKeptCounts(database: Database, log: (msg: string) => void): KeptCounts {
  return createChangeCache<unknown>(database, { name: 'kept counts', tables: COUNTED_TABLES, channels: ['lianxin_needs'], maxEntries: MAX_KEPT, maxAgeMs: 60_000 }, log);
}

/** One kind of count in the shared cache: its own keys, its own type. */
export function countsOf<T>(kept: KeptCounts, prefix: string): ChangeCache<T> {
  return {
    generation: () => kept.generation(),
    get: (key) => kept.get(`${prefix}|${key}`) as T | undefined,
    set: (key, value, generation) => kept.set(`${prefix}|${key}`, value, generation),
    ready: () => kept.ready(),
    close: () => kept.close(),
  };
}
