import type { Actor } from '../../platform/auth/actor.js';
import type { KeptKind } from './needs.kept-counts.js';

/*
 * A page of a staff ledger (台账) as the database last gave it — its rows and their total — kept
 * between requests with the ledger's counts (needs.kept-counts.ts), and let go of as they are: by any
 * write to a need, its slots or timeline, or a name its rows show, on any instance.
 *
 * The page's one statement was most of what a list cost: a community admin's first page walked the
 * district's newest needs until 20 were in the community (342 of them in the demo), each place looked
 * up, and was planned anew each time (bench:reads, PGlite's thread 3.5 ms of the request's 6.8).
 * Needs change a few hundred times a working day in a district; between two changes a ledger's pages are
 * opened again and again — paging back, coming back from a need, a colleague of the same community, the
 * tabs refreshing. Staff asking for the same page while it is read after a change wait for that read.
 *
 * Only what the database said is kept: who the caller is to each row (and so what it shows), and
 * what the clock decides (overdue, due soon), are worked out on every request (needs.queries.ts
 * toListItem). The key holds the caller, for whether they hold a slot in a row (`liveSlot`), with the
 * list's SQL (scope and filters), its order and its place in the list. Deadline filters are not kept:
 * the clock moves what they pick. Kept objects are shared between requests and never changed.
 */
export type KeptPage<Row> = { rows: Row[]; total: number };
export type ListPages<Row> = KeptKind<KeptPage<Row>>;

/** Pages kept at most: one is 20 rows of a few hundred bytes. */
export const MAX_LIST_PAGES = 500;

/** Whether this list's page may be kept: a staff ledger without a deadline filter, outside any transaction. */
export const keepsPage = (q: { view: string; due?: string }, inTransaction: boolean) => q.view === 'all' && !q.due && !inTransaction;

/** The key of a page: the caller, its order and place in the list, and the list's SQL (`whereKey`). */
export function pageKey(actor: Actor, whereKey: string, q: { sort?: string }, limit: number, offset: number): string {
  return `${actor.accountId}|${q.sort ?? ''}|${limit}|${offset}|${whereKey}`;
}
