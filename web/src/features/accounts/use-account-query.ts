import { useMemo } from 'react';
import { useUrlListQuery } from '../../lib/use-url-list-query';
import type { AccountFilters } from './accounts.api';

const filterKeys = ['q', 'regionId', 'role', 'status'] as const;
const statuses = ['active', 'disabled'] as const;

/**
 * Filters and paging live in the URL (?q=&role=&page=), so a filtered list can be bookmarked,
 * shared with a colleague, and survives a reload or the back button.
 */
export function useAccountQuery() {
  const { query: raw, setFilters, setPage } = useUrlListQuery(filterKeys);
  // a hand-edited ?status= that is neither value means no status filter
  const query = useMemo(() => ({ ...raw, status: statuses.find((s) => s === raw.status) }) satisfies AccountFilters & { page: number; pageSize: number }, [raw]);
  return { query, setFilters, setPage };
}
