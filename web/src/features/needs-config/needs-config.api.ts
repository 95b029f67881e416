import { http } from '../../api/client';
import type { Category, DeclineReason, ExtraQuestion, ReplyTemplate } from '../needs/categories.api';

export type Severity = 'general' | 'important' | 'major';
export const severities: Severity[] = ['general', 'important', 'major'];

export type CategoryPatch = Partial<{
  name: string;
  nameEn: string;
  notice: string;
  extraQuestions: ExtraQuestion[];
  photoRequiredOnClose: boolean;
  defaultSeverity: Severity;
  sortOrder: number;
  active: boolean;
}>;
export type NewCategory = Omit<CategoryPatch, 'active'> & { parentId?: string; code: string; name: string; nameEn: string };
export type DeclineReasonBody = { label: string; labelEn: string; active?: boolean };
export type NewReplyTemplate = { status: string; categoryId?: string; text: string };

/** District admins' settings of the order chain (regions.manage); the desk reads them through categoriesApi. */
export const needsConfigApi = {
  createCategory: (body: NewCategory) => http.post<Category>('/api/need-categories', body),
  updateCategory: (id: string, body: CategoryPatch) => http.patch<Category>(`/api/need-categories/${id}`, body),
  saveDeclineReason: (code: string, body: DeclineReasonBody) =>
    http.put<DeclineReason & { active: boolean }>(`/api/need-config/decline-reasons/${encodeURIComponent(code)}`, body),
  addReplyTemplate: (body: NewReplyTemplate) => http.post<ReplyTemplate>('/api/need-config/reply-templates', body),
  removeReplyTemplate: (id: string) => http.delete<{ ok: boolean }>(`/api/need-config/reply-templates/${id}`),
};
