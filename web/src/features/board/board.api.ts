import { allValues, api, type ApiQuery, type ApiResponse } from '../../api/api';

/** One need on the public board (anonymised by the server). */
export type BoardNeed = ApiResponse<'/api/public/board/{districtId}/needs', 'get'>['items'][number];
export type BoardSection = ApiQuery<'/api/public/board/{districtId}/needs', 'get'>['section'];
export type BoardStage = BoardNeed['stage'];
export type BoardFigures = ApiResponse<'/api/public/board/{districtId}/figures', 'get'>;
export type BoardHonours = ApiResponse<'/api/public/board/{districtId}/honours', 'get'>;

export const boardSections = allValues<BoardSection>()(['wishes', 'accepted', 'done']);

export const boardApi = {
  needs: (districtId: string, query: { section: BoardSection; regionId?: string; page: number; pageSize: number }) =>
    api.get('/api/public/board/{districtId}/needs', { params: { districtId }, query }),
  figures: (districtId: string, query: { regionId?: string; month?: string }) => api.get('/api/public/board/{districtId}/figures', { params: { districtId }, query }),
  honours: (districtId: string, query: { regionId?: string; month?: string }) => api.get('/api/public/board/{districtId}/honours', { params: { districtId }, query }),
  photoUrl: (districtId: string, needId: string, photoId: string) => `/api/public/board/${districtId}/needs/${needId}/photos/${photoId}`,
};

export const boardKeys = {
  needs: (districtId: string, section: BoardSection, regionId?: string) => ['board', districtId, 'needs', section, regionId ?? ''] as const,
  figures: (districtId: string, regionId: string | undefined, month: string) => ['board', districtId, 'figures', regionId ?? '', month] as const,
  honours: (districtId: string, regionId: string | undefined, month: string) => ['board', districtId, 'honours', regionId ?? '', month] as const,
};
