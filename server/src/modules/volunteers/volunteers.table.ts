import { boolean, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { regionRef } from '../../platform/scope/regions.table.js';
import { accountRef } from '../accounts/accounts.table.js';
import { files } from '../files/files.table.js';
import { partnerUnits } from '../partners/partners.table.js';

/** A weekly window in which the volunteer can serve: weekday 1 (Mon) … 7 (Sun), 'HH:MM' local time. */
export type AvailabilityWindow = { weekday: number; from: string; to: string };

/**
 * The volunteer registry (志愿者登记): one row per person who applied. The account holds who they are
 * (name, phone, ID number, gender, birth year, skills); this row holds their standing as a volunteer.
 * While `status` is active the account holds the `volunteer` role, and only then: the service changes
 * both in one transaction, so the order chain's role check and the registry never disagree.
 */
export const volunteers = pgTable(
  'volunteers',
  {
    districtId: uuid('district_id').notNull(),
    accountId: uuid('account_id').notNull(),
    /** 志愿者编号: given on the first approval and kept for life, also after leaving and returning. */
    number: varchar('number', { length: 32 }),
    /** applied · active · refused · suspended · left */
    status: varchar('status', { length: 12 }).notNull().default('applied'),
    /** Why refused, suspended or left — shown to the volunteer. */
    statusReason: text('status_reason'),
    /** The node they live at (the account's home): scope for staff. */
    regionId: uuid('region_id').notNull(),
    /** The community that approves them (居住社区). */
    communityId: uuid('community_id').notNull(),
    /** masses 群众 · league 共青团员 · party 中共党员 · probationary 预备党员 */
    politicalStatus: varchar('political_status', { length: 16 }).notNull().default('masses'),
    /** 在职党员: reports to the residence community (双报到) from their work unit. */
    inService: boolean('in_service').notNull().default(false),
    workUnit: varchar('work_unit', { length: 100 }),
    /** The work unit when it is a registered partner unit (its name is copied to `work_unit`); null for one not registered. */
    workUnitId: uuid('work_unit_id'),
    availability: jsonb('availability').$type<AvailabilityWindow[]>().notNull().default([]),
    /** How far from home they will go, metres (the 15-minute circle is about 1,000 m). */
    serviceRadiusM: integer('service_radius_m').notNull().default(1000),
    photoFileId: uuid('photo_file_id'),
    /** Verified hours (orders confirmed, activities approved): the star level follows them. */
    verifiedHours: numeric('verified_hours', { precision: 10, scale: 2 }).notNull().default('0'),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    regionRef('volunteers_region_fk', t.districtId, t.regionId),
    regionRef('volunteers_community_fk', t.districtId, t.communityId),
    primaryKey({ columns: [t.districtId, t.accountId] }),
    accountRef(t.districtId, t.accountId),
    accountRef(t.districtId, t.decidedBy),
    foreignKey({ columns: [t.districtId, t.photoFileId], foreignColumns: [files.districtId, files.id] }),
    foreignKey({ columns: [t.districtId, t.workUnitId], foreignColumns: [partnerUnits.districtId, partnerUnits.unitId] }),
    // a unit's members (双报到): its page, the behind-the-minimum lists
    index('volunteers_work_unit_idx').on(t.districtId, t.workUnitId),
    unique('volunteers_number_uq').on(t.districtId, t.number),
    index('volunteers_community_idx').on(t.districtId, t.communityId, t.status),
    index('volunteers_region_idx').on(t.districtId, t.regionId),
  ],
);

/** Per district: the number prefix and the next sequence number (one row, raised in the approval's transaction). */
export const volunteerSettings = pgTable(
  'volunteer_settings',
  {
    districtId: uuid('district_id').notNull(),
    numberPrefix: varchar('number_prefix', { length: 16 }).notNull().default('LX'),
    nextNumber: integer('next_number').notNull().default(1),
    /** 在职党员 yearly minimum of service hours. */
    yearlyMinimumHours: numeric('yearly_minimum_hours', { precision: 6, scale: 2 }).notNull().default('10'),
  },
  (t) => [primaryKey({ columns: [t.districtId] })],
);

/**
 * A verified service on a volunteer's record (志愿服务记录): an order confirmed or an activity's hours
 * approved. Written once per source and person (the key), in the transaction that verified it; the
 * certificate and the star level read these rows, the time bank will credit from them.
 */
export const serviceEntries = pgTable(
  'volunteer_service_entries',
  {
    districtId: uuid('district_id').notNull(),
    accountId: uuid('account_id').notNull(),
    /** order · activity */
    source: varchar('source', { length: 12 }).notNull(),
    sourceId: uuid('source_id').notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    servedOn: varchar('served_on', { length: 10 }).notNull(),
    hours: numeric('hours', { precision: 6, scale: 2 }).notNull(),
    /** What the points rules look at: the resident's rating, the order's severity, a themed-day activity. */
    facts: jsonb('facts').$type<ServiceFacts>().notNull().default({}),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.source, t.sourceId, t.accountId] }),
    foreignKey({ columns: [t.districtId, t.accountId], foreignColumns: [volunteers.districtId, volunteers.accountId] }),
    index('volunteer_service_entries_account_idx').on(t.districtId, t.accountId, t.servedOn),
    // a month's honour roll (the public board): the month's entries of the district
    index('volunteer_service_entries_day_idx').on(t.districtId, t.servedOn),
  ],
);

export type ServiceFacts = { rating?: number | null; severity?: string | null; themed?: boolean | null };

/** A verified service as the record takes it: once per source and person. */
export type ServiceEntryInput = { accountId: string; source: 'order' | 'activity'; sourceId: string; title: string; servedOn: string; hours: string; facts?: ServiceFacts };

export type VolunteerRow = typeof volunteers.$inferSelect;
