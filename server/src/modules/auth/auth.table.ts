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
 * Login throttling state, shared by every server instance. One row per (phone, source) pair counts
 * failures from one address and holds that pair's lock; the row with source '*' counts failures on
 * the phone from everywhere and holds the progressive delay for unfamiliar sources. Rows exist
 * whether or not the phone has an account (so throttling never reveals which numbers do), which is
 * why this is a reference table keyed by phone, not a district-owned one. The phone is stored as
 * its keyed digest: the table is a list of who failed to log in, and needs no readable number.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    phoneKey: varchar('phone_key', { length: 64 }).notNull(),
    /** An IPv4 address, an IPv6 /64 ("2001:db8:1:2::/64"), or '*' for the phone as a whole. */
    source: varchar('source', { length: 64 }).notNull(),
    /** Failures since the last quiet period (a whole window without one). */
    failures: integer('failures').notNull().default(0),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** Phone row only: the next attempt an unfamiliar source may make. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** Pair rows: the last successful login from this source makes it familiar to the phone. */
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    /** After this the row holds nothing in force and is swept. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.phoneKey, t.source] }), index('login_throttle_expires_idx').on(t.expiresAt)],
);

/**
 * SMS verification codes (短信验证码) and their send limits, shared by every server instance. One row per
 * phone digest and purpose holds the current code's hash (never the code), its expiry, the wrong tries
 * spent on it and the sends in the current hour; rows keyed `ip:<digest>` count the sends asked from
 * one address. Like the login throttle a reference table keyed by phone: a code is asked before any
 * account exists, and the rows must not tell which numbers have one.
 */
export const smsCodes = pgTable(
  'sms_codes',
  {
    /** The phone's keyed digest, or `ip:<digest>` for an address's count of sends. */
    subjectKey: varchar('subject_key', { length: 80 }).notNull(),
    purpose: varchar('purpose', { length: 16 }).notNull(),
    codeHash: varchar('code_hash', { length: 64 }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    /** Sends since `window_start` (an hour at most). */
    sends: integer('sends').notNull().default(1),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.subjectKey, t.purpose] }), index('sms_codes_expires_idx').on(t.expiresAt)],
);
