import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requirePermission } from '../../platform/auth/auth-plugin.js';
import { IdParams, Ok, Page } from '../../platform/http/schemas.js';
import { eventTypes, wildcards } from './webhooks.policy.js';
import { CreatedWebhook, CreateWebhookBody, Delivery, DeliveriesQuery, EventTypes, Secret, Settings, TestSent, UpdateWebhookBody, Webhook } from './webhooks.schemas.js';

const tags = ['webhooks'];

/** How a receiver checks a delivery (docs/WEBHOOKS.md has code). */
const signing = [
  'Each delivery is a POST of `{ id, type, occurredAt, districtId, subject: { type, id }, data }` with the headers',
  '`X-Lianxin-Event` (the type), `X-Lianxin-Delivery` (the delivery id: the receiver’s idempotency key, the same on every retry),',
  '`X-Lianxin-Timestamp` (unix seconds) and `X-Lianxin-Signature: sha256=<hex>`, the HMAC-SHA256 of `<timestamp>.<raw body>`',
  'keyed with the secret. A receiver recomputes it over the raw bytes, compares in constant time and refuses a timestamp more',
  'than 5 minutes off. A 2xx within 10 s is success; anything else is retried with exponential backoff (docs/WEBHOOKS.md).',
].join(' ');

export async function webhooksRoutes(app: AppInstance) {
  const svc = () => app.services.webhooks;
  const admin = (request: Parameters<typeof requirePermission>[0]) => requirePermission(request, 'webhooks.manage');

  app.get('/api/webhooks', { schema: { tags, operationId: 'listWebhooks', summary: 'The district’s webhooks (接口推送; district admin)', response: { 200: Type.Array(Webhook) } } }, async (request) => svc().list(admin(request)));

  app.post(
    '/api/webhooks',
    { schema: { tags, operationId: 'createWebhook', summary: 'Register a webhook; the answer carries its signing secret, this once', description: signing, body: CreateWebhookBody, response: { 201: CreatedWebhook } } },
    async (request, reply) => reply.status(201).send(await svc().create(admin(request), request.body)),
  );

  app.get('/api/webhooks/event-types', { schema: { tags, operationId: 'listWebhookEventTypes', summary: 'The event types a webhook may ask for, and the wildcards', response: { 200: EventTypes } } }, async (request) => {
    admin(request);
    return { types: [...eventTypes], wildcards: [...wildcards] };
  });

  app.get('/api/webhooks/settings', { schema: { tags, operationId: 'getWebhookSettings', summary: 'Attempts per delivery, and failed deliveries in a row that switch a webhook off', response: { 200: Settings } } }, async (request) =>
    svc().settings(admin(request)),
  );

  app.put('/api/webhooks/settings', { schema: { tags, operationId: 'saveWebhookSettings', summary: 'Change the district’s webhook retry and switch-off policy', body: Settings, response: { 200: Settings } } }, async (request) =>
    svc().saveSettings(admin(request), request.body),
  );

  app.get('/api/webhooks/:id', { schema: { tags, operationId: 'getWebhook', summary: 'One webhook', params: IdParams, response: { 200: Webhook } } }, async (request) => svc().get(admin(request), request.params.id));

  app.patch(
    '/api/webhooks/:id',
    { schema: { tags, operationId: 'updateWebhook', summary: 'Change address, description, events or the switch (switching on clears the failure count)', params: IdParams, body: UpdateWebhookBody, response: { 200: Webhook } } },
    async (request) => svc().update(admin(request), request.params.id, request.body),
  );

  app.delete('/api/webhooks/:id', { schema: { tags, operationId: 'deleteWebhook', summary: 'Remove a webhook and its delivery log', params: IdParams, response: { 200: Ok } } }, async (request) => {
    await svc().remove(admin(request), request.params.id);
    return { ok: true };
  });

  app.post('/api/webhooks/:id/rotate-secret', { schema: { tags, operationId: 'rotateWebhookSecret', summary: 'Replace the signing secret; the new one is answered this once', params: IdParams, response: { 200: Secret } } }, async (request) =>
    svc().rotateSecret(admin(request), request.params.id),
  );

  app.post('/api/webhooks/:id/test', { schema: { tags, operationId: 'testWebhook', summary: 'Send a `webhooks.test` event to this webhook now (see its delivery log)', params: IdParams, response: { 202: TestSent } } }, async (request, reply) =>
    reply.status(202).send(await svc().sendTest(admin(request), request.params.id)),
  );

  app.get(
    '/api/webhooks/:id/deliveries',
    { schema: { tags, operationId: 'listWebhookDeliveries', summary: 'The delivery log: event, attempts, state, HTTP status, time taken, error, next attempt', params: IdParams, querystring: DeliveriesQuery, response: { 200: Page(Delivery) } } },
    async (request) => {
      const actor = admin(request);
      await svc().get(actor, request.params.id);
      const { page = 1, pageSize = 20, state } = request.query;
      return svc().deliveries.log(actor, request.params.id, { page, pageSize, state });
    },
  );

  app.post('/api/webhook-deliveries/:id/redeliver', { schema: { tags, operationId: 'redeliverWebhookDelivery', summary: 'Send a failed delivery again, with a fresh round of attempts', params: IdParams, response: { 200: Delivery } } }, async (request) =>
    svc().deliveries.redeliver(admin(request), request.params.id),
  );
}
