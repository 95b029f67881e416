import { api, type ApiQuery, type ApiResponse } from '../../api/api';

export type Screen = ApiResponse<'/api/dashboard', 'get'>;
export type ScreenTotals = Screen['totals'];
export type ScreenGrid = Screen['grids'][number];
export type ScreenQuery = ApiQuery<'/api/dashboard', 'get'>;

export const dashboardApi = {
  screen: (query: ScreenQuery, signal?: AbortSignal) => api.get('/api/dashboard', { query, signal }),
};
