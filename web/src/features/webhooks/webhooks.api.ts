import { api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/api';

export type Webhook = ApiResponse<'/api/webhooks', 'get'>[number];
export type NewWebhook = ApiBody<'/api/webhooks', 'post'>;
export type WebhookPatch = ApiBody<'/api/webhooks/{id}', 'patch'>;
export type Delivery = ApiResponse<'/api/webhooks/{id}/deliveries', 'get'>['items'][number];
export type DeliveryState = Delivery['state'];
export type DeliveryQuery = ApiQuery<'/api/webhooks/{id}/deliveries', 'get'>;
export type WebhookSettings = ApiResponse<'/api/webhooks/settings', 'get'>;

/** The confirmations the page shows after an action. */
export type Done = 'done.saved' | 'done.deleted' | 'done.tested' | 'done.redelivered';

export const deliveryStates: readonly DeliveryState[] = ['failed', 'retrying', 'pending', 'succeeded'];

export const webhooksApi = {
  list: () => api.get('/api/webhooks'),
  eventTypes: () => api.get('/api/webhooks/event-types'),
  create: (body: NewWebhook) => api.post('/api/webhooks', { body }),
  update: (id: string, body: WebhookPatch) => api.patch('/api/webhooks/{id}', { params: { id }, body }),
  remove: (id: string) => api.delete('/api/webhooks/{id}', { params: { id } }),
  rotateSecret: (id: string) => api.post('/api/webhooks/{id}/rotate-secret', { params: { id } }),
  test: (id: string) => api.post('/api/webhooks/{id}/test', { params: { id } }),
  deliveries: (id: string, query: DeliveryQuery, signal?: AbortSignal) => api.get('/api/webhooks/{id}/deliveries', { params: { id }, query, signal }),
  redeliver: (id: string) => api.post('/api/webhook-deliveries/{id}/redeliver', { params: { id } }),
  settings: () => api.get('/api/webhooks/settings'),
  saveSettings: (body: WebhookSettings) => api.put('/api/webhooks/settings', { body }),
};
