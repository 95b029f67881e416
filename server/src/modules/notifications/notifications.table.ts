import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accountRef } from '../accounts/accounts.table.js';

/**
 * A person's inbox (站内消息). A message is made exactly once by its source: UNIQUE (account,
 * source_key), where the key is the event id or job key that caused it, and the row is written in
 * the same transaction as that cause — a redelivered event or a retried job adds nothing.
 * The text is not stored: it is rendered from `type` + `params` in the reader's language.
 */
export const inboxMessages = pgTable(
  'inbox_messages',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    accountId: uuid('account_id').notNull(),
    /** What made it, once per recipient: a domain event's id, a job's key. */
    sourceKey: varchar('source_key', { length: 120 }).notNull(),
    /** e.g. `needs.dispatched`, `deadline.warn50`: picks the words (`inbox.<type>.title/body`). */
    type: varchar('type', { length: 64 }).notNull(),
    /** What it is about, for the link: a need and its number. */
    subjectType: varchar('subject_type', { length: 32 }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    subjectLabel: varchar('subject_label', { length: 64 }).notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    accountRef(t.districtId, t.accountId),
    uniqueIndex('inbox_messages_source_uq').on(t.districtId, t.accountId, t.sourceKey),
    index('inbox_messages_account_idx').on(t.districtId, t.accountId, t.createdAt.desc(), t.id.desc()),
    // "my unread, newest first": the bell's count and the unread filter
    index('inbox_messages_unread_idx').on(t.districtId, t.accountId, t.createdAt.desc()).where(sql`read_at IS NULL`),
  ],
);

/**
 * A person's choices of outside channel per group of messages; only choices that differ from the
 * defaults need a row (notifications.policy.ts holds the defaults). The inbox itself is always on.
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    districtId: uuid('district_id').notNull(),
    accountId: uuid('account_id').notNull(),
    typeGroup: varchar('type_group', { length: 32 }).notNull(),
    channel: varchar('channel', { length: 16 }).notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.accountId, t.typeGroup, t.channel] }), accountRef(t.districtId, t.accountId)],
);
