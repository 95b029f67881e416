import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { needAssignments, volunteerLoad } from './assignments.table.js';
import type { NeedRow } from './needs.access.js';
import { needs } from './needs.table.js';
import { needsError } from './needs.errors.js';

/**
 * Fills one slot of an order for a volunteer. Two conditional updates, never read-then-write:
 *  - `filled = filled + 1 WHERE filled < slots` — a slot is never filled twice;
 *  - `open_tasks = open_tasks + 1 WHERE open_tasks < max` — nobody exceeds the open-task limit, even
 *    when one volunteer races for several orders at once (the load row serialises them).
 * Any refusal throws, and the caller's transaction rolls both back.
 */
export async function fillSlot(
  tx: DbOrTx,
  need: NeedRow,
  opts: { volunteerId: string; via: 'grab' | 'assign'; by: string; maxOpenTasks: number },
): Promise<number> {
  const [slot] = await tx
    .update(needs)
    .set({ filled: sql`${needs.filled} + 1` })
    .where(and(eq(needs.districtId, need.districtId), eq(needs.id, need.id), lt(needs.filled, needs.slots)))
    .returning({ filled: needs.filled });
  if (!slot) throw needsError('needs.already_taken');
  const load = await queryRows<{ open_tasks: number }>(
    tx,
    sql`INSERT INTO volunteer_load (district_id, account_id, open_tasks) VALUES (${need.districtId}, ${opts.volunteerId}, 1)
        ON CONFLICT (district_id, account_id) DO UPDATE SET open_tasks = volunteer_load.open_tasks + 1
        WHERE volunteer_load.open_tasks < ${opts.maxOpenTasks}
        RETURNING open_tasks`,
  );
  if (load.length === 0 || (load[0]?.open_tasks ?? 0) > opts.maxOpenTasks) throw needsError('needs.task_limit', { params: { limit: opts.maxOpenTasks } });
  await tx.insert(needAssignments).values({
    districtId: need.districtId,
    needId: need.id,
    round: need.round,
    slotNo: slot.filled,
    volunteerId: opts.volunteerId,
    via: opts.via,
    assignedBy: opts.by,
  });
  return slot.filled;
}

/** Ends the live slots of this round (done on completion, released on cancel) and frees their load. */
export async function endSlots(tx: DbOrTx, need: NeedRow, outcome: 'done' | 'released'): Promise<{ volunteerId: string; checkInAt: Date | null; checkOutAt: Date | null }[]> {
  const now = new Date();
  const ended = await tx
    .update(needAssignments)
    .set({
      status: sql`CASE WHEN ${outcome} = 'done' AND ${needAssignments.checkInAt} IS NOT NULL THEN 'done' ELSE 'released' END`,
      checkOutAt: sql`CASE WHEN ${needAssignments.checkInAt} IS NOT NULL THEN coalesce(${needAssignments.checkOutAt}, ${now.toISOString()}::timestamptz) END`,
    })
    .where(
      and(
        eq(needAssignments.districtId, need.districtId),
        eq(needAssignments.needId, need.id),
        eq(needAssignments.round, need.round),
        ne(needAssignments.status, 'released'),
        ne(needAssignments.status, 'done'),
      ),
    )
    .returning({ volunteerId: needAssignments.volunteerId, checkInAt: needAssignments.checkInAt, checkOutAt: needAssignments.checkOutAt });
  for (const a of ended) {
    await tx
      .update(volunteerLoad)
      .set({ openTasks: sql`greatest(${volunteerLoad.openTasks} - 1, 0)` })
      .where(and(eq(volunteerLoad.districtId, need.districtId), eq(volunteerLoad.accountId, a.volunteerId)));
  }
  return ended;
}
