import { allValues, api, type ApiQuery, type ApiResponse } from '../../api/api';
import { http, type Query } from '../../api/client';

export type FiguresSummary = ApiResponse<'/api/figures/summary', 'get'>;
export type Figures = FiguresSummary['totals'];
export type FigureGroup = FiguresSummary['groups'][number];
export type OverdueNeed = ApiResponse<'/api/figures/overdue', 'get'>['items'][number];
export type GroupBy = FiguresSummary['groupBy'];
export type SummaryQuery = ApiQuery<'/api/figures/summary', 'get'>;
type OverdueQuery = ApiQuery<'/api/figures/overdue', 'get'>;
export type DueWindow = NonNullable<OverdueQuery['window']>;

export const groupings = allValues<GroupBy>()(['street', 'community', 'grid', 'team']);

export const figuresApi = {
  summary: (query: SummaryQuery, signal?: AbortSignal) => api.get('/api/figures/summary', { query, signal }),
  overdue: (query: OverdueQuery, signal?: AbortSignal) => api.get('/api/figures/overdue', { query, signal }),
  export: (query: SummaryQuery) => http.download('/api/figures/export', query as Query),
};
