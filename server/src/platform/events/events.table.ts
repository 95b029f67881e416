import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * The outbox: domain events written in the same transaction as the change they describe, so an
 * event exists exactly when its change committed (a need closed, later a redemption, a sign-up …).
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** `<module>.<what happened>`, e.g. `needs.closed`. */
    type: varchar('type', { length: 64 }).notNull(),
    subjectType: varchar('subject_type', { length: 32 }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** Null when the system acted. */
    actorId: uuid('actor_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] }), index('domain_events_subject_idx').on(t.districtId, t.subjectType, t.subjectId)],
);

/**
 * One row per (event, subscriber), written with the event. A subscriber's work and the row's
 * `delivered_at` commit in one transaction, so a delivery's database effects happen exactly once
 * however often the queue hands it out; failures back off and are retried.
 */
export const eventDeliveries = pgTable(
  'event_deliveries',
  {
    districtId: uuid('district_id').notNull(),
    eventId: uuid('event_id').notNull(),
    subscriber: varchar('subscriber', { length: 64 }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.eventId, t.subscriber] }),
    foreignKey({ columns: [t.districtId, t.eventId], foreignColumns: [domainEvents.districtId, domainEvents.id] }),
    index('event_deliveries_due_idx').on(t.nextAttemptAt).where(sql`delivered_at IS NULL`),
  ],
);
