import { allValues, api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/api';
import { http, type Query } from '../../api/client';

/** A person under care (关爱对象) as the caller may see them: the record (staff) or what a paired volunteer needs. */
export type Recipient = ApiResponse<'/api/care-recipients/{id}', 'get'>;
export type RecipientRow = ApiResponse<'/api/care-recipients', 'get'>['items'][number];
export type RecipientQuery = ApiQuery<'/api/care-recipients', 'get'>;
export type NewRecipient = ApiBody<'/api/care-recipients', 'post'>;
export type RecipientPatch = ApiBody<'/api/care-recipients/{id}', 'patch'>;
export type CareType = ApiResponse<'/api/care-types', 'get'>[number];
export type Plan = ApiResponse<'/api/care-recipients/{id}/plans', 'get'>[number];
export type NewPlan = ApiBody<'/api/care-recipients/{id}/plans', 'post'>;
export type PlanPatch = ApiBody<'/api/care-plans/{id}', 'patch'>;
export type Visit = ApiResponse<'/api/care-recipients/{id}/visits', 'get'>['items'][number];
export type NewVisit = ApiBody<'/api/care-recipients/{id}/visits', 'post'>;
export type Condition = Visit['condition'];
export type Frequency = Plan['frequency'];
/** What an import answers: every row registered, or none with each problem by row and column. */
export type ImportOutcome = ApiResponse<'/api/care-recipients/import', 'post'>;
export type RevealField = ApiBody<'/api/care-recipients/{id}/reveal', 'post'>['field'];

export const conditions = allValues<Condition>()(['good', 'attention', 'urgent']);
export const frequencies = allValues<Frequency>()(['weekly', 'biweekly', 'monthly']);
export const visitKinds = allValues<Visit['kind']>()(['visit', 'call']);
/** The colour a condition is shown in: green, orange, red. */
export const conditionColor: Record<Condition, string> = { good: 'success', attention: 'warning', urgent: 'error' };

export const careApi = {
  types: (includeRetired?: boolean) => api.get('/api/care-types', { query: { includeRetired } }),
  list: (query: RecipientQuery, signal?: AbortSignal) => api.get('/api/care-recipients', { query, signal }),
  export: (query: Omit<RecipientQuery, 'page' | 'pageSize'>) => http.download('/api/care-recipients/export', query as Query),
  mine: () => api.get('/api/care-recipients/mine'),
  importTemplate: () => http.download('/api/care-recipients/import-template'),
  importSheet: (file: File) => http.upload<ImportOutcome>('/api/care-recipients/import', sheetForm(file)),
  importReport: (file: File) => http.uploadForFile('/api/care-recipients/import/report', sheetForm(file)),
  get: (id: string) => api.get('/api/care-recipients/{id}', { params: { id } }),
  create: (body: NewRecipient) => api.post('/api/care-recipients', { body }),
  update: (id: string, body: RecipientPatch) => api.patch('/api/care-recipients/{id}', { params: { id }, body }),
  archive: (id: string, reason: string) => api.post('/api/care-recipients/{id}/archive', { params: { id }, body: { reason } }),
  reveal: (id: string, field: RevealField) => api.post('/api/care-recipients/{id}/reveal', { params: { id }, body: { field } }),
  pair: (id: string, volunteerIds: string[]) => api.put('/api/care-recipients/{id}/pairing', { params: { id }, body: { volunteerIds } }),
  plans: (id: string) => api.get('/api/care-recipients/{id}/plans', { params: { id } }),
  createPlan: (id: string, body: NewPlan) => api.post('/api/care-recipients/{id}/plans', { params: { id }, body }),
  updatePlan: (id: string, body: PlanPatch) => api.patch('/api/care-plans/{id}', { params: { id }, body }),
  stopPlan: (id: string) => api.post('/api/care-plans/{id}/stop', { params: { id } }),
  orderNow: (id: string, dueOn: string) => api.post('/api/care-plans/{id}/orders', { params: { id }, body: { dueOn } }),
  visits: (id: string, page = 1, pageSize = 20) => api.get('/api/care-recipients/{id}/visits', { params: { id }, query: { page, pageSize } }),
  logVisit: (id: string, body: NewVisit) => api.post('/api/care-recipients/{id}/visits', { params: { id }, body }),
};

/** An uploaded sheet as the import takes it: the multipart field `file`. */
function sheetForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

/** A kind's name in the reader's language. */
export function kindName(kind: { name: string; nameEn: string }, language: string): string {
  return language === 'en' ? kind.nameEn : kind.name;
}
