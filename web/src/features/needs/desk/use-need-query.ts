import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { NeedFilters } from '../needs.api';

const filterKeys = ['status', 'categoryId', 'regionId', 'channel', 'kind', 'from', 'to', 'q'] as const;
const DEFAULT_PAGE_SIZE = 20;

/** The ledger's filters and paging live in the URL, so a filtered ledger can be shared and reloaded. */
export function useNeedQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => {
    const filters: NeedFilters = {};
    for (const key of filterKeys) filters[key] = params.get(key) || undefined;
    return { ...filters, page: Math.max(1, Number(params.get('page')) || 1), pageSize: Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE };
  }, [params]);

  const write = useCallback(
    (next: NeedFilters & { page?: number; pageSize?: number }) => {
      const out = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) if (value !== undefined && value !== '') out.set(key, String(value));
      setParams(out);
    },
    [setParams],
  );

  /** New filters start again at page 1; the status tabs keep the other filters. */
  const setFilters = useCallback((filters: NeedFilters) => write({ ...filters, pageSize: query.pageSize }), [write, query.pageSize]);
  const setStatus = useCallback((status: string | undefined) => write({ ...query, status, page: 1 }), [write, query]);
  const setPage = useCallback((page: number, pageSize: number) => write({ ...query, page, pageSize }), [write, query]);
  const filters = useMemo(() => {
    const { page: _page, pageSize: _size, ...rest } = query;
    return rest as NeedFilters;
  }, [query]);

  return { query, filters, setFilters, setStatus, setPage };
}
