import { foreignKey, index, integer, numeric, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { accountRef } from '../accounts/accounts.table.js';
import { needs } from '../needs/needs.table.js';

/*
 * A volunteer's service record (服务记录): how many tasks they hold open now, and the hours they
 * served. Orders write it today; activities and the time bank will too, through the service.
 */

/**
 * Open tasks per volunteer. Raised with `… SET open_tasks = open_tasks + 1 WHERE open_tasks < max`
 * in the same transaction as the slot, so racing grabs can never push anyone past the limit.
 */
export const volunteerLoad = pgTable(
  'volunteer_load',
  {
    districtId: uuid('district_id').notNull(),
    accountId: uuid('account_id').notNull(),
    openTasks: integer('open_tasks').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.accountId] }), accountRef(t.districtId, t.accountId)],
);

/**
 * Hours served, pending until the requester rates or the community confirms; the time-bank issue
 * turns confirmed rows into ledger credits (see `confirmHours` in service-record.service.ts).
 */
export const serviceHours = pgTable(
  'service_hours',
  {
    districtId: uuid('district_id').notNull(),
    // hours are served on an order today; activities will add their own source (with their migration)
    needId: uuid('need_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    hours: numeric('hours', { precision: 6, scale: 2 }).notNull(),
    status: varchar('status', { length: 12 }).notNull().default('pending'), // pending | confirmed | void
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.needId, t.volunteerId] }),
    accountRef(t.districtId, t.volunteerId),
    foreignKey({ columns: [t.districtId, t.needId], foreignColumns: [needs.districtId, needs.id] }),
    index('service_hours_volunteer_idx').on(t.districtId, t.volunteerId, t.status),
  ],
);
