import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { systemActor } from '../../platform/auth/actor.js';
import type { FieldCrypto } from '../../platform/crypto/crypto.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { domainEvents } from '../../platform/events/events.table.js';
import type { OutsideHandler } from '../../platform/jobs/jobs.js';
import { postJson, type PostResult } from '../../platform/net/post.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { DELIVER_JOB } from './webhooks.deliveries.js';
import { deliveryBody, signature } from './webhooks.policy.js';
import { settingsOf } from './webhooks.settings.js';
import { webhookDeliveries, webhooks, type DeliveryRow, type WebhookRow } from './webhooks.table.js';

type Deps = {
  db: Db;
  crypto: FieldCrypto;
  now: () => Date;
  audit: AuditService;
  accounts: AccountsService;
  notifications: NotificationsService;
  allowPrivate: boolean;
  timeoutMs: number;
};

/** How a disabled webhook is named in its admins' inbox: its description, else its host. */
export const webhookLabel = (w: Pick<WebhookRow, 'description' | 'url'>) => (w.description || new URL(w.url).host).slice(0, 64);

/**
 * The job that sends one delivery (outside a transaction: an HTTP call). It POSTs the event, signed,
 * and writes the attempt's outcome on the delivery; a failure throws, so the job engine tries again
 * with exponential backoff until the job's last attempt, after which the delivery is `failed`. The
 * receiver may see a delivery twice (an instance dying mid-call): `X-Lianxin-Delivery` is its key.
 */
export function deliverJob(deps: Deps): OutsideHandler {
  return {
    name: DELIVER_JOB,
    mode: 'outside',
    leaseMs: deps.timeoutMs + 50_000,
    async run(job) {
      const [found] = await deps.db
        .select({ delivery: webhookDeliveries, webhook: webhooks, event: domainEvents })
        .from(webhookDeliveries)
        .innerJoin(webhooks, and(eq(webhooks.districtId, webhookDeliveries.districtId), eq(webhooks.id, webhookDeliveries.webhookId)))
        .innerJoin(domainEvents, and(eq(domainEvents.districtId, webhookDeliveries.districtId), eq(domainEvents.id, webhookDeliveries.eventId)))
        .where(and(eq(webhookDeliveries.districtId, job.districtId), eq(webhookDeliveries.id, String(job.payload.deliveryId))));
      // the webhook was deleted, the delivery is settled, or a later redelivery owns it: nothing to send
      if (!found || found.delivery.jobKey !== job.key || !['pending', 'retrying'].includes(found.delivery.state)) return;
      const { delivery, webhook, event } = found;
      if (!webhook.enabled) {
        await record(deps, delivery, { ok: false, status: null, durationMs: 0, error: 'webhook switched off' }, { final: true, counts: false });
        return;
      }
      const body = deliveryBody(event);
      const timestamp = Math.floor(deps.now().getTime() / 1000);
      const result = await postJson({
        url: webhook.url,
        body,
        timeoutMs: deps.timeoutMs,
        publicOnly: !deps.allowPrivate,
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Lianxin-Webhooks/1',
          'X-Lianxin-Event': event.type,
          'X-Lianxin-Delivery': delivery.id,
          'X-Lianxin-Timestamp': String(timestamp),
          'X-Lianxin-Signature': signature(deps.crypto.decrypt(webhook.secretEnc), timestamp, body),
        },
      });
      await record(deps, delivery, result, { final: job.attempts >= job.maxAttempts, counts: true });
      if (!result.ok) throw new Error(result.error ?? 'delivery failed');
    },
  };
}

/**
 * Writes one attempt on its delivery, once (only while the delivery is still open). A success
 * resets the webhook's run of failures; a last failed attempt adds one, and at the district's
 * threshold switches the webhook off, audited as the system's act, and tells the district admins.
 */
async function record(deps: Deps, d: DeliveryRow, result: PostResult, opts: { final: boolean; counts: boolean }) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const state = result.ok ? 'succeeded' : opts.final ? 'failed' : 'retrying';
    const [updated] = await tx
      .update(webhookDeliveries)
      .set({ state, attempts: sql`${webhookDeliveries.attempts} + 1`, responseStatus: result.status, durationMs: result.durationMs, lastError: result.error, lastAttemptAt: now, deliveredAt: result.ok ? now : null })
      .where(and(eq(webhookDeliveries.districtId, d.districtId), eq(webhookDeliveries.id, d.id), eq(webhookDeliveries.jobKey, d.jobKey), inArray(webhookDeliveries.state, ['pending', 'retrying'])))
      .returning({ id: webhookDeliveries.id });
    if (!updated || !opts.counts) return;
    const hook = and(eq(webhooks.districtId, d.districtId), eq(webhooks.id, d.webhookId));
    if (result.ok) await tx.update(webhooks).set({ consecutiveFailures: 0 }).where(and(hook, gte(webhooks.consecutiveFailures, 1)));
    else if (opts.final) await countFailure(deps, tx, d.districtId, d.webhookId, now);
  });
}

async function countFailure(deps: Deps, tx: DbOrTx, districtId: string, webhookId: string, now: Date) {
  const hook = and(eq(webhooks.districtId, districtId), eq(webhooks.id, webhookId));
  await tx.update(webhooks).set({ consecutiveFailures: sql`${webhooks.consecutiveFailures} + 1` }).where(hook);
  const { disableAfterFailures } = await settingsOf(tx, districtId);
  const [off] = await tx
    .update(webhooks)
    .set({ enabled: false, disabledReason: 'failures', disabledAt: now, updatedAt: now })
    .where(and(hook, eq(webhooks.enabled, true), gte(webhooks.consecutiveFailures, disableAfterFailures)))
    .returning();
  if (!off) return;
  await deps.audit.record(systemActor(districtId), { action: 'webhooks.auto_disable', objectType: 'webhook', objectId: webhookId, details: { failures: off.consecutiveFailures, url: off.url } });
  const admins = await deps.accounts.staffAt(districtId, [districtId], ['districtAdmin']);
  await deps.notifications.notify(tx, districtId, {
    key: `webhooks.disabled:${webhookId}:${now.getTime()}`,
    type: 'webhooks.disabled',
    recipients: admins.map((a) => a.id),
    subject: { type: 'webhook', id: webhookId, label: webhookLabel(off) },
    params: { failures: off.consecutiveFailures },
  });
}
