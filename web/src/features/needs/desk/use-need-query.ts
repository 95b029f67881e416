import { useUrlListQuery } from '../../../lib/use-url-list-query';

const filterKeys = ['status', 'categoryId', 'regionId', 'channel', 'kind', 'from', 'to', 'q', 'due', 'sort'] as const;

/** The orders the ledger offers: newest first, nearest deadline first, running deadlines first (overdue on top). */
export const ledgerSorts = ['newest', 'deadline', 'overdueFirst'] as const;

/** The ledger's filters and paging live in the URL, so a filtered ledger can be shared and reloaded. */
export function useNeedQuery() {
  const { query: asked, filters, setFilters, narrow, setPage } = useUrlListQuery(filterKeys);
  // looking for what is overdue or due soon: the nearest deadline first, unless another order was asked
  const sort = asked.sort ?? (asked.due ? 'deadline' : 'newest');
  const query = { ...asked, sort };
  /** The status tabs keep the other filters. */
  const setStatus = (status: string | undefined) => narrow({ status });
  const setSort = (next: string) => narrow({ sort: next });
  /** The filter form leaves the order as it was. */
  const search = (next: typeof filters) => setFilters({ ...next, sort: asked.sort });
  // what the status tabs count: every filter but the state itself and the order
  const { status: _status, sort: _sort, ...countFilters } = filters;
  return { query, sort, filters, countFilters, setFilters: search, setStatus, setSort, setPage };
}
