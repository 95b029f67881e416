import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { inTransaction } from '../../platform/db/unit-of-work.js';
import type { EventBus } from '../../platform/events/outbox.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { NeedRow } from './needs.access.js';
import { appendSideEvent } from './needs.events.js';
import { needs } from './needs.table.js';
import { needsError } from './needs.errors.js';

/** A step another module records on a need: `action` names it on the timeline (words in the web's needs locale). */
export type TimelineEntry = {
  /** The role the actor acts in, as the timeline shows it (e.g. streetAdmin, a unit's `unit`, `system`). */
  role: string;
  /** e.g. `whistle`, `reportIn`, `supervise`, `pause` — not an order action: the state stays. */
  action: string;
  note?: string | null;
  data?: Record<string, unknown>;
};

/**
 * Records another module's step on a need's timeline (a whistle and the units reporting in, a
 * supervision record, a pause or an extension): the need keeps its state, its version moves on, and
 * the domain event `needs.<action>` is published, in the caller's transaction (or a new one). The
 * caller has decided the actor may; the need must belong to the actor's district (404 otherwise).
 */
export async function recordOnTimeline(db: Db, events: EventBus, actor: Actor, needId: string, entry: TimelineEntry): Promise<{ seq: number }> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({ need: needs, regionPath: regions.path, regionName: regions.name })
      .from(needs)
      .innerJoin(regions, eq(regions.id, needs.regionId))
      .where(and(eq(needs.districtId, actor.districtId), eq(needs.id, needId)))
      .for('update', { of: needs });
    if (!row) throw needsError('needs.not_found');
    const need: NeedRow = { ...row.need, regionPath: row.regionPath, regionName: row.regionName };
    await appendSideEvent(tx, need, { actor, role: entry.role, action: entry.action, note: entry.note ?? null, data: entry.data });
    await events.publish(tx, need.districtId, {
      type: `needs.${entry.action}`,
      subjectType: 'need',
      subjectId: need.id,
      actorId: actor.isSystem ? null : actor.accountId,
      payload: { number: need.number, regionId: need.regionId, from: need.status, to: need.status, seq: need.version + 1, round: need.round, ...(entry.data ?? {}) },
    });
    return { seq: need.version + 1 };
  });
}
