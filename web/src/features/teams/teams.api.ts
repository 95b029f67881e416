import { allValues, api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/api';

/** A team's page as the caller sees it: members, orders, hours, rating and what they may do. */
export type TeamDetail = ApiResponse<'/api/teams/{id}', 'get'>;
export type TeamMember = TeamDetail['members'][number];
export type TeamRow = ApiResponse<'/api/teams/list', 'get'>['items'][number];
export type TeamQuery = ApiQuery<'/api/teams/list', 'get'>;
export type NearTeam = ApiResponse<'/api/teams/near', 'get'>[number];
export type JoinedTeam = ApiResponse<'/api/teams/joined', 'get'>[number];
export type JoinRequest = ApiResponse<'/api/team-requests', 'get'>['items'][number];
export type RequestQuery = ApiQuery<'/api/team-requests', 'get'>;
export type NewTeam = ApiBody<'/api/teams', 'post'>;
export type TeamPatch = ApiBody<'/api/teams/{id}', 'patch'>;
export type TeamType = TeamRow['type'];
export type ThinkTankModule = NonNullable<NewTeam['thinkTankModule']>;
export type RequestStatus = JoinRequest['status'];

export const teamTypes = allValues<TeamType>()(['own', 'roving', 'paired', 'party', 'thinkTank']);
export const thinkTankModules = allValues<ThinkTankModule>()(['legal', 'mental', 'medical', 'employment', 'general']);

export const teamsApi = {
  list: (query: TeamQuery, signal?: AbortSignal) => api.get('/api/teams/list', { query, signal }),
  get: (id: string) => api.get('/api/teams/{id}', { params: { id } }),
  create: (body: NewTeam) => api.post('/api/teams', { body }),
  update: (id: string, body: TeamPatch) => api.patch('/api/teams/{id}', { params: { id }, body }),
  dissolve: (id: string) => api.post('/api/teams/{id}/dissolve', { params: { id } }),
  setLeader: (id: string, accountId: string) => api.post('/api/teams/{id}/leader', { params: { id }, body: { accountId } }),
  addMember: (id: string, accountId: string) => api.post('/api/teams/{id}/members', { params: { id }, body: { accountId } }),
  removeMember: (id: string, accountId: string) => api.post('/api/teams/{id}/members/remove', { params: { id }, body: { accountId } }),
  askToJoin: (id: string, message: string | null) => api.post('/api/teams/{id}/join-requests', { params: { id }, body: { message } }),
  leave: (id: string) => api.post('/api/teams/{id}/leave', { params: { id } }),
  near: () => api.get('/api/teams/near'),
  joined: () => api.get('/api/teams/joined'),
  requests: (query: RequestQuery, signal?: AbortSignal) => api.get('/api/team-requests', { query, signal }),
  accept: (id: string) => api.post('/api/team-requests/{id}/accept', { params: { id } }),
  refuse: (id: string, reason: string) => api.post('/api/team-requests/{id}/refuse', { params: { id }, body: { reason } }),
};
