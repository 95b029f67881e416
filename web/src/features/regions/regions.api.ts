import { http } from '../../api/client';
import type { RegionType } from '../../lib/regions';

/** A node of the region tree as listed under its parent, with people counts of its subtree. */
export type RegionNode = {
  id: string;
  code: string;
  name: string;
  type: RegionType;
  depth: number;
  parentId: string | null;
  centre: { lng: number; lat: number } | null;
  childCount: number;
  people?: number;
  volunteers?: number;
  staff?: number;
};

export type RegionAncestor = { id: string; name: string; type: RegionType };
/** One node with the breadcrumb of the levels above it (including levels above my scope). */
export type RegionDetail = RegionNode & { ancestors: RegionAncestor[] };

export type NewRegion = { parentId: string; code: string; name: string; type: RegionType; sortOrder?: number };
export type RegionPatch = { code?: string; name?: string; sortOrder?: number };

export const regionsApi = {
  scopeRoot: () => http.get<RegionDetail>('/api/regions/scope'),
  children: (parentId: string) => http.get<RegionNode[]>('/api/regions', { parentId }),
  get: (id: string) => http.get<RegionDetail>(`/api/regions/${id}`),
  search: (q: string, signal?: AbortSignal) => http.get<RegionNode[]>('/api/regions/search', { q }, signal),
  create: (body: NewRegion) => http.post<RegionNode>('/api/regions', body),
  update: (id: string, body: RegionPatch) => http.patch<RegionNode>(`/api/regions/${id}`, body),
  move: (id: string, parentId: string) => http.post<RegionNode>(`/api/regions/${id}/move`, { parentId }),
  remove: (id: string) => http.delete<{ ok: boolean }>(`/api/regions/${id}`),
  /** No login needed: names for the registration picker (streets → communities → grids → buildings). */
  publicChildren: (parentId?: string) => http.get<RegionNode[]>('/api/public/regions', { parentId }),
};
