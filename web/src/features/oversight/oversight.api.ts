import { allValues, api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/api';

/** A need's pause and extension requests, its clock, and what the caller may do. */
export type NeedChanges = ApiResponse<'/api/oversight/needs/{id}/deadline-changes', 'get'>;
export type DeadlineChange = NeedChanges['items'][number];
export type ChangeKind = DeadlineChange['kind'];
export type ChangeState = DeadlineChange['state'];
export type AskBody = ApiBody<'/api/oversight/needs/{id}/deadline-changes', 'post'>;
/** A request in the approver's list (待审批), with the need it concerns. */
export type Decision = ApiResponse<'/api/oversight/deadline-changes', 'get'>['items'][number];
export type DecisionQuery = ApiQuery<'/api/oversight/deadline-changes', 'get'>;

export type NeedSupervisions = ApiResponse<'/api/oversight/needs/{id}/supervisions', 'get'>;
export type SupervisionRecord = NeedSupervisions['items'][number];
export type RecordBody = ApiBody<'/api/oversight/needs/{id}/supervisions', 'post'>;
export type SupervisionKind = SupervisionRecord['kind'];
export type Satisfaction = NonNullable<SupervisionRecord['satisfaction']>;

export const changeStates = allValues<ChangeState>()(['requested', 'approved', 'refused', 'ended']);
/** 督办 kinds, offered while the need is handled; the callback (回访) has its own form. */
export const supervisionKinds = ['phoneCallback', 'writtenReminder', 'onSite'] as const satisfies readonly SupervisionKind[];
export const satisfactions = allValues<Satisfaction>()(['satisfied', 'basicallySatisfied', 'dissatisfied']);

export const oversightApi = {
  changes: (id: string) => api.get('/api/oversight/needs/{id}/deadline-changes', { params: { id } }),
  ask: (id: string, body: AskBody) => api.post('/api/oversight/needs/{id}/deadline-changes', { params: { id }, body }),
  approve: (id: string, note?: string) => api.post('/api/oversight/deadline-changes/{id}/approve', { params: { id }, body: { note } }),
  refuse: (id: string, note: string) => api.post('/api/oversight/deadline-changes/{id}/refuse', { params: { id }, body: { note } }),
  resume: (id: string) => api.post('/api/oversight/deadline-changes/{id}/resume', { params: { id }, body: {} }),
  decisions: (query: DecisionQuery, signal?: AbortSignal) => api.get('/api/oversight/deadline-changes', { query, signal }),
  supervisions: (id: string) => api.get('/api/oversight/needs/{id}/supervisions', { params: { id } }),
  record: (id: string, body: RecordBody) => api.post('/api/oversight/needs/{id}/supervisions', { params: { id }, body }),
};
