import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { regions } from '../../platform/scope/regions.table.js';
import { needAssignments } from './assignments.table.js';
import type { NeedFacts, NeedStatus, Party } from './needs.lifecycle.js';
import { partiesOf, viewerOf, type ScopeDeps } from './needs.scope.js';
import { placeColumn } from './needs.place.js';
import { needEvents, needFollowers, needs } from './needs.table.js';
import { decodeJsonRows, jsonRows } from '../../platform/db/json-rows.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { CategoriesService, CategoryLabel } from '../need-categories/categories.service.js';

export type NeedRow = typeof needs.$inferSelect & { regionPath: string; regionName: string };
export type AssignmentRow = typeof needAssignments.$inferSelect;

/** A need as one caller sees it: which parties they are, and whether they may see it at all. */
export type NeedContext = {
  need: NeedRow;
  parties: Set<Party>;
  visible: boolean;
  assignments: AssignmentRow[];
  /** Sees it only as a follower (a duplicate's requester, a neighbour): the story, not the file. */
  onlyFollows: boolean;
  /** The caller's live slot in the current round, if any. */
  mySlot?: AssignmentRow;
};

export type AccessDeps = ScopeDeps;

/** Loads a need (locking it when about to change it) and works out the caller's relation to it. */
export async function loadNeed(tx: DbOrTx, deps: AccessDeps, actor: Actor, id: string, lock: boolean): Promise<NeedContext | null> {
  return (await loadNeedWith(tx, deps, actor, id, { lock, events: false }))?.ctx ?? null;
}

export type NeedEventRow = typeof needEvents.$inferSelect;

/**
 * The need, its slots and (with `events`) its timeline. Unlocked, all three come in one statement.
 * Locked, the slots are read after the lock is held: a subquery in the locking statement would see
 * the slots as they were before a racing transition it waited for committed.
 */
export async function loadNeedWith(
  tx: DbOrTx,
  deps: AccessDeps,
  actor: Actor,
  id: string,
  opts: { lock: boolean; events: boolean; labels?: LabelDeps },
): Promise<{ ctx: NeedContext; events: NeedEventRow[]; labels: NeedLabels; place: string[] } | null> {
  const where = and(eq(needs.districtId, actor.districtId), eq(needs.id, id));
  const { labels } = opts;
  const volunteerName = labels ? { volunteerName: labels.accounts.nameColumn(needAssignments.districtId, needAssignments.volunteerId) } : undefined;
  const slotsOf = jsonRows(needAssignments, sql`${needAssignments.districtId} = ${needs.districtId} AND ${needAssignments.needId} = ${needs.id}`, undefined, volunteerName);
  const eventsOf = opts.events ? jsonRows(needEvents, sql`${needEvents.districtId} = ${needs.districtId} AND ${needEvents.needId} = ${needs.id}`, sql`${needEvents.seq}`) : sql<unknown[]>`'[]'::json`;
  const labelColumns = {
    category: labels ? labels.categories.labelColumn(needs.districtId, needs.categoryId) : sql<CategoryLabel | null>`NULL`,
    teamName: labels ? deps.teams.nameColumn(needs.districtId, needs.teamId) : sql<string | null>`NULL`,
  };
  const [[row], viewer] = await Promise.all([
    opts.lock
      ? tx.select({ need: needs, regionPath: regions.path, regionName: regions.name }).from(needs).innerJoin(regions, eq(regions.id, needs.regionId)).where(where).for('update', { of: needs })
      : tx.select({ need: needs, regionPath: regions.path, regionName: regions.name, place: placeColumn(regions.path), slots: slotsOf, events: eventsOf, ...labelColumns }).from(needs).innerJoin(regions, eq(regions.id, needs.regionId)).where(where),
    viewerOf(tx, deps, actor),
  ]);
  if (!row) return null;
  const need: NeedRow = { ...row.need, regionPath: row.regionPath, regionName: row.regionName };
  const volunteers = new Map<string, string>();
  let assignments: AssignmentRow[];
  if ('slots' in row) {
    assignments = decodeJsonRows(needAssignments, row.slots).map((a) => {
      const { volunteerName: name, ...slot } = a as AssignmentRow & { volunteerName?: string | null };
      if (name != null) volunteers.set(slot.volunteerId, name);
      return slot;
    });
  } else {
    assignments = await tx.select().from(needAssignments).where(and(eq(needAssignments.districtId, need.districtId), eq(needAssignments.needId, need.id)));
  }
  const events = 'events' in row ? decodeJsonRows(needEvents, row.events) : [];
  const mySlot = assignments.find((a) => a.volunteerId === actor.accountId && a.round === need.round && a.status !== 'released');
  const parties = partiesOf(viewer, { ...need, liveSlot: Boolean(mySlot) });
  const servedBefore = assignments.some((a) => a.volunteerId === actor.accountId);
  const follows = parties.size > 0 || servedBefore ? false : await isFollower(tx, need, actor.accountId);
  return {
    ctx: { need, parties, visible: parties.size > 0 || servedBefore || follows, onlyFollows: follows, assignments, mySlot },
    events,
    labels: { category: (row as { category?: CategoryLabel | null }).category ?? undefined, teamName: (row as { teamName?: string | null }).teamName ?? null, volunteers },
    place: 'place' in row ? (row.place as string[]) : [],
  };
}

/** The services whose names a need's detail shows, read as columns of its one query. */
export type LabelDeps = { categories: Pick<CategoriesService, 'labelColumn'>; accounts: Pick<AccountsService, 'nameColumn'> };
export type NeedLabels = { category?: CategoryLabel; teamName: string | null; volunteers: Map<string, string> };

async function isFollower(tx: DbOrTx, need: NeedRow, accountId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: needFollowers.accountId })
    .from(needFollowers)
    .where(and(eq(needFollowers.districtId, need.districtId), eq(needFollowers.needId, need.id), eq(needFollowers.accountId, accountId)));
  return Boolean(row);
}

export function factsOf(ctx: NeedContext): NeedFacts {
  const { need } = ctx;
  return {
    status: need.status as NeedStatus,
    teamId: need.teamId,
    slots: need.slots,
    filled: need.filled,
    rulingPending: need.rulingPending,
    ruled: need.ruled,
    anyCheckedIn: ctx.assignments.some((a) => a.round === need.round && a.checkInAt !== null && a.status !== 'released'),
    myCheckInDone: Boolean(ctx.mySlot?.checkInAt),
    completedAt: need.completedAt,
  };
}

/** The role written on the event: the most specific relation the caller acted in. */
export function actingRole(parties: Set<Party>, allowed: readonly Party[]): string {
  return allowed.find((p) => parties.has(p)) ?? [...parties][0] ?? 'unknown';
}

export const openForDuplicates = sql`${needs.status} NOT IN ('rejected','merged','closed','cancelled','completed','rated')`;
