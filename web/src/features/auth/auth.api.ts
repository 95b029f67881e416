import { http } from '../../api/client';
import type { Permission } from '../../lib/roles';
import type { Account } from '../accounts/accounts.api';

/** GET /api/auth/me: who I am, what I may do, and the subtree I see. */
export type Me = {
  account: Account;
  permissions: Permission[];
  /** `path`: the nodes from the district down to my own (for "文化社区 / 第一网格 / 1号楼"). */
  scope: { regionId: string; regionName: string | null; regionType: string | null; path?: { id: string; name: string; type: string }[] };
};

export type Credentials = { phone: string; password: string };
export type Registration = Credentials & { name: string; regionId: string; volunteer?: boolean };

export const authApi = {
  me: () => http.get<Me>('/api/auth/me'),
  login: (body: Credentials) => http.post<Me>('/api/auth/login', body),
  logout: () => http.post<{ ok: boolean }>('/api/auth/logout'),
  changePassword: (body: { currentPassword: string; newPassword: string }) => http.post<{ ok: boolean }>('/api/auth/password', body),
  /** 202 with the same answer whether or not the number was free, and no session: log in next. */
  register: (body: Registration) => http.post<{ ok: boolean }>('/api/auth/register', body),
};
