import { useListQuery } from '../../lib/use-list-query';
import { useUrlListQuery } from '../../lib/use-url-list-query';
import { auditApi } from './audit.api';

const filterKeys = ['actorId', 'objectType', 'objectId', 'action', 'from', 'to'] as const;

/** Audit filters and paging in the URL, so an investigation can be shared as a link. */
export function useAuditQuery() {
  const { query, setFilters, narrow, setPage } = useUrlListQuery(filterKeys);
  const result = useListQuery({ key: ['audit'], query, fetch: auditApi.search });
  /** `narrow`: the current search and one more condition (clicking an actor or an object in the table). */
  return { query, result, setFilters, narrow, setPage };
}
