import { api, type ApiResponse } from '../../api/api';

/** A need category of the district; the tree is built from parentId (two levels in practice). */
export type Category = ApiResponse<'/api/need-categories', 'get'>[number];
/** One extra question a category asks at intake, e.g. "Is the person bedridden?". */
export type ExtraQuestion = Category['extraQuestions'][number];
export type DeclineReason = ApiResponse<'/api/need-config/decline-reasons', 'get'>[number];
export type ReplyTemplate = ApiResponse<'/api/need-config/reply-templates', 'get'>[number];
export type Team = ApiResponse<'/api/teams', 'get'>[number];
export type TeamMember = ApiResponse<'/api/teams/{id}/members', 'get'>[number];

export const categoriesApi = {
  list: () => api.get('/api/need-categories'),
  declineReasons: () => api.get('/api/need-config/decline-reasons'),
  replyTemplates: (query: { status?: string; categoryId?: string }, signal?: AbortSignal) => api.get('/api/need-config/reply-templates', { query, signal }),
};

export const teamsApi = {
  /** Teams in my subtree (staff: the dispatch picker). */
  inScope: () => api.get('/api/teams'),
  /** Teams I lead. */
  mine: () => api.get('/api/teams/mine'),
  members: (teamId: string) => api.get('/api/teams/{id}/members', { params: { id: teamId } }),
};
