import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { domainEvents } from '../../platform/events/events.table.js';
import { regionRef } from '../../platform/scope/regions.table.js';
import { accountRef } from '../accounts/accounts.table.js';
import { volunteers } from '../volunteers/volunteers.table.js';
import type { AppealOutcome, FactKind, IncidentStatus, ReviewState, SuspensionState } from './conduct.policy.js';

/**
 * The district's negative-conduct list (言行负面清单): provisioning installs 20 entries by `code`; the
 * district admin adds, edits and deactivates them. An entry is never deleted: past incidents name it.
 */
export const conductEntries = pgTable(
  'conduct_entries',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** Stable code of a provisioned default (null for an entry the district added). */
    code: varchar('code', { length: 40 }),
    title: varchar('title', { length: 60 }).notNull(),
    titleEn: varchar('title_en', { length: 100 }).notNull(),
    description: text('description').notNull().default(''),
    /** Points deducted by default (the recorder may adjust them per incident). */
    points: integer('points').notNull(),
    /** Whether an incident suspends the volunteer by default, and for how many days (null: until lifted). */
    suspends: boolean('suspends').notNull().default(false),
    suspendDays: integer('suspend_days'),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(100),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] }), unique('conduct_entries_code_uq').on(t.districtId, t.code), unique('conduct_entries_title_uq').on(t.districtId, t.title)],
);

/** Per district: how many no-shows within how many days put a volunteer on the "needs review" list. */
export const conductSettings = pgTable(
  'conduct_settings',
  {
    districtId: uuid('district_id').notNull(),
    noShowThreshold: integer('no_show_threshold').notNull().default(3),
    noShowWindowDays: integer('no_show_window_days').notNull().default(90),
  },
  (t) => [primaryKey({ columns: [t.districtId] })],
);

/**
 * An incident recorded against a volunteer (负面言行记录), with its one appeal (申诉). `status` moves
 * only by conditional UPDATE (recorded → appealing → annulled | confirmed), so an appeal is made once
 * and two deciders cannot both decide. `suspension` says whether this incident holds the volunteer
 * suspended (active), and how that ended.
 */
export const conductIncidents = pgTable(
  'conduct_incidents',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    accountId: uuid('account_id').notNull(),
    /** The volunteer's home when recorded: staff over it see the incident. */
    regionId: uuid('region_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    what: text('what').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    photos: uuid('photos').array().notNull().default([]),
    points: integer('points').notNull(),
    suspension: varchar('suspension', { length: 10 }).$type<SuspensionState>().notNull().default('none'),
    /** The day the suspension ends (Asia/Shanghai, YYYY-MM-DD; lifted at its start), null: until lifted by staff. */
    suspendUntil: varchar('suspend_until', { length: 10 }),
    status: varchar('status', { length: 10 }).$type<IncidentStatus>().notNull().default('recorded'),
    recordedBy: uuid('recorded_by').notNull(),
    /** The recorder's rank (2 community, 3 street, 4 district): an appeal is decided above it. */
    recorderRank: integer('recorder_rank').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    appealStatement: text('appeal_statement'),
    appealPhotos: uuid('appeal_photos').array().notNull().default([]),
    appealedAt: timestamp('appealed_at', { withTimezone: true }),
    outcome: varchar('outcome', { length: 10 }).$type<AppealOutcome>(),
    outcomeReason: text('outcome_reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    regionRef('conduct_incidents_region_fk', t.districtId, t.regionId),
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.accountId], foreignColumns: [volunteers.districtId, volunteers.accountId] }),
    foreignKey({ columns: [t.districtId, t.entryId], foreignColumns: [conductEntries.districtId, conductEntries.id] }),
    accountRef(t.districtId, t.recordedBy),
    accountRef(t.districtId, t.decidedBy),
    index('conduct_incidents_account_idx').on(t.districtId, t.accountId, t.recordedAt),
    index('conduct_incidents_status_idx').on(t.districtId, t.status, t.recordedAt),
  ],
);

/**
 * A conduct fact from activities (late cancellation, no-show): one row per event — the UNIQUE key
 * (kind, activity, volunteer) makes a redelivered or republished event count once.
 */
export const conductFacts = pgTable(
  'conduct_facts',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    eventId: uuid('event_id').notNull(),
    accountId: uuid('account_id').notNull(),
    regionId: uuid('region_id').notNull(),
    kind: varchar('kind', { length: 20 }).$type<FactKind>().notNull(),
    activityId: uuid('activity_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    regionRef('conduct_facts_region_fk', t.districtId, t.regionId),
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('conduct_facts_once_uq').on(t.districtId, t.kind, t.activityId, t.accountId),
    foreignKey({ columns: [t.districtId, t.eventId], foreignColumns: [domainEvents.districtId, domainEvents.id] }),
    // the account, not the registration: a fact is kept whatever the person's registry status
    accountRef(t.districtId, t.accountId),
    index('conduct_facts_account_idx').on(t.districtId, t.accountId, t.occurredAt),
  ],
);

/**
 * A suggestion for staff (待核查): repeated no-shows reached the district's threshold. At most one
 * open per volunteer (partial UNIQUE); staff close it with a note — never an automatic suspension.
 */
export const conductReviews = pgTable(
  'conduct_reviews',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    accountId: uuid('account_id').notNull(),
    regionId: uuid('region_id').notNull(),
    noShows: integer('no_shows').notNull(),
    state: varchar('state', { length: 8 }).$type<ReviewState>().notNull().default('open'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [
    regionRef('conduct_reviews_region_fk', t.districtId, t.regionId),
    primaryKey({ columns: [t.districtId, t.id] }),
    accountRef(t.districtId, t.accountId),
    accountRef(t.districtId, t.resolvedBy),
    uniqueIndex('conduct_reviews_open_uq').on(t.districtId, t.accountId).where(sql`state = 'open'`),
    index('conduct_reviews_state_idx').on(t.districtId, t.state, t.raisedAt),
  ],
);

export type EntryRow = typeof conductEntries.$inferSelect;
export type IncidentRow = typeof conductIncidents.$inferSelect;
export type FactRow = typeof conductFacts.$inferSelect;
export type ReviewRow = typeof conductReviews.$inferSelect;
