import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export const DEFAULT_PAGE_SIZE = 20;

export type Paging = { page: number; pageSize: number };
export type UrlFilters<K extends string> = Partial<Record<K, string>>;

function readFilters<K extends string>(params: URLSearchParams, keys: readonly K[]): UrlFilters<K> {
  const filters: UrlFilters<K> = {};
  for (const key of keys) filters[key] = params.get(key) || undefined;
  return filters;
}

function read<K extends string>(params: URLSearchParams, keys: readonly K[]): UrlFilters<K> & Paging {
  return { ...readFilters(params, keys), page: Math.max(1, Number(params.get('page')) || 1), pageSize: Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE };
}

function write(next: Record<string, string | number | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) if (value !== undefined && value !== '') out.set(key, String(value));
  return out;
}

/**
 * A list's applied filters and paging, kept in the URL: a filtered list can be shared and reloaded,
 * and back/forward step through searches. The URL is the one copy of what is applied; a filter form
 * shows what is being typed, the list shows the answer for the URL.
 *
 * Every change builds on the browser's URL, not on the query last rendered: the router renders a new
 * URL in a transition, so 查询 followed at once by a status tab would otherwise write the tab over
 * the URL from before the search and lose the keyword.
 */
export function useUrlListQuery<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => read(params, keys), [params, keys]);

  const apply = useCallback(
    (change: (current: UrlFilters<K> & Paging) => Record<string, string | number | undefined>) =>
      setParams(write(change(read(new URLSearchParams(window.location.search), keys)))),
    [keys, setParams],
  );

  /** New filters start again at page 1 with the same page size. */
  const setFilters = useCallback((filters: UrlFilters<K>) => apply((current) => ({ ...filters, pageSize: current.pageSize })), [apply]);
  /** One filter more or changed (a status tab, clicking an actor), the others kept, back to page 1. */
  const narrow = useCallback((extra: UrlFilters<K>) => apply((current) => ({ ...current, ...extra, page: 1 })), [apply]);
  const setPage = useCallback((page: number, pageSize: number) => apply((current) => ({ ...current, page, pageSize })), [apply]);
  const filters = useMemo(() => readFilters(params, keys), [params, keys]);

  return { query, filters, setFilters, narrow, setPage };
}
