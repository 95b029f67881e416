import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { adminRoles } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import { ancestorPathOf, pathInScope, staffRolesOver } from '../../platform/scope/scope.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { ActivitiesDeps } from './activities.deps.js';
import { activitiesError } from './activities.errors.js';
import { activities } from './activities.table.js';

export type ActivityRow = typeof activities.$inferSelect;
export type Loaded = { row: ActivityRow; path: string; organiser: boolean; staff: boolean };

/**
 * Who stands how to an activity. The organiser: an admin (community, street, district) whose subtree
 * holds its place, or — for a team's activity — the team's leader. Staff in scope see it. Everyone
 * else (a volunteer, a resident) sees a published one held in their own community, or at a level
 * above it (their street's, the district's); a draft only its organiser. Anything else: 404.
 */
export function activityAccess(deps: ActivitiesDeps) {
  /** The path of the caller's community (their own node's when they live above one). */
  const homeOf = (actor: Actor) => ancestorPathOf(currentDb(deps.db), actor.regionPath, 'community');

  /** SQL: rows a non-staff person may see, given their community's path (an activity joined with its region). */
  const publicFor = (actor: Actor, home: string): SQL =>
    and(
      eq(activities.districtId, actor.districtId),
      sql`${activities.status} <> 'draft'`,
      sql`(${regions.path} LIKE ${`${home.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} OR ${home} LIKE ${regions.path} || '%')`,
    )!;

  async function load(q: DbOrTx, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<Loaded> {
    const query = q
      .select({ row: activities, path: regions.path })
      .from(activities)
      .innerJoin(regions, eq(regions.id, activities.regionId))
      .where(and(eq(activities.districtId, actor.districtId), eq(activities.id, id)));
    const [found] = opts.lock ? await query.for('update', { of: activities }) : await query;
    if (!found) throw activitiesError('activities.not_found');
    const staff = staffRolesOver(actor, found.path).length > 0;
    const admin = pathInScope(actor, found.path) && actor.roles.some((r) => r !== 'system' && adminRoles.includes(r));
    const leader = found.row.teamId !== null && (await deps.teams.leads(actor, found.row.teamId));
    const organiser = admin || leader;
    if (organiser || staff) return { row: found.row, path: found.path, organiser, staff };
    if (found.row.status === 'draft') throw activitiesError('activities.not_found');
    const home = await homeOf(actor);
    if (!(found.path.startsWith(home) || home.startsWith(found.path))) throw activitiesError('activities.not_found');
    return { row: found.row, path: found.path, organiser: false, staff: false };
  }

  return {
    homeOf,
    publicFor,
    load,
    /** Loads an activity the caller organises (locked for the change when asked); a viewer gets 403, anyone else 404. */
    async organised(q: DbOrTx, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<Loaded> {
      const loaded = await load(q, actor, id, opts);
      if (!loaded.organiser) throw activitiesError('activities.not_organiser');
      return loaded;
    },
  };
}

export type ActivityAccess = ReturnType<typeof activityAccess>;
