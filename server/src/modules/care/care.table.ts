import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, smallint, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { accountRef } from '../accounts/accounts.table.js';
import { needCategories } from '../need-categories/categories.table.js';
import { needs } from '../needs/needs.table.js';
import { regionRef } from '../../platform/scope/regions.table.js';

/**
 * The district's kinds of people under care (四类群体: 鳏寡孤独, 重症残疾人, 留守儿童, 困境儿童,
 * provisioned; district admins add their own). A kind in use is switched off, never deleted.
 */
export const careTypes = pgTable(
  'care_types',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: varchar('code', { length: 40 }).notNull(),
    name: varchar('name', { length: 30 }).notNull(),
    nameEn: varchar('name_en', { length: 60 }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] }), unique('care_types_code_uq').on(t.districtId, t.code)],
);

/**
 * A person under care (关爱对象), where they live (a building or a grid: the scope of the staff who
 * see them). The ID number is encrypted, with a keyed digest so one person is registered once.
 * `riskNotes` are for staff only; `callName` is how their volunteers address them (王奶奶).
 */
export const careRecipients = pgTable(
  'care_recipients',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    regionId: uuid('region_id').notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    callName: varchar('call_name', { length: 20 }),
    gender: varchar('gender', { length: 8 }).$type<'male' | 'female'>(),
    birthYear: smallint('birth_year'),
    idNumberEnc: text('id_number_enc'),
    idNumberHmac: varchar('id_number_hmac', { length: 64 }),
    phone: varchar('phone', { length: 20 }),
    address: varchar('address', { length: 100 }).notNull().default(''),
    typeCodes: text('type_codes').array().notNull(),
    guardianName: varchar('guardian_name', { length: 50 }),
    guardianRelation: varchar('guardian_relation', { length: 20 }),
    guardianPhone: varchar('guardian_phone', { length: 20 }),
    /** What they need (shown to their volunteers). */
    needs: text('needs').notNull().default(''),
    /** Health, safety and family notes (staff only). */
    riskNotes: text('risk_notes').notNull().default(''),
    status: varchar('status', { length: 12 }).$type<'active' | 'archived'>().notNull().default('active'),
    archivedReason: varchar('archived_reason', { length: 200 }),
    lastVisitAt: timestamp('last_visit_at', { withTimezone: true }),
    lastCondition: varchar('last_condition', { length: 12 }).$type<'good' | 'attention' | 'urgent'>(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    regionRef('care_recipients_region_fk', t.districtId, t.regionId),
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('care_recipients_id_number_uq').on(t.districtId, t.idNumberHmac),
    index('care_recipients_region_idx').on(t.districtId, t.regionId, t.status),
  ],
);

/** Who looks after a person (一对一 / 二对一 结对): at most three volunteers, one row each. */
export const carePairings = pgTable(
  'care_pairings',
  {
    districtId: uuid('district_id').notNull(),
    recipientId: uuid('recipient_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    pairedBy: uuid('paired_by').notNull(),
    pairedAt: timestamp('paired_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.recipientId, t.volunteerId] }),
    foreignKey({ columns: [t.districtId, t.recipientId], foreignColumns: [careRecipients.districtId, careRecipients.id] }),
    accountRef(t.districtId, t.volunteerId),
    index('care_pairings_volunteer_idx').on(t.districtId, t.volunteerId),
  ],
);

/**
 * A recurring service of a person's plan (一人一策: 每周探访, 每月理发): an order of `categoryId` is
 * made for each day it falls on, a few days ahead. `nextDueOn` is the next day not yet ordered (or
 * passed over); it only moves forward, by conditional UPDATEs.
 */
export const carePlans = pgTable(
  'care_plans',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    recipientId: uuid('recipient_id').notNull(),
    categoryId: uuid('category_id').notNull(),
    title: varchar('title', { length: 60 }).notNull(),
    details: text('details').notNull().default(''),
    frequency: varchar('frequency', { length: 12 }).$type<'weekly' | 'biweekly' | 'monthly'>().notNull(),
    /** 1 (Monday) … 7 for weekly and biweekly; the day of the month (1–28) for monthly. */
    dayOf: smallint('day_of').notNull(),
    /** Local time the service starts ('09:00', Asia/Shanghai) and how long it takes. */
    startTime: varchar('start_time', { length: 5 }).notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    nextDueOn: date('next_due_on', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.recipientId], foreignColumns: [careRecipients.districtId, careRecipients.id] }),
    foreignKey({ columns: [t.districtId, t.categoryId], foreignColumns: [needCategories.districtId, needCategories.id] }),
    index('care_plans_recipient_idx').on(t.districtId, t.recipientId),
    index('care_plans_due_idx').on(t.districtId, t.nextDueOn).where(sql`active`),
    check('care_plans_day_of', sql`${t.dayOf} BETWEEN 1 AND 28`),
  ],
);

/**
 * Each day of a plan, once: the order made for it, or why none was (`missed`: the day had passed
 * before it could be ordered). The key (plan, day) is what makes "one order a day" hold.
 */
export const careRuns = pgTable(
  'care_runs',
  {
    districtId: uuid('district_id').notNull(),
    planId: uuid('plan_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    needId: uuid('need_id'),
    outcome: varchar('outcome', { length: 12 }).$type<'ordered' | 'missed'>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.planId, t.dueOn] }),
    foreignKey({ columns: [t.districtId, t.planId], foreignColumns: [carePlans.districtId, carePlans.id] }),
    foreignKey({ columns: [t.districtId, t.needId], foreignColumns: [needs.districtId, needs.id] }),
  ],
);

/** A visit or call to a person (走访记录) by one of their volunteers or staff: append-only. */
export const careVisits = pgTable(
  'care_visits',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    recipientId: uuid('recipient_id').notNull(),
    visitorId: uuid('visitor_id').notNull(),
    visitorName: varchar('visitor_name', { length: 50 }).notNull(),
    kind: varchar('kind', { length: 12 }).$type<'visit' | 'call'>().notNull(),
    condition: varchar('condition', { length: 12 }).$type<'good' | 'attention' | 'urgent'>().notNull(),
    summary: text('summary').notNull(),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.recipientId], foreignColumns: [careRecipients.districtId, careRecipients.id] }),
    accountRef(t.districtId, t.visitorId),
    index('care_visits_recipient_idx').on(t.districtId, t.recipientId, t.visitedAt),
  ],
);
