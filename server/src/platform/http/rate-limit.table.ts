import { integer, pgTable, primaryKey, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * Fixed-window request counters shared by every server instance on one PostgreSQL (a reference
 * table: keys are users and addresses, not district rows). Old windows are swept as new ones open.
 */
export const rateCounters = pgTable(
  'rate_counters',
  {
    bucket: varchar('bucket', { length: 120 }).notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] })],
);
