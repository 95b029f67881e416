import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { ServiceRecordService } from '../service-record/service-record.service.js';
import type { ServedTime } from '../service-record/service-record.hours.js';
import { needAssignments } from './assignments.table.js';
import type { NeedRow } from './needs.access.js';
import { needsError } from './needs.errors.js';
import type { AlongWrite } from './needs.events.js';

/**
 * Fills one slot of an order for a volunteer: answers its number, which the caller writes to the need
 * as `filled` (patch), and the slot's write, which goes with the transition's one write (`along`: one
 * round trip for the whole grab after its lock). The need row is locked (`FOR UPDATE`) by the
 * transition, so `need.filled` is current and no other transaction can fill a slot meanwhile:
 *  - a slot is never filled twice: `filled < slots` here under the lock, and the slot number is in
 *    the assignment's primary key;
 *  - `open_tasks = open_tasks + 1 WHERE open_tasks < max` (the service record's `slotLoadWrite`, in
 *    that same statement) — nobody exceeds the open-task limit, even when one volunteer races for
 *    several orders at once (the load row serialises them). When the load did not rise the statement
 *    fails, and the volunteer hears `needs.task_limit`; nothing of the transition is written.
 */
export function fillSlot(
  record: ServiceRecordService,
  need: NeedRow,
  opts: { volunteerId: string; via: 'grab' | 'assign'; by: string; maxOpenTasks: number },
): { slotNo: number; along: AlongWrite } {
  if (need.filled >= need.slots) throw needsError('needs.already_taken');
  const slotNo = need.filled + 1;
  // the slot is written in the load's statement, only when the load could be raised
  const slot = (raised: SQL) =>
    sql`INSERT INTO ${needAssignments} (district_id, need_id, round, slot_no, volunteer_id, via, assigned_by)
        SELECT ${need.districtId}::uuid, ${need.id}::uuid, ${need.round}::int, ${slotNo}::int, ${opts.volunteerId}::uuid, ${opts.via}, ${opts.by}::uuid WHERE ${raised}`;
  const { ctes, raised } = record.slotLoadWrite(need.districtId, opts.volunteerId, opts.maxOpenTasks, slot);
  return { slotNo, along: { ctes, holds: raised, refusal: () => needsError('needs.task_limit', { params: { limit: opts.maxOpenTasks } }) } };
}

/** Ends the live slots of this round (done on completion, released on cancel) and frees their load. */
export async function endSlots(tx: DbOrTx, record: ServiceRecordService, need: NeedRow, outcome: 'done' | 'released', now: Date): Promise<ServedTime[]> {
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
  for (const a of ended) await record.releaseLoad(need.districtId, a.volunteerId);
  return ended;
}
