import { useUrlListQuery } from '../../../lib/use-url-list-query';

const filterKeys = ['status', 'categoryId', 'regionId', 'channel', 'kind', 'from', 'to', 'q', 'due'] as const;

/** The ledger's filters and paging live in the URL, so a filtered ledger can be shared and reloaded. */
export function useNeedQuery() {
  const { query: asked, filters, setFilters, narrow, setPage } = useUrlListQuery(filterKeys);
  // looking for what is overdue or due soon: the nearest deadline first
  const query = asked.due ? { ...asked, sort: 'deadline' } : asked;
  /** The status tabs keep the other filters. */
  const setStatus = (status: string | undefined) => narrow({ status });
  return { query, filters, setFilters, setStatus, setPage };
}
