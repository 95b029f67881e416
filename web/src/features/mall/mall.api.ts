import { allValues, api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/api';
import { http } from '../../api/client';

export type MallItem = ApiResponse<'/api/mall/items/{id}', 'get'>;
export type MallItemQuery = ApiQuery<'/api/mall/items', 'get'>;
export type NewMallItem = ApiBody<'/api/mall/items', 'post'>;
export type MallItemPatch = ApiBody<'/api/mall/items/{id}', 'patch'>;
export type Redemption = ApiResponse<'/api/mall/redemptions/{id}', 'get'>;
export type RedemptionQuery = ApiQuery<'/api/mall/redemptions', 'get'>;
export type MallCategory = MallItem['category'];
export type RedemptionStatus = Redemption['status'];

export const mallCategories = allValues<MallCategory>()(['service', 'training', 'venue', 'goods']);
export const redemptionStatuses = allValues<RedemptionStatus>()(['pending', 'confirmed', 'cancelled', 'expired']);

/** A fresh key for one redeem tap: a retry or a double tap sends the same key and gets the same redemption. */
export const newRequestKey = () => `r-${crypto.randomUUID()}`;

export const mallApi = {
  items: (query: MallItemQuery, signal?: AbortSignal) => api.get('/api/mall/items', { query, signal }),
  item: (id: string) => api.get('/api/mall/items/{id}', { params: { id } }),
  create: (body: NewMallItem) => api.post('/api/mall/items', { body }),
  update: (id: string, body: MallItemPatch) => api.patch('/api/mall/items/{id}', { params: { id }, body }),
  redeem: (id: string, quantity: number, requestKey: string) => api.post('/api/mall/items/{id}/redeem', { params: { id }, body: { quantity, requestKey } }),
  redemptions: (query: RedemptionQuery, signal?: AbortSignal) => api.get('/api/mall/redemptions', { query, signal }),
  redemption: (id: string) => api.get('/api/mall/redemptions/{id}', { params: { id } }),
  cancel: (id: string) => api.post('/api/mall/redemptions/{id}/cancel', { params: { id } }),
  findPickup: (code: string) => api.get('/api/mall/pickups', { query: { code } }),
  confirmPickup: (code: string) => api.post('/api/mall/pickups', { body: { code } }),
  myPoints: () => api.get('/api/ledger/me'),
  uploadImage: (file: Blob, name: string) => {
    const form = new FormData();
    form.append('file', file, name);
    return http.upload<{ id: string }>('/api/files', form);
  },
};

export const fileUrl = (id: string) => `/api/files/${id}`;
