import { api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/api';

/** An account as the server shows it to me: phone and ID number masked unless it is my own. */
export type Account = ApiResponse<'/api/accounts/{id}', 'get'>;

type AccountsQuery = ApiQuery<'/api/accounts', 'get'>;
/** The list's filters as the URL holds them: any text, which the server checks (400 naming the field). */
export type AccountFilters = { [K in Exclude<keyof AccountsQuery, 'page' | 'pageSize'>]?: string };
export type NewAccount = ApiBody<'/api/accounts', 'post'>;
/** What the account form edits: everything but the phone and the password. */
export type AccountProfile = Omit<NewAccount, 'phone' | 'password'>;
export type PiiField = ApiBody<'/api/accounts/{id}/reveal', 'post'>['field'];

export const accountsApi = {
  list: (filters: AccountFilters & { page: number; pageSize: number }, signal?: AbortSignal) => api.get('/api/accounts', { query: filters as AccountsQuery, signal }),
  create: (body: NewAccount) => api.post('/api/accounts', { body }),
  update: (id: string, patch: ApiBody<'/api/accounts/{id}', 'patch'>) => api.patch('/api/accounts/{id}', { params: { id }, body: patch }),
  setStatus: (id: string, status: Account['status']) => api.post('/api/accounts/{id}/status', { params: { id }, body: { status } }),
  resetPassword: (id: string) => api.post('/api/accounts/{id}/reset-password', { params: { id } }),
  /** Ends every login lock and delay on the person's phone; audited. */
  unlock: (id: string) => api.post('/api/accounts/{id}/unlock', { params: { id } }),
  /** Audited on the server: who saw whose number, and when. */
  reveal: (id: string, field: PiiField) => api.post('/api/accounts/{id}/reveal', { params: { id }, body: { field } }),
};
