import { foreignKey, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { needs } from '../needs/needs.table.js';

/**
 * Every deadline warning and overdue reminder that fired: one row per need, window (its deadline)
 * and threshold. The primary key makes each exactly-once: the job that fires it inserts this row in
 * the transaction that marks the job done, so a second instance, a retry or a restart cannot
 * fire it again, and a moved deadline (an extension) opens a new window with its own warnings.
 */
export const deadlineAlerts = pgTable(
  'deadline_alerts',
  {
    districtId: uuid('district_id').notNull(),
    needId: uuid('need_id').notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    /** 50, 80 (预警) or 100 (超期). */
    threshold: integer('threshold').notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }).notNull(),
    /** Everyone told, as account ids (they get it in their inbox). */
    recipients: uuid('recipients').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.needId, t.deadlineAt, t.threshold] }),
    foreignKey({ columns: [t.districtId, t.needId], foreignColumns: [needs.districtId, needs.id] }),
  ],
);
