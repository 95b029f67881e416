import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { NeedRow } from './needs.access.js';
import { needEvents, needs } from './needs.table.js';

type EventEntry = { actor: Actor; role: string; action: string; from: string | null; to: string; note?: string | null; attachments?: string[]; data?: Record<string, unknown> | null };

/** The need's timeline row with sequence `seq` (= its new version; UNIQUE, append-only by trigger). */
export async function insertNeedEvent(tx: DbOrTx, need: Pick<NeedRow, 'districtId' | 'id'>, seq: number, e: EventEntry): Promise<void> {
  await tx.insert(needEvents).values({
    districtId: need.districtId,
    needId: need.id,
    seq,
    action: e.action,
    fromStatus: e.from,
    toStatus: e.to,
    // the system acts in no one's name: shown as 系统 by its role
    actorId: e.actor.isSystem ? null : e.actor.accountId,
    actorName: e.actor.isSystem ? null : e.actor.name,
    actorRole: e.role,
    note: e.note ?? null,
    attachments: e.attachments ?? [],
    data: e.data ?? null,
  });
}

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
  await insertNeedEvent(tx, need, version, { ...entry, from: need.status, to: need.status });
}
