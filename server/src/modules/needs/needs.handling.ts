import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { currentDb, requireTransaction } from '../../platform/db/unit-of-work.js';
import type { WindowUnit } from '../deadlines/deadlines.policy.js';
import type { AccessDeps } from './needs.access.js';
import { deadlineRunningStatuses, type NeedStatus, type Party } from './needs.lifecycle.js';
import { needs } from './needs.table.js';
import { loadVisible } from './needs.transitions.js';

/** What another module needs to decide about a need's handling (a pause, an extension, a supervision). */
export type NeedHandling = {
  id: string;
  districtId: string;
  number: string;
  title: string;
  status: NeedStatus;
  regionId: string;
  regionPath: string;
  teamId: string | null;
  /** The service round (a reopening starts another). */
  round: number;
  acceptedAt: Date | null;
  completedAt: Date | null;
  deadlineAt: Date | null;
  windowStartedAt: Date | null;
  windowUnit: WindowUnit;
  pausedAt: Date | null;
  /** The deadline runs (受理 → 结单). */
  running: boolean;
  /** The caller's relations to it: staff roles over it, teamLeader, requester … (needs.scope `partiesOf`). */
  parties: Party[];
};

/**
 * A need as the caller stands to it, in the caller's transaction (`lock`: FOR UPDATE, before changing
 * its clock). A need they may not see is not found (404), exactly like a missing one.
 */
export async function handlingOf(db: Db, deps: AccessDeps, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<NeedHandling> {
  const ctx = await loadVisible(currentDb(db), deps, actor, id, opts.lock ?? false);
  const n = ctx.need;
  return {
    id: n.id, districtId: n.districtId, number: n.number, title: n.title, status: n.status as NeedStatus, regionId: n.regionId, regionPath: n.regionPath, teamId: n.teamId, round: n.round,
    acceptedAt: n.acceptedAt, completedAt: n.completedAt, deadlineAt: n.deadlineAt, windowStartedAt: n.windowStartedAt ?? n.acceptedAt,
    windowUnit: n.windowUnit === 'working_days' ? 'working_days' : 'calendar_days', pausedAt: n.pausedAt,
    running: deadlineRunningStatuses.includes(n.status as NeedStatus), parties: [...ctx.parties],
  };
}

/** A change of a need's clock: a new deadline (and window start), paused or resumed. */
export type ClockChange = { deadlineAt?: Date; windowStartedAt?: Date; pausedAt?: Date | null };

/**
 * Moves a need's deadline or pauses its clock, inside the caller's transaction only: the caller
 * (modules/oversight) has locked the need, decided it may, and records the step on the timeline in
 * the same transaction. The state and version stay; the timeline entry bumps the version.
 */
export async function moveDeadline(districtId: string, needId: string, change: ClockChange): Promise<void> {
  const tx = requireTransaction('needs.moveDeadline');
  await tx.update(needs).set(change).where(and(eq(needs.districtId, districtId), eq(needs.id, needId)));
}

/** Number, title and clock of needs by id (another module's list naming them; no scope: the caller scoped its rows). */
export async function needLabelsOf(db: Db, districtId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { number: string; title: string; status: NeedStatus; deadlineAt: Date | null; pausedAt: Date | null }>();
  const rows = await currentDb(db)
    .select({ id: needs.id, number: needs.number, title: needs.title, status: needs.status, deadlineAt: needs.deadlineAt, pausedAt: needs.pausedAt })
    .from(needs)
    .where(and(eq(needs.districtId, districtId), inArray(needs.id, ids)));
  return new Map(rows.map((r) => [r.id, { number: r.number, title: r.title, status: r.status as NeedStatus, deadlineAt: r.deadlineAt, pausedAt: r.pausedAt }]));
}
