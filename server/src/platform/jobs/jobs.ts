import crypto from 'node:crypto';
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Clock } from '../clock/clock.js';
import type { Db, DbOrTx } from '../db/client.js';
import { fixedQuery } from '../db/fixed-query.js';
import { outsideWriteChain } from '../db/write-district.js';
import { regions } from '../scope/regions.table.js';
import { jobs, type JobRow } from './jobs.table.js';

/**
 * A handler that runs inside the transaction that marks its job done: what it writes commits with
 * "done", exactly once, and a crash rolls both back (the row lock is the lease). Every database
 * effect (a warning, a reminder, an order from a care plan, a ledger credit) belongs here.
 */
export type TransactionalHandler = { name: string; mode?: 'transaction'; maxAttempts?: number; run(tx: DbOrTx, job: JobRow, now: Date): Promise<void> };

/**
 * A handler whose effect is outside the database (an HTTP call): claimed with a lease, run, then
 * marked. If its instance dies the lease runs out and another instance retries it, so the effect
 * must be idempotent by the job's key (a webhook carries its delivery id).
 */
export type OutsideHandler = { name: string; mode: 'outside'; maxAttempts?: number; leaseMs?: number; run(job: JobRow, now: Date): Promise<void> };

export type JobHandler = TransactionalHandler | OutsideHandler;

/** A job every district gets at a fixed interval (a sweep), keyed by its time slot. */
export type RecurringJob = { name: string; everyMs: number };

export type ScheduleInput = { name: string; key: string; runAt: Date; payload?: Record<string, unknown>; maxAttempts?: number };

const MAX_BACKOFF_MS = 60 * 60_000;
/** 5 s, 10 s, 20 s … up to an hour, with a little jitter so retries of one burst spread out. */
export const backoffMs = (attempts: number) => Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.max(0, attempts - 1)) + Math.floor(Math.random() * 1_000);
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 2_000);

export type JobEngine = ReturnType<typeof createJobEngine>;

/** A job's row unless its key is there already: written by most transitions (deadline warnings), so built once. */
const scheduleOnce = fixedQuery(['districtId', 'name', 'key', 'runAt', 'payload', 'maxAttempts'], (db, p) =>
  db
    .insert(jobs)
    .values({ districtId: p.districtId, name: p.name, key: p.key, runAt: p.runAt, payload: p.payload, maxAttempts: p.maxAttempts })
    .onConflictDoNothing({ target: [jobs.districtId, jobs.name, jobs.key] })
    .returning({ id: jobs.id }),
);

/**
 * The job engine: jobs and timers in PostgreSQL (embedded PGlite or a server alike). Why a table of
 * our own and not pg-boss or graphile-worker: it must run on PGlite, mark a job done in the same
 * transaction as its effect (our unit of work), and key every row by district (Citus).
 */
