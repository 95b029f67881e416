import { bigint, customType, foreignKey, index, integer, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { accountRef } from '../accounts/accounts.table.js';

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
  (t) => [primaryKey({ columns: [t.districtId, t.id] }), accountRef(t.districtId, t.ownerId), index('files_owner_idx').on(t.districtId, t.ownerId)],
);

/**
 * What a file is attached to (a need's photos, a completion's record, later an activity or a care
 * visit). Whoever may see the object may see the file; nobody else but its uploader.
 */
export const fileLinks = pgTable(
  'file_links',
  {
    districtId: uuid('district_id').notNull(),
    fileId: uuid('file_id').notNull(),
    objectType: varchar('object_type', { length: 32 }).notNull(),
    objectId: uuid('object_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.fileId, t.objectType, t.objectId] }),
    foreignKey({ columns: [t.districtId, t.fileId], foreignColumns: [files.districtId, files.id] }),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Bytes kept in PostgreSQL itself (FILE_STORE=database): every instance reads what any instance stored. */
export const fileBlobs = pgTable(
  'file_blobs',
  {
    districtId: uuid('district_id').notNull(),
    fileId: uuid('file_id').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.fileId] }), foreignKey({ columns: [t.districtId, t.fileId], foreignColumns: [files.districtId, files.id] })],
);

/** Uploads per person per day (Asia/Shanghai), counted by one conditional upsert: never over the quota. */
export const uploadQuota = pgTable(
  'upload_quota',
  {
    districtId: uuid('district_id').notNull(),
    accountId: uuid('account_id').notNull(),
    day: varchar('day', { length: 10 }).notNull(),
    files: integer('files').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.accountId, t.day] }), accountRef(t.districtId, t.accountId)],
);
