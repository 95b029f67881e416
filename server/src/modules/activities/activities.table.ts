import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { regionRef } from '../../platform/scope/regions.table.js';
import { accountRef } from '../accounts/accounts.table.js';
import { teams } from '../teams/teams.table.js';
import type { ActivityStatus, CheckVia, HoursStatus, Recurrence, SignupStatus } from './activities.policy.js';

/** A recurring activity's rule; its occurrences are `activities` rows pointing here. */
export const activitySeries = pgTable(
  'activity_series',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    recurrence: jsonb('recurrence').$type<Recurrence>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] }), accountRef(t.districtId, t.createdBy)],
);

/**
 * An activity (活动), organised by a community (its staff, `team_id` null) or a team (its leader),
 * at `region_id` (the community, or the team's home). `signed_count` is the seats taken: only ever
 * changed under the row's lock by `UPDATE … SET signed_count = signed_count + 1 WHERE signed_count <
 * capacity` (and a cancellation that promotes nobody), so capacity is never exceeded (CHECK too).
 * `waitlist_seq` numbers the waitlist in order of arrival.
 */
export const activities = pgTable(
  'activities',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    seriesId: uuid('series_id'),
    regionId: uuid('region_id').notNull(),
    teamId: uuid('team_id'),
    title: varchar('title', { length: 100 }).notNull(),
    description: text('description').notNull(),
    /** A need category's code (what kind of service it is). */
    categoryCode: varchar('category_code', { length: 60 }).notNull(),
    place: varchar('place', { length: 200 }).notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    /** Check-in radius in metres around (lat, lng); null: no location check. */
    radiusM: integer('radius_m'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    signedCount: integer('signed_count').notNull().default(0),
    waitlistSeq: integer('waitlist_seq').notNull().default(0),
    themed: boolean('themed').notNull().default(false),
    status: varchar('status', { length: 12 }).$type<ActivityStatus>().notNull().default('draft'),
    cancelReason: text('cancel_reason'),
    /** The public summary (活动纪实), written by the organiser once it is finished. */
    summary: text('summary'),
    photos: uuid('photos').array().notNull().default([]),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    regionRef('activities_region_fk', t.districtId, t.regionId),
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.seriesId], foreignColumns: [activitySeries.districtId, activitySeries.id] }),
    foreignKey({ columns: [t.districtId, t.teamId], foreignColumns: [teams.districtId, teams.id] }),
    accountRef(t.districtId, t.createdBy),
    index('activities_region_start_idx').on(t.districtId, t.regionId, t.startsAt),
    index('activities_series_idx').on(t.districtId, t.seriesId, t.startsAt),
    index('activities_team_idx').on(t.districtId, t.teamId),
    // the public summary is addressed by the activity's id alone
    index('activities_id_idx').on(t.id),
    check('activities_capacity_ck', sql`signed_count >= 0 AND signed_count <= capacity AND capacity > 0`),
    check('activities_time_ck', sql`ends_at > starts_at`),
  ],
);

/**
 * One person's sign-up (接龙) to one activity (the primary key: at most one), with its attendance:
 * check-in and check-out (each set once, by a conditional UPDATE … WHERE … IS NULL), and the hours
 * the organiser decides on (`hours_status` pending → approved | declined, once).
 */
export const activitySignups = pgTable(
  'activity_signups',
  {
    districtId: uuid('district_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    accountId: uuid('account_id').notNull(),
    status: varchar('status', { length: 12 }).$type<SignupStatus>().notNull(),
    /** Order on the waitlist (from the activity's `waitlist_seq`); the position is the rank among those waiting. */
    waitSeq: integer('wait_seq'),
    signedUpAt: timestamp('signed_up_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    lateCancel: boolean('late_cancel').notNull().default(false),
    noShow: boolean('no_show').notNull().default(false),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkInVia: varchar('check_in_via', { length: 10 }).$type<CheckVia>(),
    /** Checked in without sending a position although the activity asks for one: shown to the organiser. */
    noLocation: boolean('no_location').notNull().default(false),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    checkOutVia: varchar('check_out_via', { length: 10 }).$type<CheckVia>(),
    /** Marked absent at the roll call. */
    absent: boolean('absent').notNull().default(false),
    hours: numeric('hours', { precision: 6, scale: 2 }),
    hoursStatus: varchar('hours_status', { length: 10 }).$type<HoursStatus>(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.activityId, t.accountId] }),
    foreignKey({ columns: [t.districtId, t.activityId], foreignColumns: [activities.districtId, activities.id] }),
    accountRef(t.districtId, t.accountId),
    accountRef(t.districtId, t.decidedBy),
    index('activity_signups_account_idx').on(t.districtId, t.accountId),
    index('activity_signups_wait_idx').on(t.districtId, t.activityId, t.status, t.waitSeq),
  ],
);

/** A district's rules for activities (defaults installed by provisioning). */
export const activitySettings = pgTable('activity_settings', {
  districtId: uuid('district_id').primaryKey(),
  lateCancelHours: integer('late_cancel_hours').notNull(),
  reminderHours: integer('reminder_hours').notNull(),
  autoCheckoutHours: integer('auto_checkout_hours').notNull(),
  dailyMaxHours: integer('daily_max_hours').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
