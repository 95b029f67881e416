import { http } from '../../api/client';
import type { Severity } from './needs.api';

export type ExtraQuestion = {
  key: string;
  label: string;
  labelEn?: string;
  type: 'text' | 'yesNo' | 'choice';
  options?: string[];
  required?: boolean;
};

/** A need category of the district; the tree is built from parentId (two levels in practice). */
export type Category = {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  nameEn: string;
  notice: string | null;
  extraQuestions: ExtraQuestion[];
  photoRequiredOnClose: boolean;
  defaultSeverity: Severity;
  sortOrder: number;
  active: boolean;
};

export type DeclineReason = { code: string; label: string; labelEn: string };
export type ReplyTemplate = { id: string; status: string; categoryId: string | null; text: string };
export type Team = { id: string; name: string; type: string; regionId: string; leaderId: string; categories: string[] };
export type TeamMember = { id: string; name: string; phone: string; openTasks: number };

export const categoriesApi = {
  list: () => http.get<Category[]>('/api/need-categories'),
  declineReasons: () => http.get<DeclineReason[]>('/api/need-config/decline-reasons'),
  replyTemplates: (query: { status?: string; categoryId?: string }, signal?: AbortSignal) => http.get<ReplyTemplate[]>('/api/need-config/reply-templates', query, signal),
};

export const teamsApi = {
  /** Teams in my subtree (staff: the dispatch picker). */
  inScope: () => http.get<Team[]>('/api/teams'),
  /** Teams I lead. */
  mine: () => http.get<Team[]>('/api/teams/mine'),
  members: (teamId: string) => http.get<TeamMember[]>(`/api/teams/${teamId}/members`),
};
