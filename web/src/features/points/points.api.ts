import { api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/api';

export type PointsRule = ApiResponse<'/api/points-rules', 'get'>[number];
export type RuleChange = ApiBody<'/api/points-rules/{code}', 'put'>;
export type NewRule = ApiBody<'/api/points-rules', 'post'>;
export type PointsCaps = ApiResponse<'/api/points-caps', 'get'>;
export type CommunityFigures = ApiResponse<'/api/ledger/communities', 'get'>[number];
export type Statement = ApiResponse<'/api/ledger/volunteers/{id}/statement', 'get'>;
export type StatementLine = Statement['items'][number];
export type StatementQuery = ApiQuery<'/api/ledger/volunteers/{id}/statement', 'get'>;
export type AwardBody = ApiBody<'/api/ledger/awards', 'post'>;

export const pointsApi = {
  rules: () => api.get('/api/points-rules'),
  changeRule: (code: string, body: RuleChange) => api.put('/api/points-rules/{code}', { params: { code }, body }),
  createRule: (body: NewRule) => api.post('/api/points-rules', { body }),
  caps: () => api.get('/api/points-caps'),
  updateCaps: (body: PointsCaps) => api.put('/api/points-caps', { body }),
  communities: (query: ApiQuery<'/api/ledger/communities', 'get'>) => api.get('/api/ledger/communities', { query }),
  balances: (id: string) => api.get('/api/ledger/volunteers/{id}', { params: { id } }),
  statement: (id: string, query: StatementQuery) => api.get('/api/ledger/volunteers/{id}/statement', { params: { id }, query }),
  award: (body: AwardBody) => api.post('/api/ledger/awards', { body }),
  reverse: (id: string, reason: string) => api.post('/api/ledger/transactions/{id}/reverse', { params: { id }, body: { reason } }),
};

/** A rule's name in the reader's language. */
export const ruleName = (r: { name: string; nameEn: string }, language: string) => (language.startsWith('en') ? r.nameEn : r.name);
