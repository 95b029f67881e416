import { jsonb, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';

/** Installation-wide settings and markers (e.g. "demo seeded"). Reference table. */
export const systemSettings = pgTable('system_settings', {
  key: varchar('key', { length: 64 }).primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
