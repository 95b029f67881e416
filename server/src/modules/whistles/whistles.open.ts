import { and, eq } from 'drizzle-orm';
import { systemActor, type Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Subscriber } from '../../platform/events/outbox.js';
import { terminalStatuses } from '../needs/needs.lifecycle.js';
import type { NeedSummary } from '../needs/needs.summaries.js';
import type { WhistlesDeps } from './whistles.deps.js';
import { sourceKeyOf, whistlesOnAccept, type WhistleSource } from './whistles.policy.js';
import { streetOf } from './whistles.rows.js';
import { whistles } from './whistles.table.js';

export type OpenInput = {
  /** Who is audited: the admin who asked, or the system reacting to an event. */
  actor: Actor;
  need: NeedSummary;
  street: { id: string; name: string };
  source: WhistleSource;
  sourceKey: string;
  openedBy: string | null;
  reason: string | null;
};

/**
 * Opens the whistle in the caller's transaction, exactly once per cause (UNIQUE source_key) and at
 * most one open per need (partial UNIQUE): a second attempt inserts nothing and answers the open one.
 * A new whistle goes on the need's timeline (by the system: it routes the item to the street) and
 * into the inboxes of the street's admins.
 */
export async function openWhistle(tx: DbOrTx, deps: WhistlesDeps, input: OpenInput): Promise<{ id: string; created: boolean } | null> {
  const { need, street } = input;
  const districtId = input.actor.districtId;
  const [row] = await tx
    .insert(whistles)
    .values({ districtId, needId: need.id, streetId: street.id, regionId: need.regionId, source: input.source, sourceKey: input.sourceKey, openedBy: input.openedBy, reason: input.reason, openedAt: deps.clock.now() })
    .onConflictDoNothing()
    .returning({ id: whistles.id });
  if (!row) {
    const [open] = await tx.select({ id: whistles.id }).from(whistles).where(and(eq(whistles.districtId, districtId), eq(whistles.needId, need.id), eq(whistles.state, 'open')));
    return open ? { id: open.id, created: false } : null;
  }
  await deps.needs.recordOnTimeline(systemActor(districtId), need.id, { role: 'system', action: 'whistle', note: street.name, data: { whistleId: row.id, streetId: street.id, streetName: street.name, source: input.source } });
  const admins = await deps.accounts.staffAt(districtId, [street.id], ['streetAdmin']);
  await deps.notifications.notify(tx, districtId, { key: `whistle:${row.id}:opened`, type: 'whistle.opened', recipients: admins.map((a) => a.id), subject: { type: 'whistle', id: row.id, label: need.number } });
  await deps.audit.record(input.actor, { action: 'whistles.open', objectType: 'whistle', objectId: row.id, regionId: need.regionId, details: { needId: need.id, number: need.number, source: input.source, streetId: street.id } });
  return { id: row.id, created: true };
}

/** The need's item and its street, or null when the need is gone, finished or under no street. */
export async function whistleTarget(tx: DbOrTx, deps: WhistlesDeps, districtId: string, needId: string) {
  const need = (await deps.needs.summaries(districtId, [needId])).get(needId);
  if (!need) return null;
  const street = await streetOf(tx, districtId, need.regionPath);
  return street ? { need, street } : null;
}

/**
 * A major need accepted, or any need escalated (the order chain's 已吹哨): its whistle opens in the
 * delivery's transaction, so it commits with "delivered" — exactly once however often it is handed out.
 */
export function whistleSubscriber(deps: WhistlesDeps): Subscriber {
  return {
    name: 'whistles.open',
    types: ['needs.accept', 'needs.escalate'],
    async handle(tx, event) {
      const payload = event.payload ?? {};
      if (event.type === 'needs.accept' && !whistlesOnAccept(payload)) return;
      const target = await whistleTarget(tx, deps, event.districtId, event.subjectId);
      // cancelled or closed before the event was delivered: nothing left to coordinate
      if (!target || terminalStatuses.includes(target.need.status)) return;
      const escalated = event.type === 'needs.escalate';
      await openWhistle(tx, deps, {
        actor: systemActor(event.districtId),
        ...target,
        source: escalated ? 'escalate' : 'major',
        sourceKey: sourceKeyOf(escalated ? 'needs.escalate' : 'needs.accept', event.subjectId, payload.seq),
        openedBy: escalated ? event.actorId : null,
        reason: escalated && typeof payload.reason === 'string' ? payload.reason : null,
      });
    },
  };
}
