import { allValues, api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/api';

/** A partner unit (共建单位) as lists show it, with its member counts. */
export type PartnerUnit = ApiResponse<'/api/partner-units', 'get'>['items'][number];
export type PartnerUnitPage = ApiResponse<'/api/partner-units', 'get'>;
export type PartnerUnitQuery = ApiQuery<'/api/partner-units', 'get'>;
export type PartnerUnitDetail = ApiResponse<'/api/partner-units/{id}', 'get'>;
export type Member = PartnerUnitDetail['members'][number];
export type PartnerType = PartnerUnit['type'];
export type NewPartnerUnit = ApiBody<'/api/partner-units', 'post'>;
export type PartnerUnitPatch = ApiBody<'/api/partner-units/{id}', 'patch'>;
export type BehindQuery = ApiQuery<'/api/partner-units/behind', 'get'>;

export const partnerTypes = allValues<PartnerType>()(['organ', 'institution', 'soe', 'private', 'social', 'other']);

export const partnersApi = {
  list: (query: PartnerUnitQuery, signal?: AbortSignal) => api.get('/api/partner-units', { query, signal }),
  get: (id: string) => api.get('/api/partner-units/{id}', { params: { id } }),
  create: (body: NewPartnerUnit) => api.post('/api/partner-units', { body }),
  update: (id: string, body: PartnerUnitPatch) => api.patch('/api/partner-units/{id}', { params: { id }, body }),
  mine: () => api.get('/api/partner-units/mine'),
  behind: (query: BehindQuery, signal?: AbortSignal) => api.get('/api/partner-units/behind', { query, signal }),
  remind: (accountId: string) => api.post('/api/partner-units/members/{id}/remind', { params: { id: accountId } }),
  reportCounts: (regionId?: string) => api.get('/api/partner-units/report-counts', { query: regionId ? { regionId } : {} }),
  communities: (q: string) => api.get('/api/regions/search', { query: { q } }),
};
