import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Messages waiting to be delivered (an outbox): written in the same transaction as the change that
 * caused them, picked up by a delivery job. District-owned like every table that grows with use:
 * each message belongs to the district of the person it goes to, and a message to a phone with
 * no account still has one (the district of the region it concerns). A reference table would be
 * copied to every node on each write.
 */
export const outboundMessages = pgTable(
  'outbound_messages',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    channel: varchar('channel', { length: 16 }).notNull(),
    /** The phone number, AES-256-GCM encrypted: deliverable, but not readable from the table. */
    recipientEnc: text('recipient_enc').notNull(),
    /** Keyed digest of the phone, to find and de-duplicate messages to one number. */
    recipientKey: varchar('recipient_key', { length: 64 }).notNull(),
    /** Template code; its text is the i18n message `notify.<template>`. */
    template: varchar('template', { length: 64 }).notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    /** pending → sent, or failed after the sender job's last attempt (`notify.sms`). */
    status: varchar('status', { length: 16 }).notNull().default('pending'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Why the last attempt to send it failed. */
    lastError: text('last_error'),
    /** Messages with the same key to the same phone are queued once. */
    dedupeKey: varchar('dedupe_key', { length: 100 }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    uniqueIndex('outbound_messages_dedupe_uq').on(t.districtId, t.recipientKey, t.dedupeKey),
    index('outbound_messages_pending_idx').on(t.districtId, t.status, t.createdAt),
  ],
);
