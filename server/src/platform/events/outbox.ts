import crypto from 'node:crypto';
import { and, asc, eq, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { fixedQuery } from '../db/fixed-query.js';
import { outsideWriteChain } from '../db/write-district.js';
import { appendAtCommit, writeTogether } from '../db/unit-of-work.js';
import { domainEvents, eventDeliveries } from './events.table.js';

export type DomainEvent = {
  /** `<module>.<what happened>`, e.g. `needs.close`. */
  type: string;
  subjectType: string;
  subjectId: string;
  actorId: string | null;
  payload?: Record<string, unknown>;
};

export type EventRow = typeof domainEvents.$inferSelect;

/**
 * Reacts to events of some types (the inbox, the ledger, figures, webhooks). `handle` runs inside the
 * delivery's transaction: what it writes there commits together with "delivered", exactly once.
 * Effects outside the database (an HTTP call) must be idempotent by the event id.
 */
export type Subscriber = { name: string; types: readonly string[]; handle(tx: DbOrTx, event: EventRow): Promise<void> };

/** Up to `batch` due deliveries with their events, locked for this transaction; those another instance holds are skipped. */
const claimDue = fixedQuery(['batch'], (db, p) =>
  db
    .select({ delivery: eventDeliveries, event: domainEvents })
    .from(eventDeliveries)
    .innerJoin(domainEvents, and(eq(domainEvents.districtId, eventDeliveries.districtId), eq(domainEvents.id, eventDeliveries.eventId)))
    .where(and(isNull(eventDeliveries.deliveredAt), lte(eventDeliveries.nextAttemptAt, sql`now()`)))
    .orderBy(asc(eventDeliveries.nextAttemptAt))
    .limit(p.batch)
    .for('update', { of: eventDeliveries, skipLocked: true }),
);

/** A subscriber failed in a batch run without savepoints: the batch rolls back and is run again isolated. */
class SubscriberFailed extends Error {
  constructor(subscriber: string, eventId: string, cause: unknown) {
    super(`subscriber "${subscriber}" failed on event ${eventId}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

const MAX_BACKOFF_MS = 60 * 60_000;
const backoffMs = (attempts: number) => Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.max(0, attempts - 1));

/**
 * The transactional outbox and its subscriber registry (platform: modules publish and subscribe,
 * the bus knows none of them). Several instances may deliver at once: a due delivery is claimed
 * with `FOR UPDATE SKIP LOCKED`, so each is worked on by one instance at a time.
 */
/**
 * `batch`: deliveries claimed and run in one transaction (deliverBatch). Kept small: the rows a batch's
 * subscribers lock (a need's timeline, a time bank balance) stay locked until it commits, and on
 * embedded PGlite users' requests wait for its one connection meanwhile.
 */
export function createEventBus(db: Db, opts: { batch?: number } = {}) {
  const BATCH = opts.batch ?? 10;
  const subscribers = new Map<string, Subscriber>();
  const listening = (type: string) => [...subscribers.values()].filter((s) => s.types.includes(type) || s.types.includes('*'));

  /**
   * Claims up to `batch` due deliveries and runs their subscribers in one transaction; all commit
   * with their "delivered" (one statement for all of them). One delivery at a time cost its own
   * BEGIN, claim, update and COMMIT — more than most subscribers' own work.
   * `isolated`: each subscriber in its own savepoint, so a failing one's writes roll back alone and its
   * delivery backs off while the others commit. Without it (the first try of a batch) a failure ends the
   * whole transaction (SubscriberFailed) and deliverDue runs those deliveries again one at a time,
   * isolated: failures are rare, and the savepoint and its release were two of the four or five
   * statements a delivery cost.
   */
  async function deliverBatch(batch: number, isolated: boolean): Promise<{ claimed: number; delivered: number }> {
    return db.transaction(async (tx) => {
      const due = await claimDue(tx, { batch });
      const delivered: SQL[] = [];
      for (const { delivery, event } of due) {
        const attempts = delivery.attempts + 1;
        try {
          const subscriber = subscribers.get(delivery.subscriber);
          if (!subscriber) throw new Error(`no subscriber "${delivery.subscriber}" is registered`);
          // a savepoint: a failing subscriber's writes roll back, the delivery's bookkeeping stays
          if (isolated) await tx.transaction((inner) => subscriber.handle(inner, event));
          else await subscriber.handle(tx, event);
          delivered.push(sql`(${delivery.districtId}::uuid, ${delivery.eventId}::uuid, ${delivery.subscriber}::text)`);
        } catch (err) {
          if (!isolated) throw new SubscriberFailed(delivery.subscriber, delivery.eventId, err);
          const lastError = err instanceof Error ? err.message.slice(0, 1000) : String(err);
          await tx
            .update(eventDeliveries)
            .set({ attempts, lastError, nextAttemptAt: new Date(Date.now() + backoffMs(attempts)) })
            .where(and(eq(eventDeliveries.districtId, delivery.districtId), eq(eventDeliveries.eventId, delivery.eventId), eq(eventDeliveries.subscriber, delivery.subscriber)));
        }
      }
      if (delivered.length > 0) {
        await tx.execute(sql`UPDATE ${eventDeliveries} d SET attempts = d.attempts + 1, delivered_at = now(), last_error = NULL
          FROM (VALUES ${sql.join(delivered, sql`, `)}) AS done (district_id, event_id, subscriber)
          WHERE d.district_id = done.district_id AND d.event_id = done.event_id AND d.subscriber = done.subscriber`);
      }
      return { claimed: due.length, delivered: delivered.length };
    });
  }

  /**
   * Works through due deliveries, up to `limit`, `BATCH` at a time; answers how many were delivered.
   * Should a batch's transaction fail (a subscriber, a deadlock, its commit, a lost connection), nothing
   * of it was written: its deliveries are tried again one at a time, each subscriber in a savepoint, so a
   * failing one backs off alone; one that fails a transaction every time holds back those behind it.
   */
  async function deliverDue(limit = 1000): Promise<number> {
    let delivered = 0;
    let left = limit;
    while (left > 0) {
      const size = Math.min(BATCH, left);
      let outcome: { claimed: number; delivered: number };
      try {
        outcome = await deliverBatch(size, false);
      } catch (err) {
        // a subscriber's failure is recorded by the isolated run (its delivery backs off), but one that
        // fails only beside others would send every batch down this slower way: it is told here too
        if (err instanceof SubscriberFailed) console.warn(`[lianxin] ${err.message}; its batch is delivered again one at a time`);
        else console.error('[lianxin] a batch of event deliveries failed, trying them one at a time:', err instanceof Error ? err.message : err);
        outcome = { claimed: 0, delivered: 0 };
        for (let i = 0; i < size; i++) {
          const one = await deliverBatch(1, true);
          if (one.claimed === 0) break;
          outcome.claimed += one.claimed;
          outcome.delivered += one.delivered;
        }
      }
      if (outcome.claimed === 0) break;
      delivered += outcome.delivered;
      left -= outcome.claimed;
    }
    return delivered;
  }

  return {
    subscribe(subscriber: Subscriber) {
      if (subscribers.has(subscriber.name)) throw new Error(`subscriber "${subscriber.name}" is registered twice`);
      subscribers.set(subscriber.name, subscriber);
    },

    /**
     * Writes the event, and a pending delivery for each subscriber of its type, with the caller's
     * transaction as it commits (appendAtCommit: one statement with its other appended rows) — or at
     * once with `now`, when the caller's transaction goes on to write a row that references the event.
     */
    async publish(tx: DbOrTx, districtId: string, event: DomainEvent, opts: { now?: boolean } = {}): Promise<string> {
      const write = (...statements: SQL[]) => (opts.now ? writeTogether(tx, statements) : appendAtCommit(tx, ...statements));
      const id = crypto.randomUUID();
      const names = listening(event.type).map((s) => s.name);
      const payload = JSON.stringify(event.payload ?? {});
      const insertEvent = sql`INSERT INTO ${domainEvents} (district_id, id, type, subject_type, subject_id, actor_id, payload)
          VALUES (${districtId}, ${id}, ${event.type}, ${event.subjectType}, ${event.subjectId}, ${event.actorId}, ${payload}::jsonb)`;
      if (names.length === 0) {
        await write(insertEvent);
        return id;
      }
      const insertDeliveries = sql`INSERT INTO ${eventDeliveries} (district_id, event_id, subscriber)
          SELECT ${districtId}::uuid, ${id}::uuid, s FROM unnest(${`{${names.map((n) => `"${n}"`).join(',')}}`}::text[]) AS s`;
      await write(insertEvent, insertDeliveries);
      return id;
    },

    deliverDue,

    /** Polls for due deliveries until stopped (the server starts it; tests call deliverDue). */
    start(intervalMs = 1_000): () => Promise<void> {
      let running: Promise<unknown> = Promise.resolve();
      let stopped = false;
      // every district's deliveries: their commits name no district (write-district.ts), whoever started the timer
      const timer = outsideWriteChain(() =>
        setInterval(() => {
          running = running.then(() => (stopped ? 0 : deliverDue())).catch((err) => console.error('[lianxin] event delivery failed:', err));
        }, intervalMs),
      );
      timer.unref();
      return async () => {
        stopped = true;
        clearInterval(timer);
        await running;
      };
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
