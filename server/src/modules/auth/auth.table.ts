import { index, integer, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { accountRef } from '../accounts/accounts.table.js';

/** Server-side sessions: the cookie holds "<districtId>.<token>", the table only sha256(token). */
export const sessions = pgTable(
  'sessions',
  {
    districtId: uuid('district_id').notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    accountId: uuid('account_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 300 }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.tokenHash] }),
    accountRef(t.districtId, t.accountId).onDelete('cascade'),
    index('sessions_account_idx').on(t.districtId, t.accountId),
  ],
);

/**
 * Failed logins per phone number, whether or not the phone exists (so lockout never reveals
 * which numbers have accounts). Reference table keyed by phone.
 */
export const loginThrottle = pgTable('login_throttle', {
  phone: varchar('phone', { length: 20 }).primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
