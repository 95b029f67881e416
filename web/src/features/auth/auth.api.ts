import { api, type ApiBody, type ApiResponse } from '../../api/api';

/** GET /api/auth/me: who I am, what I may do, and the subtree I see (`scope.path`: district down to my node). */
export type Me = ApiResponse<'/api/auth/me', 'get'>;

export type Credentials = ApiBody<'/api/auth/login', 'post'>;
export type Registration = ApiBody<'/api/auth/register', 'post'>;

export const authApi = {
  me: () => api.get('/api/auth/me'),
  login: (body: Credentials) => api.post('/api/auth/login', { body }),
  logout: () => api.post('/api/auth/logout'),
  changePassword: (body: ApiBody<'/api/auth/password', 'post'>) => api.post('/api/auth/password', { body }),
  /** 202 with the same answer whether or not the number was free, and no session: log in next. */
  register: (body: Registration) => api.post('/api/auth/register', { body }),
  /** The SMS verification code for a phone about to register in this community (202 either way). */
  sendRegistrationCode: (body: ApiBody<'/api/auth/register/code', 'post'>) => api.post('/api/auth/register/code', { body }),
};
