import { api, type ApiQuery, type ApiResponse } from '../../api/api';

/** One audit entry: who (with the roles they held then), did what, to which object, from where. */
export type AuditEntry = ApiResponse<'/api/audit', 'get'>['items'][number];

type AuditQuery = ApiQuery<'/api/audit', 'get'>;
export type AuditFilters = Omit<AuditQuery, 'page' | 'pageSize'>;

export const auditApi = {
  search: (query: AuditQuery, signal?: AbortSignal) => api.get('/api/audit', { query, signal }),
};
