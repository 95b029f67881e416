import { api, type ApiBody, type ApiResponse } from '../../api/api';

/** A node of the region tree as listed under its parent, with people counts of its subtree. */
export type RegionNode = ApiResponse<'/api/regions', 'get'>[number];
/** One node with the breadcrumb of the levels above it (including levels above my scope). */
export type RegionDetail = ApiResponse<'/api/regions/{id}', 'get'>;
export type RegionAncestor = RegionDetail['ancestors'][number];

export type NewRegion = ApiBody<'/api/regions', 'post'>;
export type RegionPatch = ApiBody<'/api/regions/{id}', 'patch'>;

export const regionsApi = {
  scopeRoot: () => api.get('/api/regions/scope'),
  children: (parentId: string) => api.get('/api/regions', { query: { parentId } }),
  get: (id: string) => api.get('/api/regions/{id}', { params: { id } }),
  search: (q: string, signal?: AbortSignal) => api.get('/api/regions/search', { query: { q }, signal }),
  create: (body: NewRegion) => api.post('/api/regions', { body }),
  update: (id: string, body: RegionPatch) => api.patch('/api/regions/{id}', { params: { id }, body }),
  move: (id: string, parentId: string) => api.post('/api/regions/{id}/move', { params: { id }, body: { parentId } }),
  remove: (id: string) => api.delete('/api/regions/{id}', { params: { id } }),
  /** No login needed: names for the registration picker (streets → communities → grids → buildings). */
  publicChildren: (parentId?: string) => api.get('/api/public/regions', { query: { parentId } }),
};
