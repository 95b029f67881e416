import { api, type ApiBody, type ApiResponse } from '../../api/api';
import { http } from '../../api/client';

export type DeadlineRule = ApiResponse<'/api/deadline-rules', 'get'>[number];
export type NewRule = ApiBody<'/api/deadline-rules', 'post'>;
export type RulePatch = ApiBody<'/api/deadline-rules/{id}', 'patch'>;
export type WindowUnit = DeadlineRule['unit'];
export type CalendarDay = ApiResponse<'/api/calendar', 'get'>['days'][number];
export type DayKind = CalendarDay['kind'];
export type DayBody = ApiBody<'/api/calendar/days', 'put'>;
type Imported = ApiResponse<'/api/calendar/import', 'post'>;

export const deadlinesApi = {
  rules: () => api.get('/api/deadline-rules'),
  createRule: (body: NewRule) => api.post('/api/deadline-rules', { body }),
  updateRule: (id: string, body: RulePatch) => api.patch('/api/deadline-rules/{id}', { params: { id }, body }),
  deleteRule: (id: string) => api.delete('/api/deadline-rules/{id}', { params: { id } }),
  calendar: (year: number) => api.get('/api/calendar', { query: { year } }),
  setDay: (body: DayBody) => api.put('/api/calendar/days', { body }),
  clearDay: (day: string) => api.delete('/api/calendar/days/{day}', { params: { day } }),
  template: () => http.download('/api/calendar/template'),
  importSheet: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.upload<Imported>('/api/calendar/import', form);
  },
};
