import { foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { accountRef } from '../accounts/accounts.table.js';
import { volunteers } from '../volunteers/volunteers.table.js';

/** One verified service as the certificate lists it. */
export type CertificateLine = { servedOn: string; title: string; hours: number };

/** What the certificate says, frozen when it is issued: the PDF and the public check read only this. */
export type CertificateSnapshot = {
  name: string;
  number: string;
  communityName: string;
  /** The issuing organisation: the district's name (the title 志愿服务记录证明 follows it). */
  districtName: string;
  /** Oldest first. */
  lines: CertificateLine[];
  /** What the QR code links to: the web app's public verification page for this code. */
  verifyUrl: string;
};

/**
 * A service record certificate (志愿服务记录证明) as issued: who for, who by, the period, the totals
 * and a snapshot of the lines, so re-downloading gives the same PDF and the public check shows what the
 * certificate says even after the record changes. The code is unique in the district; the public
 * check finds it by the index on the code alone (95 random bits: two districts never draw the same).
 */
export const certificates = pgTable(
  'service_certificates',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** 20 Crockford base32 symbols, the last a check symbol (certificates.code.ts); printed in groups of four. */
    code: varchar('code', { length: 20 }).notNull(),
    /** The volunteer it certifies. */
    accountId: uuid('account_id').notNull(),
    /** Who issued it: the volunteer themself or a staff member over them. */
    issuedBy: uuid('issued_by').notNull(),
    periodFrom: varchar('period_from', { length: 10 }).notNull(),
    periodTo: varchar('period_to', { length: 10 }).notNull(),
    totalHours: numeric('total_hours', { precision: 10, scale: 2 }).notNull(),
    serviceCount: integer('service_count').notNull(),
    snapshot: jsonb('snapshot').$type<CertificateSnapshot>().notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('service_certificates_code_uq').on(t.districtId, t.code),
    index('service_certificates_code_idx').on(t.code),
    index('service_certificates_account_idx').on(t.districtId, t.accountId, t.issuedAt),
    foreignKey({ columns: [t.districtId, t.accountId], foreignColumns: [volunteers.districtId, volunteers.accountId] }),
    accountRef(t.districtId, t.issuedBy),
  ],
);

export type CertificateRow = typeof certificates.$inferSelect;
