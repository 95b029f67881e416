import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { regionRef, type RefColumn } from '../../platform/scope/regions.table.js';

/**
 * A person who can log in: resident, volunteer, staff … (one account, several roles).
 * District-owned: `district_id` leads the primary key and every unique key (Citus distribution column).
 */
export const accounts = pgTable(
  'accounts',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    phone: varchar('phone', { length: 20 }).notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    /** The node this account is bound to; staff see this node's subtree, residents live here. */
    regionId: uuid('region_id').notNull(),
    status: varchar('status', { length: 16 }).notNull().default('active'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    gender: varchar('gender', { length: 8 }),
    birthYear: integer('birth_year'),
    skills: text('skills').array().notNull().default([]),
    /** AES-256-GCM ciphertext of the ID number (身份证号); never stored in clear. */
    idNumberEnc: text('id_number_enc'),
    /** Keyed HMAC of the normalised ID number, so staff can search by it without decrypting. */
    idNumberHmac: varchar('id_number_hmac', { length: 64 }),
    createdBy: uuid('created_by'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** The privacy policy (隐私政策) version the person agreed to when they registered, and when (PIPL). */
    privacyVersion: varchar('privacy_version', { length: 16 }),
    privacyAgreedAt: timestamp('privacy_agreed_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    regionRef('accounts_region_fk', t.districtId, t.regionId),
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('accounts_phone_uq').on(t.districtId, t.phone),
    index('accounts_region_idx').on(t.districtId, t.regionId),
    index('accounts_id_hmac_idx').on(t.districtId, t.idNumberHmac),
  ],
);

/**
 * Phone → account, across districts: a phone number logs in to exactly one account.
 * A reference table (global lookup), written in the same transaction as the account.
 */
export const phoneDirectory = pgTable('phone_directory', {
  phone: varchar('phone', { length: 20 }).primaryKey(),
  districtId: uuid('district_id').notNull(),
  accountId: uuid('account_id').notNull(),
});

export type AccountRow = typeof accounts.$inferSelect;

/** Helper for tables that reference an account inside the same district. */
export function accountRef(districtId: RefColumn, accountId: RefColumn) {
  return foreignKey({ columns: [districtId, accountId], foreignColumns: [accounts.districtId, accounts.id] });
}
