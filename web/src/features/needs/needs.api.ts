import { allValues, api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/api';
import { http, request, type Query } from '../../api/client';

/** A row of a needs list, with the requester disclosed as far as the caller's part allows. */
export type NeedSummary = ApiResponse<'/api/needs', 'get'>['items'][number];
/** One need as the caller sees it, with the story so far and the actions the caller may take now. */
export type NeedDetail = ApiResponse<'/api/needs/{id}', 'get'>;
export type NeedEvent = NeedDetail['timeline'][number];
export type Assignment = NeedDetail['assignments'][number];
/** What an action answers when the caller can no longer see the need (their team declined it). */
export type HiddenNeed = Extract<ApiResponse<'/api/needs/{id}/decline', 'post'>, { hidden: true }>;

export type NeedStatus = NeedSummary['status'];
export type NeedKind = NeedSummary['kind'];
export type NeedChannel = NeedSummary['channel'];
export type Severity = NeedSummary['severity'];
/** What a user may do to a need; the server lists in `actions` those open to the caller now. */
export type NeedAction = NeedDetail['actions'][number];

type ListQuery = ApiQuery<'/api/needs', 'get'>;
export type NeedView = NonNullable<ListQuery['view']>;

// the server's vocabularies in the screens' order (filters, pickers); the compiler holds them to the API
export const needStatuses = allValues<NeedStatus>()([
  'submitted', 'verifying', 'accepted', 'rejected', 'merged', 'dispatched', 'pooled', 'taken',
  'claimed', 'in_service', 'completed', 'rated', 'closed', 'reopened', 'cancelled', 'escalated',
]);
export const needKinds = allValues<NeedKind>()(['microWish', 'serviceRequest', 'grievance']);
/** Channels staff record a need from; "self" (the phone page), "open311" and "carePlan" (a care plan's orders) are set by the server. */
export const staffChannels = ['hotline', 'letter', 'visit', 'wishWall', 'import'] as const satisfies readonly NeedChannel[];
export const needChannels = allValues<NeedChannel>()(['self', ...staffChannels, 'open311', 'carePlan']);
export const severities = allValues<Severity>()(['general', 'important', 'major']);

/**
 * The list's filters as the URL holds them: any text, which the server checks (a value it does not
 * know is a 400 naming the field), so they are strings here rather than the API's unions.
 */
export type NeedFilters = { [K in Exclude<keyof ListQuery, 'view' | 'page' | 'pageSize'>]?: string };
export type NeedListQuery = NeedFilters & { view: NeedView; page: number; pageSize: number };

export type NewNeed = ApiBody<'/api/needs', 'post'>;
/** The caller's to-dos per state (each bucket a list filter), and the same per category. */
export type TodoCounts = ApiResponse<'/api/needs/counts', 'get'>;
export type TodoBucket = TodoCounts['buckets'][number];
export type CountsQuery = ApiQuery<'/api/needs/counts', 'get'>;
export type SimilarNeed = ApiResponse<'/api/needs/similar', 'get'>[number];
export type BulkResult = ApiResponse<'/api/needs/bulk', 'post'>[number];
type BulkBody = ApiBody<'/api/needs/bulk', 'post'>;
export type UploadedFile = ApiResponse<'/api/files', 'post'>;

export const fileUrl = (id: string) => `/api/files/${id}`;

export const needsApi = {
  list: (query: NeedListQuery, signal?: AbortSignal) => api.get('/api/needs', { query: query as ListQuery, signal }),
  get: (id: string) => api.get('/api/needs/{id}', { params: { id } }),
  counts: (query: CountsQuery, signal?: AbortSignal) => api.get('/api/needs/counts', { query, signal }),
  create: (body: NewNeed) => api.post('/api/needs', { body }),
  similar: (categoryId: string, regionId: string, signal?: AbortSignal) => api.get('/api/needs/similar', { query: { categoryId, regionId }, signal }),
  follow: (id: string) => api.post('/api/needs/{id}/follow', { params: { id }, body: {} }),
  /**
   * POST /api/needs/:id/<path>; every action takes a JSON body, empty or not. One call for the
   * eighteen endpoints, so typed by hand with what each of them answers.
   */
  act: (id: string, path: string, body: object = {}) => request<NeedDetail | HiddenNeed>('POST', `/api/needs/${encodeURIComponent(id)}/${path}`, { body }),
  /** Audited on the server: who saw whose number, and when. */
  revealPhone: (id: string) => api.post('/api/needs/{id}/reveal-phone', { params: { id }, body: {} }),
  /** The requester's consent to the public board (and to its showing the completion's photos). */
  setBoardConsent: (id: string, body: { shown: boolean; photos?: boolean }) => api.put('/api/needs/{id}/board/consent', { params: { id }, body }),
  /** An admin takes the need off the public board with a reason, or puts it back. */
  setBoardWithdrawal: (id: string, body: { withdrawn: boolean; reason?: string }) => api.put('/api/needs/{id}/board/withdrawal', { params: { id }, body }),
  bulk: (body: BulkBody) => api.post('/api/needs/bulk', { body }),
  export: (query: NeedFilters & { view: NeedView }) => http.download('/api/needs/export', query as Query),
  uploadImage: (file: Blob, name: string) => {
    const form = new FormData();
    form.append('file', file, name);
    return http.upload<UploadedFile>('/api/files', form);
  },
};

export function isHidden(result: NeedDetail | HiddenNeed): result is HiddenNeed {
  return 'hidden' in result;
}
