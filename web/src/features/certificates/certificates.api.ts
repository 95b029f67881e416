import { api, type ApiBody, type ApiResponse } from '../../api/api';
import { http } from '../../api/client';

export type Certificate = ApiResponse<'/api/certificates', 'post'>;
export type IssueInput = ApiBody<'/api/certificates', 'post'>;
export type Verification = ApiResponse<'/api/public/certificates/{code}', 'get'>;

export const certificatesApi = {
  issue: (body: IssueInput) => api.post('/api/certificates', { body }),
  mine: () => api.get('/api/certificates/mine'),
  download: (id: string) => http.download(`/api/certificates/${encodeURIComponent(id)}/pdf`),
  verify: (code: string) => api.get('/api/public/certificates/{code}', { params: { code } }),
};

export const certificateKeys = {
  mine: ['certificates', 'mine'] as const,
  verify: (code: string) => ['certificates', 'verify', code] as const,
};

/** Today in Asia/Shanghai as YYYY-MM-DD, and the periods offered by name. */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
export type PeriodPreset = 'thisYear' | 'lastYear' | 'custom';
export function periodOf(preset: Exclude<PeriodPreset, 'custom'>, today = shanghaiToday()): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  return preset === 'thisYear' ? { from: `${year}-01-01`, to: today } : { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
}
