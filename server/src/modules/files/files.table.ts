import { index, integer, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Uploaded files (photos). Bytes live in the file store; this row says what they really are. */
export const files = pgTable(
  'files',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    ownerId: uuid('owner_id').notNull(),
    /** Sniffed from the bytes, never taken from the client. */
    mime: varchar('mime', { length: 40 }).notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    purpose: varchar('purpose', { length: 32 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] }), index('files_owner_idx').on(t.districtId, t.ownerId)],
);
