import crypto from 'node:crypto';
import { and, asc, eq, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
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

const MAX_BACKOFF_MS = 60 * 60_000;
const backoffMs = (attempts: number) => Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.max(0, attempts - 1));

/**
 * The transactional outbox and its subscriber registry (platform: modules publish and subscribe,
 * the bus knows none of them). Several instances may deliver at once: a due delivery is claimed
 * with `FOR UPDATE SKIP LOCKED`, so each is worked on by one instance at a time.
 */
export function createEventBus(db: Db) {
  const subscribers = new Map<string, Subscriber>();
  const listening = (type: string) => [...subscribers.values()].filter((s) => s.types.includes(type) || s.types.includes('*'));

  /** Claims one due delivery and runs its subscriber, in one transaction. */
  async function deliverOne(): Promise<'none' | 'delivered' | 'failed'> {
    return db.transaction(async (tx) => {
      const [due] = await tx
        .select({ delivery: eventDeliveries, event: domainEvents })
        .from(eventDeliveries)
        .innerJoin(domainEvents, and(eq(domainEvents.districtId, eventDeliveries.districtId), eq(domainEvents.id, eventDeliveries.eventId)))
        .where(and(isNull(eventDeliveries.deliveredAt), lte(eventDeliveries.nextAttemptAt, sql`now()`)))
        .orderBy(asc(eventDeliveries.nextAttemptAt))
        .limit(1)
        .for('update', { of: eventDeliveries, skipLocked: true });
      if (!due) return 'none';
      const key = and(eq(eventDeliveries.districtId, due.delivery.districtId), eq(eventDeliveries.eventId, due.delivery.eventId), eq(eventDeliveries.subscriber, due.delivery.subscriber));
      const attempts = due.delivery.attempts + 1;
      try {
        const subscriber = subscribers.get(due.delivery.subscriber);
        if (!subscriber) throw new Error(`no subscriber "${due.delivery.subscriber}" is registered`);
        // a savepoint: a failing subscriber's writes roll back, the delivery's bookkeeping stays
        await tx.transaction((inner) => subscriber.handle(inner, due.event));
        await tx.update(eventDeliveries).set({ attempts, deliveredAt: new Date(), lastError: null }).where(key);
        return 'delivered';
      } catch (err) {
        const lastError = err instanceof Error ? err.message.slice(0, 1000) : String(err);
        await tx.update(eventDeliveries).set({ attempts, lastError, nextAttemptAt: new Date(Date.now() + backoffMs(attempts)) }).where(key);
        return 'failed';
      }
    });
  }

  /** Works through due deliveries, up to `limit`; answers how many were delivered. */
  async function deliverDue(limit = 100): Promise<number> {
    let delivered = 0;
    for (let i = 0; i < limit; i++) {
      const outcome = await deliverOne();
      if (outcome === 'none') break;
      if (outcome === 'delivered') delivered++;
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
      const timer = setInterval(() => {
        running = running.then(() => (stopped ? 0 : deliverDue())).catch((err) => console.error('[lianxin] event delivery failed:', err));
      }, intervalMs);
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
