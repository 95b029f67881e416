import { http, type Page } from '../../api/client';

/** An account as the server shows it to me: phone and ID number masked unless it is my own. */
export type Account = {
  id: string;
  name: string;
  phone: string;
  idNumber: string | null;
  roles: string[];
  regionId: string;
  regionName: string | null;
  regionType: string | null;
  status: 'active' | 'disabled' | string;
  mustChangePassword: boolean;
  gender: 'male' | 'female' | null;
  birthYear: number | null;
  skills: string[];
  lastLoginAt: string | null;
  createdAt: string;
};

export type AccountFilters = { q?: string; regionId?: string; role?: string; status?: 'active' | 'disabled' };
export type AccountProfile = {
  name: string;
  roles: string[];
  regionId: string;
  idNumber?: string;
  gender?: 'male' | 'female';
  birthYear?: number;
  skills?: string[];
};
export type NewAccount = AccountProfile & { phone: string; password?: string };
export type PiiField = 'phone' | 'idNumber';

export const accountsApi = {
  list: (filters: AccountFilters & { page: number; pageSize: number }, signal?: AbortSignal) => http.get<Page<Account>>('/api/accounts', filters, signal),
  create: (body: NewAccount) => http.post<{ account: Account; temporaryPassword?: string }>('/api/accounts', body),
  update: (id: string, patch: Partial<AccountProfile>) => http.patch<Account>(`/api/accounts/${id}`, patch),
  setStatus: (id: string, status: 'active' | 'disabled') => http.post<Account>(`/api/accounts/${id}/status`, { status }),
  resetPassword: (id: string) => http.post<{ temporaryPassword: string }>(`/api/accounts/${id}/reset-password`),
  /** Ends every login lock and delay on the person's phone; audited. */
  unlock: (id: string) => http.post<{ wasLocked: boolean }>(`/api/accounts/${id}/unlock`),
  /** Audited on the server: who saw whose number, and when. */
  reveal: (id: string, field: PiiField) => http.post<{ value: string | null }>(`/api/accounts/${id}/reveal`, { field }),
};
