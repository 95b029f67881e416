import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { regions } from '../../platform/scope/regions.table.js';
import { teamsError } from './teams.errors.js';
import { canManageTeams, isNear, type TeamRelation } from './teams.policy.js';
import { teamMembers, teams, type TeamRow } from './teams.table.js';

/*
 * What the teams use cases share: a team with its home community, how the caller stands to it,
 * and the caller's home (residence community and street) for "teams near me".
 */

export type TeamWithPlace = TeamRow & { regionName: string; regionPath: string };

export const withPlace = { team: teams, regionName: regions.name, regionPath: regions.path };

/** A team of the district with its home community, or undefined; `lock` takes its row FOR UPDATE (a change to it). */
export async function findTeam(q: DbOrTx, districtId: string, id: string, lock = false): Promise<TeamWithPlace | undefined> {
  const query = q.select(withPlace).from(teams).innerJoin(regions, eq(regions.id, teams.regionId)).where(and(eq(teams.districtId, districtId), eq(teams.id, id)));
  const [row] = lock ? await query.for('update', { of: teams }) : await query;
  return row ? { ...row.team, regionName: row.regionName, regionPath: row.regionPath } : undefined;
}

/** The caller's residence community and street paths (null where their node lies above one). */
export async function homeOf(q: DbOrTx, actor: Actor): Promise<{ communityPath: string | null; streetPath: string | null }> {
  const ids = actor.regionPath.split('/').filter(Boolean);
  if (ids.length === 0) return { communityPath: null, streetPath: null };
  const rows = await q
    .select({ type: regions.type, path: regions.path })
    .from(regions)
    .where(and(inArray(regions.id, ids), inArray(regions.type, ['community', 'street'])));
  return { communityPath: rows.find((r) => r.type === 'community')?.path ?? null, streetPath: rows.find((r) => r.type === 'street')?.path ?? null };
}

export async function isMemberOf(q: DbOrTx, districtId: string, teamId: string, accountId: string): Promise<boolean> {
  const [row] = await q
    .select({ id: teamMembers.accountId })
    .from(teamMembers)
    .where(and(eq(teamMembers.districtId, districtId), eq(teamMembers.teamId, teamId), eq(teamMembers.accountId, accountId)));
  return Boolean(row);
}

/** How the caller stands to a team: staff over it, its leader, a member, or a volunteer it is near. */
export async function relationTo(q: DbOrTx, actor: Actor, team: TeamWithPlace): Promise<TeamRelation> {
  const [member, home] = await Promise.all([isMemberOf(q, actor.districtId, team.id, actor.accountId), homeOf(q, actor)]);
  return {
    staff: canManageTeams(actor) && team.regionPath.startsWith(actor.regionPath),
    leader: team.leaderId === actor.accountId,
    member,
    near: team.active && isNear({ type: team.type, path: team.regionPath }, home),
  };
}

/** A team the caller may see (see `canSee`), with their relation; 404 otherwise, exactly like a missing one. */
export async function loadVisible(q: DbOrTx, actor: Actor, id: string, canSee: (rel: TeamRelation) => boolean, lock = false) {
  const team = await findTeam(q, actor.districtId, id, lock);
  if (!team) throw teamsError('teams.not_found');
  const rel = await relationTo(q, actor, team);
  if (!canSee(rel)) throw teamsError('teams.not_found');
  return { team, rel };
}

/** Member counts of teams. */
export async function memberCounts(q: DbOrTx, districtId: string, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: teamMembers.teamId, n: sql<number>`count(*)::int` })
    .from(teamMembers)
    .where(and(eq(teamMembers.districtId, districtId), inArray(teamMembers.teamId, ids)))
    .groupBy(teamMembers.teamId);
  return new Map(rows.map((r) => [r.id, r.n]));
}