export function createJobEngine(deps: { db: Db; clock: Clock; concurrency?: number }) {
  const { db, clock } = deps;
  const instance = `${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
  const handlers = new Map<string, JobHandler>();
  const recurring: RecurringJob[] = [];
  let recurringCheckedAt = 0;

  const key = (row: Pick<JobRow, 'districtId' | 'id'>) => and(eq(jobs.districtId, row.districtId), eq(jobs.id, row.id));

  async function failed(tx: DbOrTx, job: JobRow, attempts: number, err: unknown, now: Date) {
    const last = attempts >= job.maxAttempts;
    await tx
      .update(jobs)
      .set({ attempts, lastError: errorText(err), state: last ? 'failed' : 'waiting', runAt: last ? job.runAt : new Date(now.getTime() + backoffMs(attempts)), lockedBy: null, lockedUntil: null, finishedAt: last ? now : null })
      .where(key(job));
  }

  /** Claims one due job that runs in a transaction, and runs it there. */
  async function runOneInTransaction(now: Date): Promise<'none' | 'done' | 'failed'> {
    const names = [...handlers.values()].filter((h) => h.mode !== 'outside').map((h) => h.name);
    if (names.length === 0) return 'none';
    return db.transaction(async (tx) => {
      const [job] = await tx
        .select()
        .from(jobs)
        .where(and(eq(jobs.state, 'waiting'), lte(jobs.runAt, now), inArray(jobs.name, names)))
        .orderBy(asc(jobs.runAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!job) return 'none';
      const handler = handlers.get(job.name) as TransactionalHandler;
      const attempts = job.attempts + 1;
      try {
        // a savepoint: a failing handler's writes roll back, the job's bookkeeping stays
        await tx.transaction((inner) => handler.run(inner, job, now));
        await tx.update(jobs).set({ attempts, state: 'done', lastError: null, finishedAt: now }).where(key(job));
        return 'done';
      } catch (err) {
        await failed(tx, job, attempts, err, now);
        return 'failed';
      }
    });
  }

  /** Claims one due job that runs outside a transaction (lease), runs it, then marks it. */
  async function runOneOutside(now: Date): Promise<'none' | 'done' | 'failed'> {
    const outside = [...handlers.values()].filter((h): h is OutsideHandler => h.mode === 'outside');
    if (outside.length === 0) return 'none';
    const names = outside.map((h) => h.name);
    const job = await db.transaction(async (tx) => {
      const [due] = await tx
        .select()
        .from(jobs)
        .where(and(inArray(jobs.name, names), or(and(eq(jobs.state, 'waiting'), lte(jobs.runAt, now)), and(eq(jobs.state, 'running'), lte(jobs.lockedUntil, now)))))
        .orderBy(asc(jobs.runAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return undefined;
      const handler = handlers.get(due.name) as OutsideHandler;
      const lease = new Date(now.getTime() + (handler.leaseMs ?? 60_000));
      const [claimed] = await tx.update(jobs).set({ state: 'running', attempts: due.attempts + 1, lockedBy: instance, lockedUntil: lease }).where(key(due)).returning();
      return claimed;
    });
    if (!job) return 'none';
    const handler = handlers.get(job.name) as OutsideHandler;
    let outcome: unknown = null;
    try {
      await handler.run(job, now);
    } catch (err) {
      outcome = err ?? new Error('failed');
    }
    // only the holder of the lease marks the job: if it ran out and another instance took it, that one decides
    const mine = and(key(job), eq(jobs.state, 'running'), eq(jobs.lockedBy, instance), eq(jobs.attempts, job.attempts));
    return db.transaction(async (tx) => {
      const [still] = await tx.select().from(jobs).where(mine).for('update');
      if (!still) return outcome ? 'failed' : 'done';
      if (outcome) {
        await failed(tx, still, still.attempts, outcome, clock.now());
        return 'failed';
      }
      await tx.update(jobs).set({ state: 'done', lastError: null, lockedBy: null, lockedUntil: null, finishedAt: clock.now() }).where(key(job));
      return 'done';
    });
  }

  /** Makes sure each district has this slot's recurring jobs (idempotent by the slot's key). */
  async function scheduleRecurring(now: Date) {
    if (recurring.length === 0 || now.getTime() - recurringCheckedAt < 10_000) return;
    recurringCheckedAt = now.getTime();
    for (const r of recurring) {
      const slot = Math.floor(now.getTime() / r.everyMs);
      await db.execute(sql`
        INSERT INTO ${jobs} (district_id, name, key, run_at)
        SELECT ${regions.id}, ${r.name}, ${`slot:${slot}`}, ${new Date(slot * r.everyMs).toISOString()}::timestamptz
        FROM ${regions} WHERE ${regions.type} = 'district'
        ON CONFLICT (district_id, name, key) DO NOTHING`);
    }
  }

  /** Works through due jobs, up to `limit`; answers how many finished (done or failed). */
  async function runDue(limit = 200): Promise<{ done: number; failed: number }> {
    const now = clock.now();
    await scheduleRecurring(now);
    const tally = { done: 0, failed: 0 };
    for (const runOne of [runOneInTransaction, runOneOutside]) {
      while (tally.done + tally.failed < limit) {
        const outcome = await runOne(clock.now());
        if (outcome === 'none') break;
        tally[outcome]++;
      }
    }
    return tally;
  }

  return {
    instance,

    /** Registers a handler (a module does it in its `wire`). */
    define(handler: JobHandler) {
      if (handlers.has(handler.name)) throw new Error(`job handler "${handler.name}" is defined twice`);
      handlers.set(handler.name, handler);
    },

    /** Registers a sweep every district runs every `everyMs` (its handler is defined separately). */
    every(job: RecurringJob) {
      recurring.push(job);
    },

    /** Schedules a job in the caller's transaction; the same (name, key) again is a no-op. Answers whether it was new. */
    async schedule(tx: DbOrTx, districtId: string, input: ScheduleInput): Promise<boolean> {
      const maxAttempts = input.maxAttempts ?? handlers.get(input.name)?.maxAttempts ?? 8;
      // a value for a column goes through the column's own mapping (the payload to JSON text) as in any insert
      const rows = await scheduleOnce(tx, { districtId, name: input.name, key: input.key, runAt: input.runAt, payload: input.payload ?? {}, maxAttempts });
      return rows.length > 0;
    },

    runDue,

    /** Polls for due jobs until stopped; `concurrency` loops share the work (PostgreSQL). */
    start(intervalMs = 1_000): () => Promise<void> {
      let stopped = false;
      // every district's jobs: their commits name no district (write-district.ts), whoever started the loops
      const loops = Array.from({ length: Math.max(1, deps.concurrency ?? 1) }, () => outsideWriteChain(async () => {
        while (!stopped) {
          let worked = 0;
          try {
            const t = await runDue(50);
            worked = t.done + t.failed;
          } catch (err) {
            console.error('[lianxin] jobs:', err);
          }
          if (!stopped && worked === 0) await new Promise((r) => setTimeout(r, intervalMs).unref());
        }
      }));
      return async () => {
        stopped = true;
        await Promise.all(loops);
      };
    },
  };
}
