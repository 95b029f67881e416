import { createChangeCache, type ChangeCache } from '../../platform/db/change-cache.js';
import type { Database } from '../../platform/db/client.js';
import type { ReadNeed } from './needs.access.js';

/*
 * A need's page as the database last gave it — the need, its slots, its timeline, its place and the
 * names it shows — kept between requests (platform/db/change-cache.ts). Only what any caller would
 * read is kept: who the caller is to the need (and so what they see and may do) is worked out on every
 * request, and so is everything the clock decides (overdue, the actions still open).
 *
 * The same page is opened over and over between two changes: a ledger's staff going through it, the
 * requester following their order, a community's volunteers looking at a new order in the pool. The
 * need's one statement was most of what its page cost (bench:reads: the server's CPU per page
 * 0.45 → 0.19 ms, and none of PostgreSQL's).
 *
 * This instance's write to any table a page is read from (PAGE_TABLES) lets go of every kept page;
 * another instance's change to a need, its slots or timeline, or a name the page shows, arrives as
 * `lianxin_needs` (migration 0034), a volunteer's new name or a region's move as `lianxin_sessions`
 * (0031) — which logins and logouts send too, so a busy district's pages are read again often: the
 * cache pays when many open the same need between two changes (a new order in a community's pool).
 * What is kept includes what only some callers may see (the requester's phone, address, answers):
 * `toNeedDetail` decides per caller. Kept objects are shared between requests and never changed.
 */
export type NeedPageCache = ChangeCache<ReadNeed>;

/** What a page is read from (needs.access.ts `fullNeed`): the need, its slots and timeline, and what names them. */
const PAGE_TABLES = ['needs', 'need_assignments', 'need_events', 'regions', 'teams', 'need_categories', 'accounts'];

/** Pages kept at most; one is a few kilobytes (a busy need's timeline is the larger part). */
const MAX_PAGES = 5_000;
/** A page is read again after this long even if no change was heard of (a missed signal's worst case). */
const MAX_AGE_MS = 60_000;

export function createNeedPageCache(database: Database, log: (msg: string) => void): NeedPageCache {
  return createChangeCache<ReadNeed>(database, { name: 'need page cache', tables: PAGE_TABLES, channels: ['lianxin_needs', 'lianxin_sessions'], maxEntries: MAX_PAGES, maxAgeMs: MAX_AGE_MS }, log);
}
