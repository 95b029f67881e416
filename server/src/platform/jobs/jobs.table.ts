import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Jobs and timers (platform/jobs): one row per job, claimed with `FOR UPDATE SKIP LOCKED`, so any
 * number of instances on one database share the work. `(district, name, key)` is unique: scheduling
 * the same job twice is a no-op. The queue does not make effects exactly-once by itself — each
 * handler writes its effect under its own UNIQUE key in the transaction that marks the job done.
 */
export const jobs = pgTable(
  'jobs',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The handler, e.g. `deadlines.warn`. */
    name: varchar('name', { length: 64 }).notNull(),
    /** Idempotency key within the handler, e.g. `<need>:<window>:50`. */
    key: varchar('key', { length: 200 }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    /** waiting → running → done, or back to waiting with a later `run_at`, or failed after the last attempt. */
    state: varchar('state', { length: 16 }).notNull().default('waiting'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    /** Who holds a job that runs outside a transaction (an HTTP call), and until when. */
    lockedBy: varchar('locked_by', { length: 64 }),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('jobs_key_uq').on(t.districtId, t.name, t.key),
    // the claim: due waiting jobs, oldest first
    index('jobs_due_idx').on(t.runAt).where(sql`state = 'waiting'`),
    // running jobs whose lease ran out (their instance died)
    index('jobs_lease_idx').on(t.lockedUntil).where(sql`state = 'running'`),
    index('jobs_list_idx').on(t.districtId, t.state, t.runAt),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
export const jobStates = ['waiting', 'running', 'done', 'failed'] as const;
export type JobState = (typeof jobStates)[number];
