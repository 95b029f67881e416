import { api, type ApiQuery, type ApiResponse } from '../../api/api';

/** One audit entry: who (with the roles they held then), did what, to which object, from where. */
export type AuditEntry = ApiResponse<'/api/audit', 'get'>['items'][number];

type AuditQuery = ApiQuery<'/api/audit', 'get'>;
export type AuditFilters = Omit<AuditQuery, 'page' | 'pageSize'>;

export const auditApi = {
  search: (query: AuditQuery, signal?: AbortSignal) => api.get('/api/audit', { query, signal }),
};

/** Actions the server records today, offered as choices; any other code can still be typed. */
export const knownActions = [
  'auth.login',
  'auth.logout',
  'auth.change_password',
  'auth.login_failed',
  'auth.locked',
  'auth.throttled',
  'auth.unlock',
  'accounts.create',
  'accounts.update',
  'accounts.disable',
  'accounts.enable',
  'accounts.reset_password',
  'accounts.register',
  'accounts.register_existing',
  'pii.reveal',
  'regions.create',
  'regions.update',
  'regions.move',
  'regions.delete',
  'figures.export',
] as const;

/** Entries nobody signed in made (no actor id): shown as a visitor, not as the system. */
export const anonymousActions: readonly string[] = ['auth.login_failed', 'auth.locked', 'auth.throttled', 'accounts.register_existing'];

export const knownObjectTypes = ['account', 'region', 'figures'] as const;
