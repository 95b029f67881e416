import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { KeptKind } from './needs.kept-counts.js';
import { needs } from './needs.table.js';

/*
 * The exact total of a staff ledger's list (台账), kept between requests (platform/db/change-cache.ts).
 * A page of a district's ledger is its 20 rows, found at once by an index, and the total of all its
 * needs, which must count every one of them: 50,000 in the demo, 4.9 of the statement's 5.3 ms on
 * PostgreSQL, and most of the 6.8 ms a page cost embedded PGlite's thread (bench:reads). Paging
 * through the ledger, or opening a need and coming back to it, asks for that same total again and
 * again while nothing changes.
 *
 * Kept for the staff view (`all`: what it counts is the needs and the regions of the caller's
 * subtree, with filters whose values are in the key) without a deadline filter (those move with the
 * clock), keyed by what the count picks (`whereKey`): two callers with the same scope and filters
 * share it. Kept with the other counts (needs.kept-counts.ts), and let go of as they are.
 */
export type ListTotals = KeptKind<number>;

/** The count's SQL for `where`; an uncorrelated subquery of the page's statement when the total is not kept. */
export const totalOf = (where: SQL | undefined) => sql<number>`(SELECT count(*)::int FROM ${needs} WHERE ${where})`;
