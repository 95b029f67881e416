import { allValues, api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/api';

/** One incident as the caller sees it (the volunteer's own, or staff over their home). */
export type Incident = ApiResponse<'/api/conduct/incidents/{id}', 'get'>;
export type IncidentQuery = ApiQuery<'/api/conduct/incidents', 'get'>;
export type IncidentStatus = Incident['status'];
export type Suspension = Incident['suspension'];
export type ConductEntry = ApiResponse<'/api/conduct/entries', 'get'>[number];
export type EntryBody = ApiBody<'/api/conduct/entries', 'post'>;
export type RecordBody = ApiBody<'/api/conduct/incidents', 'post'>;
export type Review = ApiResponse<'/api/conduct/reviews', 'get'>['items'][number];
export type MyConduct = ApiResponse<'/api/conduct/me', 'get'>;
export type Fact = MyConduct['facts'][number];
export type Outcome = ApiBody<'/api/conduct/incidents/{id}/decide', 'post'>['outcome'];
export type ConductSettings = ApiResponse<'/api/conduct/settings', 'get'>;

export const incidentStatuses = allValues<IncidentStatus>()(['recorded', 'appealing', 'annulled', 'confirmed']);

export const conductApi = {
  entries: (includeInactive?: boolean) => api.get('/api/conduct/entries', { query: { includeInactive } }),
  createEntry: (body: EntryBody) => api.post('/api/conduct/entries', { body }),
  updateEntry: (id: string, body: EntryBody) => api.put('/api/conduct/entries/{id}', { params: { id }, body }),
  settings: () => api.get('/api/conduct/settings'),
  updateSettings: (body: ConductSettings) => api.put('/api/conduct/settings', { body }),
  incidents: (query: IncidentQuery, signal?: AbortSignal) => api.get('/api/conduct/incidents', { query, signal }),
  incident: (id: string) => api.get('/api/conduct/incidents/{id}', { params: { id } }),
  record: (body: RecordBody) => api.post('/api/conduct/incidents', { body }),
  appeal: (id: string, statement: string, photos: string[]) => api.post('/api/conduct/incidents/{id}/appeal', { params: { id }, body: { statement, photos } }),
  decide: (id: string, outcome: Outcome, reason: string) => api.post('/api/conduct/incidents/{id}/decide', { params: { id }, body: { outcome, reason } }),
  mine: () => api.get('/api/conduct/me'),
  reviews: (query: ApiQuery<'/api/conduct/reviews', 'get'>, signal?: AbortSignal) => api.get('/api/conduct/reviews', { query, signal }),
  resolveReview: (id: string, note: string) => api.post('/api/conduct/reviews/{id}/resolve', { params: { id }, body: { note } }),
  /** Volunteers in my scope matching a name, phone or number (the record form's picker). */
  findVolunteers: (q: string) => api.get('/api/volunteers', { query: { q, pageSize: 20, page: 1 } }),
};

/** The entry's title in the reader's language. */
export const entryTitle = (e: { entryTitle: string; entryTitleEn: string } | { title: string; titleEn: string }, language: string) =>
  'entryTitle' in e ? (language.startsWith('en') ? e.entryTitleEn : e.entryTitle) : language.startsWith('en') ? e.titleEn : e.title;
