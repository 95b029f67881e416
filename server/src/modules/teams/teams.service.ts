import { and, asc, eq, sql, type Column, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { inScope, regionWithin } from '../../platform/scope/scope.js';
import { teamMembers, teams } from './teams.table.js';
import { teamsError } from './teams.errors.js';
import { currentDb, currentTransaction } from '../../platform/db/unit-of-work.js';
import { cacheOnFirstUse, entriesFor, keptRead } from '../../platform/db/change-cache.js';
import type { TeamsDeps } from './teams.deps.js';
import { teamsManage } from './teams.manage.js';
import { teamsMembership } from './teams.membership.js';
import { teamsRead } from './teams.read.js';

export type { TeamInput, TeamPatch } from './teams.manage.js';

export type TeamView = { id: string; name: string; type: string; regionId: string; leaderId: string; categories: string[]; memberCount?: number };

/**
 * The teams module's one service: what the order chain asks (below: the dispatch picker, a team in
 * scope, leaders and members), and the use cases a file each — staff managing teams
 * (teams.manage), joining and leaving (teams.membership), reading lists and a team's page (teams.read).
 */
export function createTeamsService(deps: TeamsDeps) {
  const { db } = deps;
  // a district's team names as lists show them (namesOf), kept until a team is added, renamed or
  // removed (platform/db/change-cache.ts; migration 0040 signals other instances)
  const keptNames = cacheOnFirstUse<ReadonlyMap<string, string>>(deps.database, { name: 'team name cache', tables: ['teams'], channels: ['lianxin_teams'], maxEntries: 1_000, maxAgeMs: 60_000 });
  return {
    ...teamsManage(deps),
    ...teamsMembership(deps),
    ...teamsRead(deps),

    /** Teams in the caller's subtree (the dispatch picker). */
    async listInScope(actor: Actor): Promise<TeamView[]> {
      return db
        .select({ id: teams.id, name: teams.name, type: teams.type, regionId: teams.regionId, leaderId: teams.leaderId, categories: teams.categories })
        .from(teams)
        .where(and(inScope(actor, teams), eq(teams.active, true)))
        .orderBy(asc(teams.name))
        .limit(500);
    },

    /**
     * A team staff may dispatch to: active and inside their subtree, else 404. Inside a transaction
     * its row is read FOR SHARE, so a dissolving (FOR UPDATE) either waits for the dispatch or makes it see the team gone.
     */
    async getInScope(actor: Actor, id: string): Promise<TeamView> {
      const q = currentDb(db);
      const query = q.select().from(teams).where(and(eq(teams.id, id), inScope(actor, teams), eq(teams.active, true)));
      const [row] = currentTransaction() ? await query.for('share') : await query;
      if (!row) throw teamsError('teams.not_found');
      return row;
    },

    async ledBy(actor: Actor): Promise<TeamView[]> {
      const q = currentDb(db);
      return q.select().from(teams).where(and(eq(teams.districtId, actor.districtId), eq(teams.leaderId, actor.accountId)));
    },

    async leads(actor: Actor, teamId: string): Promise<boolean> {
      const q = currentDb(db);
      const [row] = await q.select({ id: teams.id }).from(teams).where(and(eq(teams.districtId, actor.districtId), eq(teams.id, teamId), eq(teams.leaderId, actor.accountId)));
      return Boolean(row);
    },

    async isMember(districtId: string, teamId: string, accountId: string): Promise<boolean> {
      const q = currentDb(db);
      const [row] = await q
        .select({ id: teamMembers.accountId })
        .from(teamMembers)
        .where(and(eq(teamMembers.districtId, districtId), eq(teamMembers.teamId, teamId), eq(teamMembers.accountId, accountId)));
      return Boolean(row);
    },

    /** Active (not dissolved) teams based in a subtree (the big screen). */
    async countActive(districtId: string, regionPath: string): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(teams).where(and(eq(teams.districtId, districtId), eq(teams.active, true), regionWithin(teams.regionId, regionPath)));
      return row?.n ?? 0;
    },

    /** The team's leader, if it has one (joins the caller's transaction). */
    async leaderOf(districtId: string, teamId: string): Promise<string | null> {
      const [row] = await currentDb(db).select({ id: teams.leaderId }).from(teams).where(and(eq(teams.districtId, districtId), eq(teams.id, teamId)));
      return row?.id ?? null;
    },

    async memberIds(districtId: string, teamId: string): Promise<string[]> {
      const rows = await db.select({ id: teamMembers.accountId }).from(teamMembers).where(and(eq(teamMembers.districtId, districtId), eq(teamMembers.teamId, teamId)));
      return rows.map((r) => r.id);
    },

    /** The name of the team in `teamId` as a column of the caller's own query (null without a team). */
    nameColumn(districtId: Column, teamId: Column): SQL<string | null> {
      return sql<string | null>`(SELECT ${teams.name} FROM ${teams} WHERE ${teams.districtId} = ${districtId} AND ${teams.id} = ${teamId})`;
    },

    /**
     * The names of these teams, from the district's names kept between requests: a ledger's page took
     * them in its own statement, and with them PostgreSQL planned it at every run (docs/ARCHITECTURE.md).
     */
    async namesOf(districtId: string, ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const all = await keptRead(keptNames.cache(), districtId, async () => {
        const rows = await currentDb(db).select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.districtId, districtId));
        return new Map(rows.map((r) => [r.id, r.name]));
      });
      return entriesFor(all, ids);
    },

    /** Settles once team names are kept (PostgreSQL: once this instance hears of changes). */
    keeping: keptNames.ready,
    close: keptNames.close,
  };
}

export type TeamsService = ReturnType<typeof createTeamsService>;
