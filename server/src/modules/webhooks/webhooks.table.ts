import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { domainEvents } from '../../platform/events/events.table.js';
import { accountRef } from '../accounts/accounts.table.js';

/**
 * A district's webhooks (接口推送): where its domain events are POSTed, signed with the webhook's
 * secret. The secret is stored encrypted (platform/crypto) and shown only when made or rotated.
 */
export const webhooks = pgTable(
  'webhooks',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    url: varchar('url', { length: 2000 }).notNull(),
    description: varchar('description', { length: 200 }).notNull().default(''),
    /** Event types and wildcards (`needs.accept`, `needs.*`, `*`). */
    events: jsonb('events').$type<string[]>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    secretEnc: text('secret_enc').notNull(),
    /** Deliveries in a row that ended failed; a success sets it back to 0. */
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    /** Why it was switched off by the platform (`failures`); null when on, or switched off by a person. */
    disabledReason: varchar('disabled_reason', { length: 32 }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] }), accountRef(t.districtId, t.createdBy)],
);

/**
 * One event for one webhook: UNIQUE (webhook, event), written in the event's delivery transaction,
 * so however often the event is handed out a webhook gets one delivery of it. The attempts are a
 * job's (`webhooks.deliver`, keyed by `job_key`); the row keeps the last attempt's outcome.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    webhookId: uuid('webhook_id').notNull(),
    eventId: uuid('event_id').notNull(),
    eventType: varchar('event_type', { length: 64 }).notNull(),
    /** pending → succeeded, or retrying → … → failed after the last attempt. */
    state: varchar('state', { length: 16 }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** The job that sends it: the delivery id, then `<id>:<n>` for the n-th redelivery. */
    jobKey: varchar('job_key', { length: 80 }).notNull(),
    redeliveries: integer('redeliveries').notNull().default(0),
    responseStatus: integer('response_status'),
    durationMs: integer('duration_ms'),
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('webhook_deliveries_event_uq').on(t.districtId, t.webhookId, t.eventId),
    foreignKey({ columns: [t.districtId, t.webhookId], foreignColumns: [webhooks.districtId, webhooks.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.eventId], foreignColumns: [domainEvents.districtId, domainEvents.id] }),
    index('webhook_deliveries_log_idx').on(t.districtId, t.webhookId, t.createdAt.desc()),
    index('webhook_deliveries_failed_idx').on(t.districtId, t.webhookId).where(sql`state = 'failed'`),
  ],
);

/** A district's webhook policy: attempts per delivery, and failed deliveries in a row that switch a webhook off. */
export const webhookSettings = pgTable('webhook_settings', {
  districtId: uuid('district_id').primaryKey(),
  maxAttempts: integer('max_attempts').notNull(),
  disableAfterFailures: integer('disable_after_failures').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type WebhookRow = typeof webhooks.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export const deliveryStates = ['pending', 'retrying', 'succeeded', 'failed'] as const;
export type DeliveryState = (typeof deliveryStates)[number];
