import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { AccountFilters } from './accounts.api';

const DEFAULT_PAGE_SIZE = 20;

/**
 * Filters and paging live in the URL (?q=&role=&page=), so a filtered list can be bookmarked,
 * shared with a colleague, and survives a reload or the back button.
 */
export function useAccountQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => {
    const status = params.get('status');
    return {
      q: params.get('q') || undefined,
      regionId: params.get('regionId') || undefined,
      role: params.get('role') || undefined,
      status: status === 'active' || status === 'disabled' ? status : undefined,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE,
    } satisfies AccountFilters & { page: number; pageSize: number };
  }, [params]);

  const write = useCallback(
    (next: AccountFilters & { page?: number; pageSize?: number }) => {
      const out = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) if (value !== undefined && value !== '' && value !== null) out.set(key, String(value));
      setParams(out);
    },
    [setParams],
  );

  /** New filters start again at page 1. */
  const setFilters = useCallback((filters: AccountFilters) => write({ ...filters, pageSize: query.pageSize }), [write, query.pageSize]);
  const setPage = useCallback((page: number, pageSize: number) => write({ ...query, page, pageSize }), [write, query]);

  return { query, setFilters, setPage };
}
