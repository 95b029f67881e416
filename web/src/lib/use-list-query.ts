import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page } from '../api/client';

/**
 * How every list reads the server, so that a list shows only the answer to the filters on screen:
 *
 * - the cache key holds the whole applied query (every filter, the page and the page size): each
 *   filter set has its own entry, and an answer can only ever land in the entry it was asked for;
 * - no placeholder data: while the answer for new filters is on its way the list shows that it is
 *   loading, never the rows of the previous filters under the new keyword (issue 12, finding 11: the
 *   ledger showed all 80 needs beside a title typed in the keyword box);
 * - the request carries the query's AbortSignal: once the user has moved on, the superseded request
 *   is aborted instead of keeping the server busy for an answer nobody will see.
 */
export function useListQuery<Q extends object, R>({
  key,
  query,
  fetch,
  enabled,
  staleTime,
}: {
  /** The list's own prefix (e.g. ['needs', 'list']); invalidating it refreshes every filter set. */
  key: readonly unknown[];
  /** Everything the answer depends on. */
  query: Q;
  fetch: (query: Q, signal: AbortSignal) => Promise<R>;
  enabled?: boolean;
  staleTime?: number;
}) {
  return useQuery({ queryKey: [...key, query], queryFn: ({ signal }) => fetch(query, signal), enabled, staleTime });
}

/**
 * The page a server-paged table should be on once its answer has come: the same page while it has
 * rows, else the last page that has any (page 1 when there are none) — a page asked for past the end
 * (page=9 of a list a filter or another user's change narrowed to 3 pages) is never left empty.
 */
export function pageInRange({ page, pageSize, total, rows }: { page: number; pageSize: number; total: number; rows: number }): number {
  if (rows > 0 || page <= 1) return page;
  return Math.min(page, Math.max(1, Math.ceil(total / pageSize)));
}

/** The page after `last`, or none when `last` held the final rows (a phone list stops asking then). */
export const nextPageOf = (last: Page<unknown>): number | undefined => (last.page * last.pageSize < last.total ? last.page + 1 : undefined);

/**
 * What a list shows for the query on screen, whichever kit draws it: its rows; else a spinner while
 * their answer is on its way — never "no data" under the spinner before it comes; else the error,
 * or the empty state once the answer is "nothing".
 */
export function listPhase({ rows, fetching, failed = false }: { rows: readonly unknown[] | undefined; fetching: boolean; failed?: boolean }): 'rows' | 'waiting' | 'failed' | 'empty' {
  if (rows?.length) return 'rows';
  if (failed) return 'failed';
  return fetching ? 'waiting' : 'empty';
}

/** The same rules for a phone list that grows page by page as the user scrolls. */
export function useInfiniteListQuery<Q extends object, T>({
  key,
  query,
  fetch,
}: {
  key: readonly unknown[];
  query: Q;
  fetch: (query: Q & { page: number }, signal: AbortSignal) => Promise<Page<T>>;
}) {
  return useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam, signal }) => fetch({ ...query, page: pageParam }, signal),
    initialPageParam: 1,
    getNextPageParam: nextPageOf,
  });
}
