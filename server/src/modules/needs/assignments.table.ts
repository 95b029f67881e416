import { sql } from 'drizzle-orm';
import { doublePrecision, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { needs } from './needs.table.js';
import { accountRef } from '../accounts/accounts.table.js';

/**
 * One filled slot of an order (领单): who, how they got it, check-in and check-out. The volunteer's load
 * and hours it leads to are the service record's (modules/service-record).
 */
export const needAssignments = pgTable(
  'need_assignments',
  {
    districtId: uuid('district_id').notNull(),
    needId: uuid('need_id').notNull(),
    round: integer('round').notNull(),
    /** 1..slots; the primary key makes "a slot filled twice" impossible. */
    slotNo: integer('slot_no').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    via: varchar('via', { length: 8 }).notNull(), // grab | assign
    assignedBy: uuid('assigned_by').notNull(),
    status: varchar('status', { length: 12 }).notNull().default('claimed'), // claimed | serving | done | released
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    checkInAt: timestamp('check_in_at', { withTimezone: true }),
    checkInLng: doublePrecision('check_in_lng'),
    checkInLat: doublePrecision('check_in_lat'),
    checkOutAt: timestamp('check_out_at', { withTimezone: true }),
    checkOutLng: doublePrecision('check_out_lng'),
    checkOutLat: doublePrecision('check_out_lat'),
    summary: text('summary'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.needId, t.round, t.slotNo] }),
    accountRef(t.districtId, t.volunteerId),
    foreignKey({ columns: [t.districtId, t.needId], foreignColumns: [needs.districtId, needs.id] }),
    // a volunteer holds at most one live slot of the same order
    uniqueIndex('need_assignments_one_per_volunteer').on(t.districtId, t.needId, t.round, t.volunteerId).where(sql`status <> 'released'`),
    index('need_assignments_volunteer_idx').on(t.districtId, t.volunteerId, t.status),
  ],
);
