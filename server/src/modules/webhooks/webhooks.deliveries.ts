import crypto from 'node:crypto';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { fixedQuery } from '../../platform/db/fixed-query.js';
import type { Subscriber } from '../../platform/events/outbox.js';
import type { JobEngine } from '../../platform/jobs/jobs.js';
import { jobs } from '../../platform/jobs/jobs.table.js';
import type { AuditService } from '../audit/audit.service.js';
import { webhooksError } from './webhooks.errors.js';
import { eventTypes, matches } from './webhooks.policy.js';
import { settingsOf } from './webhooks.settings.js';
import { webhookDeliveries, webhooks, type DeliveryRow, type DeliveryState, type WebhookRow } from './webhooks.table.js';

export const DELIVER_JOB = 'webhooks.deliver';

/** A district's enabled webhooks: asked at every domain event, so built once (fixedQuery). */
const enabledHooks = fixedQuery(['districtId'], (db, p) =>
  db.select({ id: webhooks.id, events: webhooks.events }).from(webhooks).where(and(eq(webhooks.districtId, p.districtId), eq(webhooks.enabled, true))),
);

type Deps = { db: Db; jobs: JobEngine; audit: AuditService; now: () => Date };

/** A delivery as the log shows it, with the time of its next attempt while one is due. */
export type DeliveryView = ReturnType<typeof deliveryView>;
export function deliveryView(d: DeliveryRow, nextAttemptAt: Date | null) {
  return {
    id: d.id,
    webhookId: d.webhookId,
    eventId: d.eventId,
    eventType: d.eventType,
    state: d.state as DeliveryState,
    attempts: d.attempts,
    redeliveries: d.redeliveries,
    responseStatus: d.responseStatus,
    durationMs: d.durationMs,
    lastError: d.lastError,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: d.state === 'pending' || d.state === 'retrying' ? (nextAttemptAt?.toISOString() ?? null) : null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

export function createDeliveries(deps: Deps) {
  const { db } = deps;

  /**
   * One delivery per webhook of this event, and its job, in the caller's transaction. The UNIQUE
   * (webhook, event) key makes it once: a second call for the same event adds nothing and schedules nothing.
   */
  async function enqueue(tx: DbOrTx, districtId: string, hooks: Pick<WebhookRow, 'id'>[], event: { id: string; type: string }): Promise<string[]> {
    if (hooks.length === 0) return [];
    const made = await tx
      .insert(webhookDeliveries)
      .values(hooks.map((h) => {
        const id = crypto.randomUUID();
        return { districtId, id, webhookId: h.id, eventId: event.id, eventType: event.type, jobKey: id, createdAt: deps.now() };
      }))
      .onConflictDoNothing({ target: [webhookDeliveries.districtId, webhookDeliveries.webhookId, webhookDeliveries.eventId] })
      .returning({ id: webhookDeliveries.id, jobKey: webhookDeliveries.jobKey });
    if (made.length === 0) return [];
    const { maxAttempts } = await settingsOf(tx, districtId);
    for (const d of made) await deps.jobs.schedule(tx, districtId, { name: DELIVER_JOB, key: d.jobKey, runAt: deps.now(), payload: { deliveryId: d.id }, maxAttempts });
    return made.map((d) => d.id);
  }

  /** The time each waiting delivery's job is due, from the job queue. */
  async function nextAttempts(q: DbOrTx, districtId: string, rows: DeliveryRow[]): Promise<Map<string, Date>> {
    const keys = rows.filter((d) => d.state === 'pending' || d.state === 'retrying').map((d) => d.jobKey);
    if (keys.length === 0) return new Map();
    const due = await q
      .select({ key: jobs.key, runAt: jobs.runAt })
      .from(jobs)
      .where(and(eq(jobs.districtId, districtId), eq(jobs.name, DELIVER_JOB), inArray(jobs.key, keys), inArray(jobs.state, ['waiting', 'running'])));
    return new Map(due.map((j) => [j.key, j.runAt]));
  }

  return {
    enqueue,

    /**
     * Domain events → deliveries, in the event's delivery transaction: each enabled webhook of the
     * district whose patterns match gets one. Listens to the catalogue's types only.
     */
    subscriber: {
      name: 'webhooks',
      types: eventTypes,
      async handle(tx, event) {
        const hooks = await enabledHooks(tx, { districtId: event.districtId });
        await enqueue(tx, event.districtId, hooks.filter((h) => matches(h.events, event.type)), event);
      },
    } satisfies Subscriber,

    /** The delivery log of one webhook, newest first; `state` narrows it (the failed list). */
    async log(actor: Actor, webhookId: string, q: { state?: DeliveryState; page: number; pageSize: number }) {
      const where = and(eq(webhookDeliveries.districtId, actor.districtId), eq(webhookDeliveries.webhookId, webhookId), q.state ? eq(webhookDeliveries.state, q.state) : undefined);
      const [rows, [total]] = await Promise.all([
        db.select().from(webhookDeliveries).where(where).orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(webhookDeliveries).where(where),
      ]);
      const next = await nextAttempts(db, actor.districtId, rows);
      return { items: rows.map((d) => deliveryView(d, next.get(d.jobKey) ?? null)), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
    },

    /** Sends a failed delivery again, now, with a fresh round of attempts (a new job key). */
    async redeliver(actor: Actor, id: string) {
      return db.transaction(async (tx) => {
        const key = and(eq(webhookDeliveries.districtId, actor.districtId), eq(webhookDeliveries.id, id));
        const [found] = await tx.select({ d: webhookDeliveries, enabled: webhooks.enabled }).from(webhookDeliveries).innerJoin(webhooks, and(eq(webhooks.districtId, webhookDeliveries.districtId), eq(webhooks.id, webhookDeliveries.webhookId))).where(key).for('update', { of: webhookDeliveries });
        if (!found) throw webhooksError('webhooks.delivery_not_found');
        if (found.d.state !== 'failed') throw webhooksError('webhooks.not_redeliverable', { details: { state: found.d.state } });
        if (!found.enabled) throw webhooksError('webhooks.disabled');
        const redeliveries = found.d.redeliveries + 1;
        const jobKey = `${id}:${redeliveries}`;
        const [updated] = await tx.update(webhookDeliveries).set({ state: 'pending', redeliveries, jobKey, lastError: null }).where(key).returning();
        const { maxAttempts } = await settingsOf(tx, actor.districtId);
        const runAt = deps.now();
        await deps.jobs.schedule(tx, actor.districtId, { name: DELIVER_JOB, key: jobKey, runAt, payload: { deliveryId: id }, maxAttempts });
        await deps.audit.record(actor, { action: 'webhooks.redeliver', objectType: 'webhook', objectId: found.d.webhookId, details: { deliveryId: id, eventType: found.d.eventType } });
        return deliveryView(updated!, runAt);
      });
    },
  };
}

export type Deliveries = ReturnType<typeof createDeliveries>;
