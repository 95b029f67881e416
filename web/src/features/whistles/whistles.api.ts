import { allValues, api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/api';

/** One whistle as the caller sees it: the item, the units called in and what the caller may do. */
export type Whistle = ApiResponse<'/api/whistles/{id}', 'get'>;
export type WhistleCall = Whistle['calls'][number];
export type WhistleRow = ApiResponse<'/api/whistles', 'get'>['items'][number];
export type WhistleQuery = ApiQuery<'/api/whistles', 'get'>;
export type WhistleState = Whistle['state'];
export type CallState = WhistleCall['state'];
export type CallKind = WhistleCall['kind'];
/** A department or partner unit a street may call in. */
export type Unit = ApiResponse<'/api/whistle-units', 'get'>[number];
export type UnitKind = Unit['kind'];
export type NewUnit = ApiBody<'/api/whistle-units', 'post'>;
export type UnitPatch = ApiBody<'/api/whistle-units/{id}', 'patch'>;

export const whistleStates = allValues<WhistleState>()(['open', 'closed']);
export const callStates = allValues<CallState>()(['called', 'reported', 'done']);
export const unitKinds = allValues<UnitKind>()(['department', 'partner']);

export const whistlesApi = {
  list: (query: WhistleQuery, signal?: AbortSignal) => api.get('/api/whistles', { query, signal }),
  get: (id: string) => api.get('/api/whistles/{id}', { params: { id } }),
  open: (needId: string, reason: string) => api.post('/api/whistles', { body: { needId, reason } }),
  callIn: (id: string, body: ApiBody<'/api/whistles/{id}/call-in', 'post'>) => api.post('/api/whistles/{id}/call-in', { params: { id }, body }),
  close: (id: string, summary: string) => api.post('/api/whistles/{id}/close', { params: { id }, body: { summary } }),
  reportIn: (callId: string) => api.post('/api/whistles/calls/{id}/report-in', { params: { id: callId } }),
  recordPart: (callId: string, text: string, photos: string[]) => api.post('/api/whistles/calls/{id}/part', { params: { id: callId }, body: { text, photos } }),
  units: (query: ApiQuery<'/api/whistle-units', 'get'> = {}) => api.get('/api/whistle-units', { query }),
  createUnit: (body: NewUnit) => api.post('/api/whistle-units', { body }),
  updateUnit: (id: string, body: UnitPatch) => api.patch('/api/whistle-units/{id}', { params: { id }, body }),
};

/**
 * The next step of a call for the caller: their own call, or — for the street's admin — a unit with
 * no contact to act for itself (the server lets the admin act for any; the page offers it where needed).
 */
export function nextStep(call: WhistleCall, whistle: Pick<Whistle, 'state' | 'canManage'>): 'reportIn' | 'part' | null {
  if (whistle.state !== 'open' || !(call.mine || (whistle.canManage && call.contactName === null))) return null;
  if (call.state === 'called') return 'reportIn';
  return call.state === 'reported' ? 'part' : null;
}
