import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { NeedRow } from './needs.access.js';
import { needEvents, needs } from './needs.table.js';

/**
 * An event on a need that another need's transition caused (a duplicate merged into it): no change of
 * state, but its own version bump and timeline entry, so the need's story says what happened to it.
 * The need must be locked (`FOR UPDATE`) by the caller's transaction.
 */
export async function appendSideEvent(
  tx: DbOrTx,
  need: NeedRow,
  entry: { actor: Actor; role: string; action: string; note?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  const version = need.version + 1;
  await tx.update(needs).set({ version, updatedAt: new Date() }).where(and(eq(needs.districtId, need.districtId), eq(needs.id, need.id)));
  await tx.insert(needEvents).values({
    districtId: need.districtId,
    needId: need.id,
    seq: version,
    action: entry.action,
    fromStatus: need.status,
    toStatus: need.status,
    actorId: entry.actor.isSystem ? null : entry.actor.accountId,
    actorName: entry.actor.isSystem ? null : entry.actor.name,
    actorRole: entry.role,
    note: entry.note ?? null,
    attachments: [],
    data: entry.data ?? null,
  });
}
