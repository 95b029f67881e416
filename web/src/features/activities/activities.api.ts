import { allValues, api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/api';

export type Activity = ApiResponse<'/api/activities/{id}', 'get'>;
export type ActivityQuery = ApiQuery<'/api/activities', 'get'>;
export type ActivityStatus = Activity['status'];
export type NewActivity = ApiBody<'/api/activities', 'post'>;
export type ActivityPatch = ApiBody<'/api/activities/{id}', 'patch'>;
export type Signup = ApiResponse<'/api/activities/{id}/signups', 'get'>['items'][number];
export type HoursRow = ApiResponse<'/api/activities/{id}/hours', 'get'>['items'][number];
export type HoursFlag = HoursRow['flags'][number];
export type Decision = ApiBody<'/api/activities/{id}/hours', 'post'>['items'][number];
export type ActivitySettings = ApiResponse<'/api/activity-settings', 'get'>;
export type Purpose = NonNullable<ApiQuery<'/api/activities/{id}/code', 'get'>['purpose']>;

export const activityStatuses = allValues<ActivityStatus>()(['draft', 'published', 'cancelled', 'finished']);

export const activitiesApi = {
  list: (query: ActivityQuery, signal?: AbortSignal) => api.get('/api/activities', { query, signal }),
  get: (id: string) => api.get('/api/activities/{id}', { params: { id } }),
  create: (body: NewActivity) => api.post('/api/activities', { body }),
  update: (id: string, body: ActivityPatch) => api.patch('/api/activities/{id}', { params: { id }, body }),
  publish: (id: string) => api.post('/api/activities/{id}/publish', { params: { id } }),
  cancel: (id: string, reason: string) => api.post('/api/activities/{id}/cancel', { params: { id }, body: { reason } }),
  signUp: (id: string) => api.post('/api/activities/{id}/signup', { params: { id } }),
  withdraw: (id: string) => api.post('/api/activities/{id}/withdraw', { params: { id } }),
  signups: (id: string) => api.get('/api/activities/{id}/signups', { params: { id } }),
  rollCall: (id: string, items: { accountId: string; present: boolean }[]) => api.post('/api/activities/{id}/roll-call', { params: { id }, body: { items } }),
  code: (id: string, purpose: Purpose) => api.get('/api/activities/{id}/code', { params: { id }, query: { purpose } }),
  scan: (body: ApiBody<'/api/activities/check-in', 'post'>) => api.post('/api/activities/check-in', { body }),
  hours: (id: string) => api.get('/api/activities/{id}/hours', { params: { id } }),
  decide: (id: string, items: Decision[]) => api.post('/api/activities/{id}/hours', { params: { id }, body: { items } }),
  saveSummary: (id: string, text: string, photos: string[]) => api.put('/api/activities/{id}/summary', { params: { id }, body: { text, photos } }),
  settings: () => api.get('/api/activity-settings'),
  saveSettings: (body: ActivitySettings) => api.put('/api/activity-settings', { body }),
  themedDay: (date: string) => api.get('/api/activities/themed-day', { query: { date } }),
};
