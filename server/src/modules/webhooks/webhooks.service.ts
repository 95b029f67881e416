import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { PlatformDeps } from '../../platform/deps.js';
import type { EventBus } from '../../platform/events/outbox.js';
import type { JobEngine } from '../../platform/jobs/jobs.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { createDeliveries } from './webhooks.deliveries.js';
import { webhooksError } from './webhooks.errors.js';
import { deliverJob } from './webhooks.jobs.js';
import { newSecret, TEST_EVENT, unknownPatterns, urlProblem } from './webhooks.policy.js';
import { ensureDefaultSettings, saveSettings, settingsOf, type WebhookSettings } from './webhooks.settings.js';
import { webhooks, type WebhookRow } from './webhooks.table.js';

type Deps = PlatformDeps & { events: EventBus; jobs: JobEngine; audit: AuditService; accounts: AccountsService; notifications: NotificationsService };

export type WebhookInput = { url: string; description?: string; events: string[]; enabled?: boolean };

/** A webhook as its admins see it: never its secret. */
export function webhookView(w: WebhookRow) {
  return {
    id: w.id,
    url: w.url,
    description: w.description,
    events: w.events,
    enabled: w.enabled,
    consecutiveFailures: w.consecutiveFailures,
    disabledReason: w.disabledReason as 'failures' | null,
    disabledAt: w.disabledAt?.toISOString() ?? null,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

/** 接口推送: a district admin's webhooks, their secrets, test events, the delivery log and redelivery. */
export function createWebhooksService(deps: Deps) {
  const { db } = deps;
  const now = () => deps.clock.now();
  const deliveries = createDeliveries({ db, jobs: deps.jobs, audit: deps.audit, now });

  function checkInput(input: Partial<WebhookInput>) {
    if (input.url !== undefined) {
      const problem = urlProblem(input.url, deps.config.webhooksAllowPrivate);
      if (problem) throw webhooksError(problem, { field: 'url' });
    }
    if (input.events !== undefined) {
      const unknown = unknownPatterns(input.events);
      if (unknown.length > 0) throw webhooksError('webhooks.event_unknown', { field: 'events', params: { types: unknown.join(', ') } });
    }
  }

  /** One webhook of the caller's district, locked for a change; another district's is not found. */
  async function load(q: DbOrTx, actor: Actor, id: string, lock = false): Promise<WebhookRow> {
    const query = q.select().from(webhooks).where(and(eq(webhooks.districtId, actor.districtId), eq(webhooks.id, id)));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw webhooksError('webhooks.not_found');
    return row;
  }

  const audited = (actor: Actor, action: string, w: Pick<WebhookRow, 'id' | 'url'>, details: Record<string, unknown> = {}) =>
    deps.audit.record(actor, { action: `webhooks.${action}`, objectType: 'webhook', objectId: w.id, details: { url: w.url, ...details } });

  return {
    deliveries,
    subscriber: deliveries.subscriber,
    deliverJob: deliverJob({ db, crypto: deps.crypto, now, audit: deps.audit, accounts: deps.accounts, notifications: deps.notifications, allowPrivate: deps.config.webhooksAllowPrivate, timeoutMs: deps.config.outboundTimeoutMs }),
    ensureDefaults: ensureDefaultSettings,

    async list(actor: Actor) {
      const rows = await db.select().from(webhooks).where(eq(webhooks.districtId, actor.districtId)).orderBy(asc(webhooks.createdAt), asc(webhooks.id));
      return rows.map(webhookView);
    },

    async get(actor: Actor, id: string) {
      return webhookView(await load(db, actor, id));
    },

    /** Registers a webhook; its secret is made here and answered this once. */
    async create(actor: Actor, input: WebhookInput) {
      checkInput(input);
      const secret = newSecret();
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(webhooks)
          .values({ districtId: actor.districtId, url: input.url, description: input.description ?? '', events: [...new Set(input.events)], enabled: input.enabled ?? true, secretEnc: deps.crypto.encrypt(secret), createdBy: actor.accountId, createdAt: now(), updatedAt: now() })
          .returning();
        await audited(actor, 'create', row!, { events: row!.events });
        return { ...webhookView(row!), secret };
      });
    },

    /** Changes address, description, events or the switch; switching on starts the failure count afresh. */
    async update(actor: Actor, id: string, patch: Partial<WebhookInput>) {
      return db.transaction(async (tx) => {
        const before = await load(tx, actor, id, true);
        checkInput(patch);
        const switchedOn = patch.enabled === true && !before.enabled;
        const off = patch.enabled === false && before.enabled;
        const [row] = await tx
          .update(webhooks)
          .set({
            ...(patch.url !== undefined ? { url: patch.url } : {}),
            ...(patch.description !== undefined ? { description: patch.description } : {}),
            ...(patch.events !== undefined ? { events: [...new Set(patch.events)] } : {}),
            ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
            ...(switchedOn ? { consecutiveFailures: 0, disabledReason: null, disabledAt: null } : {}),
            ...(off ? { disabledReason: null, disabledAt: now() } : {}),
            updatedAt: now(),
          })
          .where(and(eq(webhooks.districtId, actor.districtId), eq(webhooks.id, id)))
          .returning();
        await audited(actor, 'update', row!, { changed: Object.keys(patch), ...(patch.url !== undefined && patch.url !== before.url ? { from: before.url } : {}) });
        return webhookView(row!);
      });
    },

    /** Removes a webhook and its delivery log; jobs still queued for it find nothing to send. */
    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const row = await load(tx, actor, id, true);
        await tx.delete(webhooks).where(and(eq(webhooks.districtId, actor.districtId), eq(webhooks.id, id)));
        await audited(actor, 'delete', row);
      });
    },

    /** A new secret, answered this once; the old one stops signing at once (retries are signed anew). */
    async rotateSecret(actor: Actor, id: string) {
      const secret = newSecret();
      await db.transaction(async (tx) => {
        const row = await load(tx, actor, id, true);
        await tx.update(webhooks).set({ secretEnc: deps.crypto.encrypt(secret), updatedAt: now() }).where(and(eq(webhooks.districtId, actor.districtId), eq(webhooks.id, id)));
        await audited(actor, 'rotate_secret', row);
      });
      return { secret };
    },

    /** Sends a `webhooks.test` event to this webhook alone (through the same signed, retried delivery). */
    async sendTest(actor: Actor, id: string) {
      return db.transaction(async (tx) => {
        const row = await load(tx, actor, id, true);
        if (!row.enabled) throw webhooksError('webhooks.disabled');
        const eventId = await deps.events.publish(tx, actor.districtId, { type: TEST_EVENT, subjectType: 'webhook', subjectId: id, actorId: actor.accountId, payload: { test: true, description: row.description } }, { now: true });
        const [deliveryId] = await deliveries.enqueue(tx, actor.districtId, [row], { id: eventId, type: TEST_EVENT });
        await audited(actor, 'test', row);
        return { eventId, deliveryId: deliveryId! };
      });
    },

    async settings(actor: Actor) {
      return settingsOf(db, actor.districtId);
    },

    async saveSettings(actor: Actor, settings: WebhookSettings) {
      await db.transaction(async (tx) => {
        await saveSettings(tx, actor.districtId, settings, now());
        await deps.audit.record(actor, { action: 'webhooks.settings', objectType: 'webhook', details: settings });
      });
      return settingsOf(db, actor.districtId);
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
