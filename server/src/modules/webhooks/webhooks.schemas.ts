import { Type } from '@sinclair/typebox';
import { NullableStringEnum, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { deliveryStates } from './webhooks.table.js';

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

const url = Type.String({ minLength: 1, maxLength: 2000, description: 'http:// or https://; no user or password; not a private or loopback address unless the installation allows it (WEBHOOKS_ALLOW_PRIVATE_ADDRESSES)' });
const description = Type.String({ maxLength: 200 });
const events = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 50, description: 'Event types (`needs.accept`) and wildcards (`needs.*`, `*`); see GET /api/webhooks/event-types' });

export const Webhook = Type.Object({
  id: Type.String(),
  url: Type.String(),
  description: Type.String(),
  events: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  consecutiveFailures: Type.Integer({ description: 'Deliveries in a row that ended failed' }),
  disabledReason: NullableStringEnum(['failures'] as const),
  disabledAt: NullableDateTime,
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const CreatedWebhook = Type.Object({ ...Webhook.properties, secret: Type.String({ description: 'The signing secret: shown this once, store it with the receiver' }) });

export const CreateWebhookBody = Type.Object({ url, description: Type.Optional(description), events, enabled: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const UpdateWebhookBody = Type.Object({ url: Type.Optional(url), description: Type.Optional(description), events: Type.Optional(events), enabled: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const Delivery = Type.Object({
  id: Type.String({ description: 'Sent as X-Lianxin-Delivery: the receiver’s idempotency key' }),
  webhookId: Type.String(),
  eventId: Type.String(),
  eventType: Type.String(),
  state: StringEnum(deliveryStates),
  attempts: Type.Integer(),
  redeliveries: Type.Integer(),
  responseStatus: NullableInt,
  durationMs: NullableInt,
  lastError: Type.Union([Type.String(), Type.Null()]),
  lastAttemptAt: NullableDateTime,
  nextAttemptAt: NullableDateTime,
  deliveredAt: NullableDateTime,
  createdAt: DateTime,
});

export const DeliveriesQuery = Type.Object({ ...PageQuery, state: Type.Optional(StringEnum(deliveryStates)) }, { additionalProperties: false });

export const EventTypes = Type.Object({ types: Type.Array(Type.String()), wildcards: Type.Array(Type.String()) });

export const Settings = Type.Object(
  {
    maxAttempts: Type.Integer({ minimum: 1, maximum: 20, description: 'Attempts per delivery (backoff 5 s, 10 s, 20 s … up to an hour)' }),
    disableAfterFailures: Type.Integer({ minimum: 1, maximum: 100, description: 'Failed deliveries in a row that switch a webhook off' }),
  },
  { additionalProperties: false },
);

export const TestSent = Type.Object({ eventId: Type.String(), deliveryId: Type.String() });
export const Secret = Type.Object({ secret: Type.String({ description: 'The new signing secret: shown this once' }) });
