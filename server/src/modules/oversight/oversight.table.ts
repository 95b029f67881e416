import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { regionRef } from '../../platform/scope/regions.table.js';
import { accountRef } from '../accounts/accounts.table.js';
import { needs } from '../needs/needs.table.js';
import type { AskerRole, ChangeKind, ChangeState, Satisfaction, SupervisionKind } from './oversight.policy.js';

/**
 * Pauses (挂起) and extensions (延期) of a need's deadline: asked by its handler with a reason, decided
 * by the level above with a note (oversight.policy.ts). A pause stops the clock from its approval
 * until it ends (resumed by hand, at its expected date, or when the need is finished); an approved
 * extension sets `new_deadline`. At most one open per need — asked, or a pause still running — by a
 * partial UNIQUE index, so two handlers asking at once cannot both open one.
 */
export const deadlineChanges = pgTable(
  'deadline_changes',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    needId: uuid('need_id').notNull(),
    /** The need's place, copied: the approvers' list is scoped by it without reading the needs. */
    regionId: uuid('region_id').notNull(),
    kind: varchar('kind', { length: 16 }).$type<ChangeKind>().notNull(),
    state: varchar('state', { length: 16 }).$type<ChangeState>().notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    /** The handler role it was asked in: the level above it decides. */
    requestedRole: varchar('requested_role', { length: 20 }).$type<AskerRole>().notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    /** A pause: the day the handler expects to go on (Shanghai date); it resumes by itself at 00:00 that day. */
    resumeOn: date('resume_on', { mode: 'string' }),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    resumedAt: timestamp('resumed_at', { withTimezone: true }),
    /** Null when the system resumed it (its expected date, or the need was finished). */
    resumedBy: uuid('resumed_by'),
    /** The deadline when asked. */
    oldDeadline: timestamp('old_deadline', { withTimezone: true }).notNull(),
    /** An extension: the deadline asked for (set when approved); a pause: the deadline after it ended. */
    newDeadline: timestamp('new_deadline', { withTimezone: true }),
  },
  (t) => [
    regionRef('deadline_changes_region_fk', t.districtId, t.regionId),
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.needId], foreignColumns: [needs.districtId, needs.id] }),
    accountRef(t.districtId, t.requestedBy),
    accountRef(t.districtId, t.decidedBy),
    accountRef(t.districtId, t.resumedBy),
    uniqueIndex('deadline_changes_one_open').on(t.districtId, t.needId).where(sql`state = 'requested' OR (kind = 'pause' AND state = 'approved')`),
    index('deadline_changes_need_idx').on(t.districtId, t.needId, t.requestedAt),
    // the approvers' list: what is waiting, oldest first
    index('deadline_changes_pending_idx').on(t.districtId, t.requestedAt).where(sql`state = 'requested'`),
  ],
);

/**
 * Supervision records (督办: 电话回访, 书面催办, 现场督办) with their outcome, and the satisfaction
 * callback (回访) after completion with its score. Append-only by use: a record is a fact of the day.
 */
export const supervisionRecords = pgTable(
  'supervision_records',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    needId: uuid('need_id').notNull(),
    /** The need's place, copied: satisfaction counts per area read no need. */
    regionId: uuid('region_id').notNull(),
    /** The need's service round it concerns (a reopened need starts another). */
    round: integer('round').notNull(),
    kind: varchar('kind', { length: 24 }).$type<SupervisionKind>().notNull(),
    /** The day it happened (Shanghai date). */
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    /** What came of it; for a callback, the resident's words. */
    outcome: text('outcome').notNull(),
    /** A callback's score: 满意 / 基本满意 / 不满意; null for the other kinds. */
    satisfaction: varchar('satisfaction', { length: 24 }).$type<Satisfaction>(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedRole: varchar('recorded_role', { length: 20 }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    regionRef('supervision_records_region_fk', t.districtId, t.regionId),
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.needId], foreignColumns: [needs.districtId, needs.id] }),
    accountRef(t.districtId, t.recordedBy),
    index('supervision_records_need_idx').on(t.districtId, t.needId, t.recordedAt),
    index('supervision_records_callback_idx').on(t.districtId, t.happenedOn).where(sql`kind = 'satisfactionCallback'`),
  ],
);
