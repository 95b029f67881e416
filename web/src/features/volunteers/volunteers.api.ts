import { allValues, api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/api';
import { http, type Query } from '../../api/client';

export type VolunteerRow = ApiResponse<'/api/volunteers', 'get'>['items'][number];
export type VolunteerDetail = ApiResponse<'/api/volunteers/{id}', 'get'>;
export type VolunteerQuery = ApiQuery<'/api/volunteers', 'get'>;
export type MyRegistration = ApiResponse<'/api/volunteers/me', 'get'>;
export type Application = ApiBody<'/api/volunteers/apply', 'post'>;
export type VolunteerStatus = VolunteerRow['status'];
export type PoliticalStatus = VolunteerRow['politicalStatus'];
export type RegistrySettings = ApiResponse<'/api/volunteers/settings', 'get'>;
export type ReasonMove = 'refuse' | 'suspend' | 'leave';

export const volunteerStatuses = allValues<VolunteerStatus>()(['applied', 'active', 'refused', 'suspended', 'left']);
export const politicalStatuses = allValues<PoliticalStatus>()(['masses', 'league', 'party', 'probationary']);

export const volunteersApi = {
  list: (query: VolunteerQuery, signal?: AbortSignal) => api.get('/api/volunteers', { query, signal }),
  get: (id: string) => api.get('/api/volunteers/{id}', { params: { id } }),
  mine: () => api.get('/api/volunteers/me'),
  apply: (body: Application) => api.post('/api/volunteers/apply', { body }),
  leave: (reason?: string) => api.post('/api/volunteers/me/leave', { body: reason ? { reason } : {} }),
  approve: (id: string) => api.post('/api/volunteers/{id}/approve', { params: { id }, body: {} }),
  approveMany: (ids: string[]) => api.post('/api/volunteers/approve', { body: { ids } }),
  refuse: (id: string, reason: string) => api.post('/api/volunteers/{id}/refuse', { params: { id }, body: { reason } }),
  suspend: (id: string, reason: string) => api.post('/api/volunteers/{id}/suspend', { params: { id }, body: { reason } }),
  leaveFor: (id: string, reason: string) => api.post('/api/volunteers/{id}/leave', { params: { id }, body: { reason } }),
  reinstate: (id: string) => api.post('/api/volunteers/{id}/reinstate', { params: { id }, body: {} }),
  export: (query: Omit<VolunteerQuery, 'page' | 'pageSize'>) => http.download('/api/volunteers/export', query as Query),
  settings: () => api.get('/api/volunteers/settings'),
  saveSettings: (body: RegistrySettings) => api.put('/api/volunteers/settings', { body }),
  verifyCard: (code: string) => api.get('/api/public/volunteer-cards/{code}', { params: { code } }),
};

/** ★★★ for 3; an empty string for none. */
export const stars = (n: number) => '★'.repeat(n);
