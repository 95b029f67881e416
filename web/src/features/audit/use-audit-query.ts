import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { auditApi, type AuditFilters } from './audit.api';

const filterKeys = ['actorId', 'objectType', 'objectId', 'action', 'from', 'to'] as const;

/** Audit filters and paging in the URL, so an investigation can be shared as a link. */
export function useAuditQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => {
    const filters: AuditFilters = {};
    for (const key of filterKeys) filters[key] = params.get(key) || undefined;
    return { ...filters, page: Math.max(1, Number(params.get('page')) || 1), pageSize: Number(params.get('pageSize')) || 20 };
  }, [params]);

  const write = useCallback(
    (next: AuditFilters & { page?: number; pageSize?: number }) => {
      const out = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) if (value !== undefined && value !== '') out.set(key, String(value));
      setParams(out);
    },
    [setParams],
  );

  const setFilters = useCallback((filters: AuditFilters) => write({ ...filters, pageSize: query.pageSize }), [write, query.pageSize]);
  /** Narrow the current search by one more condition (clicking an actor or an object in the table). */
  const narrow = useCallback((extra: AuditFilters) => write({ ...query, ...extra, page: 1 }), [write, query]);
  const setPage = useCallback((page: number, pageSize: number) => write({ ...query, page, pageSize }), [write, query]);

  const result = useQuery({ queryKey: ['audit', query], queryFn: () => auditApi.search(query), placeholderData: keepPreviousData });
  return { query, result, setFilters, narrow, setPage };
}
