import { and, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { isStaff, staffRoles } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { ancestorPathOf, holdsDistrict, inScope, regionUnder, regionWithin, staffRolesOver, type Subtree } from '../../platform/scope/scope.js';
import type { TeamsService } from '../teams/teams.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import { needAssignments } from './assignments.table.js';
import type { NeedStatus, Party } from './needs.lifecycle.js';
import { needFollowers, needs } from './needs.table.js';

/*
 * Which needs an actor may see, built only from the platform's scope pieces. The SQL conditions
 * (lists, "similar", follow, export) and `partiesOf` (one loaded need) state the same rules; the
 * cross-tenant test and needs.scope.test.ts hold them together.
 */

export const poolStates: readonly NeedStatus[] = ['pooled', 'claimed'];

/**
 * What the caller is, worked out once per request: their teams, their community; for a list, the ids of
 * their subtree and of their community (`subtrees`: listViewerOf), which its SQL compares with.
 */
export type Viewer = { actor: Actor; ledTeamIds: string[]; communityPath: string; subtrees?: { scope?: Subtree; community?: Subtree } };

export type ScopeDeps = { teams: TeamsService };
/** What reads regions for a list's filter and a subtree's ids (the regions service, which keeps them). */
export type Subtrees = Pick<RegionsService, 'subtree' | 'keptNodeInScope'>;

export async function viewerOf(db: DbOrTx, deps: ScopeDeps, actor: Actor): Promise<Viewer> {
  const [led, communityPath] = await Promise.all([
    actor.roles.includes('teamLeader') ? deps.teams.ledBy(actor) : Promise.resolve([]),
    ancestorPathOf(db, actor.regionPath, 'community'),
  ]);
  return { actor, ledTeamIds: led.map((t) => t.id), communityPath };
}

/**
 * A viewer for a list (or its counts, or its export): with the ids of the caller's subtree (staff below
 * the district) and of their community (volunteers' pool) read beforehand (platform/scope regionAmong).
 */
export async function listViewerOf(db: DbOrTx, deps: ScopeDeps & { regions: Subtrees }, actor: Actor): Promise<Viewer> {
  const viewer = await viewerOf(db, deps, actor);
  const { districtId } = actor;
  const [scope, community] = await Promise.all([
    isStaff(actor.roles) && !holdsDistrict(actor) ? deps.regions.subtree(districtId, actor.regionPath) : undefined,
    actor.roles.includes('volunteer') ? deps.regions.subtree(districtId, viewer.communityPath) : undefined,
  ]);
  return { ...viewer, subtrees: { scope, community } };
}

const mine = (actor: Actor) => eq(needs.requesterId, actor.accountId);
const followed = (actor: Actor) =>
  sql`${needs.id} IN (SELECT ${needFollowers.needId} FROM ${needFollowers} WHERE ${needFollowers.districtId} = ${actor.districtId} AND ${needFollowers.accountId} = ${actor.accountId})`;
/** Any round the volunteer served or serves: they keep the story, not the requester's contacts. */
const servedBy = (actor: Actor) =>
  sql`${needs.id} IN (SELECT ${needAssignments.needId} FROM ${needAssignments} WHERE ${needAssignments.districtId} = ${actor.districtId} AND ${needAssignments.volunteerId} = ${actor.accountId})`;

/** Open in the pool of the volunteer's community (抢单池: 15-minute circle, same community). */
export function inPoolOf(viewer: Viewer): SQL {
  return and(isNull(needs.teamId), inArray(needs.status, [...poolStates]), lt(needs.filled, needs.slots), regionUnder(needs.regionId, viewer.communityPath, viewer.subtrees?.community))!;
}

/** The list views: staff their subtree, residents their own, leaders their team's, volunteers the pool and their tasks. */
export const viewConditions = {
  all: (v: Viewer) => inScope(v.actor, needs, v.subtrees?.scope),
  mine: (v: Viewer) => or(mine(v.actor), followed(v.actor))!,
  team: (v: Viewer) => (v.ledTeamIds.length ? inArray(needs.teamId, v.ledTeamIds) : sql`false`),
  pool: (v: Viewer) => (v.actor.roles.includes('volunteer') ? inPoolOf(v) : sql`false`),
  tasks: (v: Viewer) => servedBy(v.actor),
} satisfies Record<string, (v: Viewer) => SQL>;

/** Every need the viewer may open: the union of the views, always within their district. */
export function visibleNeeds(viewer: Viewer): SQL {
  const { actor } = viewer;
  const parts: SQL[] = [viewConditions.mine(viewer), viewConditions.tasks(viewer), viewConditions.team(viewer), viewConditions.pool(viewer)];
  if (isStaff(actor.roles)) parts.push(viewConditions.all(viewer));
  return and(eq(needs.districtId, actor.districtId), or(...parts))!;
}

/**
 * What a resident may find to follow instead of posting again (SPEC §3 duplicates): what they can
 * already see, plus needs whose requester allowed public display in the viewer's own community.
 */
export function followableNeeds(viewer: Viewer): SQL {
  const publicNearby = and(eq(needs.isPublic, true), regionWithin(needs.regionId, viewer.communityPath))!;
  return and(eq(needs.districtId, viewer.actor.districtId), or(visibleNeeds(viewer), publicNearby))!;
}

/** Facts about one need that decide the caller's relation to it (loaded with the need, or per list row). */
export type RelationFacts = {
  regionPath: string;
  requesterId: string | null;
  teamId: string | null;
  status: string;
  /** The caller holds a live slot (not released) in the current round. */
  liveSlot: boolean;
};

/** The parties the caller is for one need: staff by role within scope, or by relation. Pure. */
export function partiesOf(viewer: Viewer, need: RelationFacts): Set<Party> {
  const { actor } = viewer;
  const parties = new Set<Party>();
  if (actor.isSystem) parties.add('system');
  for (const role of staffRolesOver(actor, need.regionPath)) parties.add(role as Party);
  if (need.requesterId === actor.accountId) parties.add('requester');
  if (need.teamId && viewer.ledTeamIds.includes(need.teamId)) parties.add('teamLeader');
  if (need.liveSlot) parties.add('assignee');
  const pooled = need.teamId === null && poolStates.includes(need.status as NeedStatus);
  if (actor.roles.includes('volunteer') && pooled && need.regionPath.startsWith(viewer.communityPath)) parties.add('volunteer');
  return parties;
}

export const staffParties: readonly Party[] = staffRoles as readonly Party[];
export const isStaffParty = (parties: ReadonlySet<Party>) => staffParties.some((p) => parties.has(p));
