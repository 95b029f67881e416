import { api, type ApiQuery, type ApiResponse } from '../../api/api';

export type Job = ApiResponse<'/api/jobs', 'get'>['items'][number];
export type JobState = Job['state'];
export type JobQuery = ApiQuery<'/api/jobs', 'get'>;

export const jobStates: readonly JobState[] = ['failed', 'waiting', 'running', 'done'];

export const jobsApi = {
  list: (query: JobQuery, signal?: AbortSignal) => api.get('/api/jobs', { query, signal }),
  counts: () => api.get('/api/jobs/counts'),
  retry: (id: string) => api.post('/api/jobs/{id}/retry', { params: { id } }),
};

export { jobLabels } from './job-labels';
