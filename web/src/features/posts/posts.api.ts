import { allValues, api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/api';

/** A post as staff see it (岗位), with its places held. */
export type Post = ApiResponse<'/api/posts/{id}', 'get'>;
export type PostQuery = ApiQuery<'/api/posts', 'get'>;
export type PostStatus = Post['status'];
/** A post on the phone: how near, whether it fits my skills, whether I hold a place. */
export type BoardPost = ApiResponse<'/api/posts/near', 'get'>['items'][number];
export type BoardQuery = ApiQuery<'/api/posts/near', 'get'>;
export type Nearness = BoardPost['nearness'];
export type PostType = ApiResponse<'/api/post-types', 'get'>[number];
export type NewPostType = ApiBody<'/api/post-types', 'post'>;
export type PostTypePatch = ApiBody<'/api/post-types/{id}', 'patch'>;
export type PostTemplate = ApiResponse<'/api/post-templates', 'get'>[number];
export type NewPost = ApiBody<'/api/posts', 'post'>;
export type PostPatch = ApiBody<'/api/posts/{id}', 'patch'>;
export type Claimant = ApiResponse<'/api/posts/{id}/claimants', 'get'>[number];
export type CommunityCount = ApiResponse<'/api/posts/counts', 'get'>[number];

export const postStatuses = allValues<PostStatus>()(['open', 'closed']);
export const nearnesses = allValues<Nearness>()(['community', 'street', 'district']);

export const postsApi = {
  types: (includeRetired?: boolean) => api.get('/api/post-types', { query: { includeRetired } }),
  createType: (body: NewPostType) => api.post('/api/post-types', { body }),
  updateType: (id: string, body: PostTypePatch) => api.patch('/api/post-types/{id}', { params: { id }, body }),
  deleteType: (id: string) => api.delete('/api/post-types/{id}', { params: { id } }),
  templates: () => api.get('/api/post-templates'),
  list: (query: PostQuery, signal?: AbortSignal) => api.get('/api/posts', { query, signal }),
  counts: (regionId?: string) => api.get('/api/posts/counts', { query: { regionId } }),
  publish: (body: NewPost) => api.post('/api/posts', { body }),
  update: (id: string, body: PostPatch) => api.patch('/api/posts/{id}', { params: { id }, body }),
  close: (id: string) => api.post('/api/posts/{id}/close', { params: { id } }),
  claimants: (id: string) => api.get('/api/posts/{id}/claimants', { params: { id } }),
  assign: (id: string, volunteerId: string) => api.post('/api/posts/{id}/claimants', { params: { id }, body: { volunteerId } }),
  remove: (id: string, volunteerId: string, reason: string) => api.post('/api/posts/{id}/claimants/remove', { params: { id }, body: { volunteerId, reason } }),
  near: (query: BoardQuery, signal?: AbortSignal) => api.get('/api/posts/near', { query, signal }),
  mine: () => api.get('/api/posts/mine'),
  claim: (id: string) => api.post('/api/posts/{id}/claim', { params: { id } }),
  release: (id: string) => api.post('/api/posts/{id}/release', { params: { id } }),
};

/** A type's name in the reader's language. */
export function typeName(type: { name: string; nameEn: string }, language: string): string {
  return language === 'en' ? type.nameEn : type.name;
}
