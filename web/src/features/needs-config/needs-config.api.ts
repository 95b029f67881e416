import { api, type ApiBody } from '../../api/api';

export type CategoryPatch = ApiBody<'/api/need-categories/{id}', 'patch'>;
export type NewCategory = ApiBody<'/api/need-categories', 'post'>;
export type DeclineReasonBody = ApiBody<'/api/need-config/decline-reasons/{code}', 'put'>;
export type NewReplyTemplate = ApiBody<'/api/need-config/reply-templates', 'post'>;

/** District admins' settings of the order chain (regions.manage); the desk reads them through categoriesApi. */
export const needsConfigApi = {
  createCategory: (body: NewCategory) => api.post('/api/need-categories', { body }),
  updateCategory: (id: string, body: CategoryPatch) => api.patch('/api/need-categories/{id}', { params: { id }, body }),
  saveDeclineReason: (code: string, body: DeclineReasonBody) => api.put('/api/need-config/decline-reasons/{code}', { params: { code }, body }),
  addReplyTemplate: (body: NewReplyTemplate) => api.post('/api/need-config/reply-templates', { body }),
  removeReplyTemplate: (id: string) => api.delete('/api/need-config/reply-templates/{id}', { params: { id } }),
};
