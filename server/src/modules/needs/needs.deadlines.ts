import { and, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { fixedQuery } from '../../platform/db/fixed-query.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { WindowUnit } from '../deadlines/deadlines.policy.js';
import { needAssignments } from './assignments.table.js';
import type { NeedStatus } from './needs.lifecycle.js';
import { needs } from './needs.table.js';

/** What the deadline watch (supervision) reads of a need when a warning falls due. */
export type DeadlineFacts = {
  id: string;
  districtId: string;
  number: string;
  title: string;
  status: NeedStatus;
  acceptedAt: Date | null;
  deadlineAt: Date | null;
  /** When the window's clock started (acceptance, a reopening; moved on by pauses). */
  windowStartedAt: Date | null;
  windowUnit: WindowUnit;
  /** The clock is paused (挂起): no warnings, not overdue. */
  paused: boolean;
  regionId: string;
  /** Ids from the district down to the need's place, e.g. its community and street. */
  regionAncestors: string[];
  teamId: string | null;
  /** Volunteers holding a live slot of the current round. */
  assigneeIds: string[];
};

// asked at every event that starts or moves a deadline, and by every warning: built once (fixedQuery)
const factsRow = fixedQuery(['districtId', 'needId'], (db, p) =>
  db
    .select({
      id: needs.id,
      number: needs.number,
      title: needs.title,
      status: needs.status,
      round: needs.round,
      acceptedAt: needs.acceptedAt,
      deadlineAt: needs.deadlineAt,
      windowStartedAt: needs.windowStartedAt,
      windowUnit: needs.windowUnit,
      pausedAt: needs.pausedAt,
      regionId: needs.regionId,
      teamId: needs.teamId,
      regionPath: regions.path,
    })
    .from(needs)
    .innerJoin(regions, eq(regions.id, needs.regionId))
    .where(and(eq(needs.districtId, p.districtId), eq(needs.id, p.needId))),
);
const liveSlots = fixedQuery(['districtId', 'needId', 'round'], (db, p) =>
  db
    .select({ id: needAssignments.volunteerId })
    .from(needAssignments)
    .where(and(eq(needAssignments.districtId, p.districtId), eq(needAssignments.needId, p.needId), eq(needAssignments.round, p.round), notInArray(needAssignments.status, ['released', 'done']))),
);

/** A need's deadline facts, without scope (the system asks); joins the caller's transaction. */
export async function deadlineFactsOf(db: Db, districtId: string, needId: string): Promise<DeadlineFacts | null> {
  const q = currentDb(db);
  const [need] = await factsRow(q, { districtId, needId });
  if (!need) return null;
  const live = await liveSlots(q, { districtId, needId, round: need.round });
  return {
    id: need.id,
    districtId,
    number: need.number,
    title: need.title,
    status: need.status as NeedStatus,
    acceptedAt: need.acceptedAt,
    deadlineAt: need.deadlineAt,
    windowStartedAt: need.windowStartedAt ?? need.acceptedAt,
    windowUnit: need.windowUnit === 'working_days' ? 'working_days' : 'calendar_days',
    paused: need.pausedAt !== null,
    regionId: need.regionId,
    regionAncestors: need.regionPath.split('/').filter(Boolean),
    teamId: need.teamId,
    assigneeIds: live.map((r) => r.id),
  };
}
