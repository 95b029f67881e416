import { and, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { isStaff } from '../../platform/auth/roles.js';
import { maskName, maskPhone } from '../../platform/privacy/mask.js';
import { regions } from '../../platform/scope/regions.table.js';
import { inScope, regionInScope, regionWithin, subtreeOf } from '../../platform/scope/scope.js';
import type { TeamsDeps } from './teams.deps.js';
import { canDecideRequests, canManageTeams, canSeeMembers, canSeeTeam, isNear, type JoinRequestStatus, type TeamType, type ThinkTankModule } from './teams.policy.js';
import { homeOf, loadVisible, memberCounts, withPlace, type TeamWithPlace } from './teams.rows.js';
import { teamJoinRequests, teamMembers, teams } from './teams.table.js';

export type TeamListQuery = { type?: TeamType; regionId?: string; q?: string; active?: boolean; page: number; pageSize: number };
export type RequestQuery = { teamId?: string; status?: string; mine?: boolean; page: number; pageSize: number };

const flat = (r: { team: typeof teams.$inferSelect; regionName: string; regionPath: string }): TeamWithPlace => ({ ...r.team, regionName: r.regionName, regionPath: r.regionPath });

/** Reading teams: the staff list, a team's page, teams near a volunteer, my teams, and join requests. */
export function teamsRead(deps: TeamsDeps) {
  const { db } = deps;

  /** Teams as list rows: home, leader (names masked for non-staff), member and open-order counts. */
  async function summaries(actor: Actor, rows: TeamWithPlace[]) {
    const ids = rows.map((r) => r.id);
    const [members, people, facts, partners] = await Promise.all([
      memberCounts(db, actor.districtId, ids),
      deps.accounts.namesOf(actor.districtId, [...new Set(rows.map((r) => r.leaderId))]),
      deps.needs().teamOrderFacts(actor.districtId, ids),
      deps.partners().unitsOfTeams(actor.districtId, ids),
    ]);
    const full = isStaff(actor.roles);
    return rows.map((r) => {
      const leaderName = people.get(r.leaderId)?.name ?? '';
      return {
        id: r.id,
        name: r.name,
        type: r.type as TeamType,
        thinkTankModule: r.thinkTankModule as ThinkTankModule | null,
        regionId: r.regionId,
        regionName: r.regionName,
        leader: { id: r.leaderId, name: full || r.leaderId === actor.accountId ? leaderName : (maskName(leaderName) ?? '') },
        categories: r.categories,
        description: r.description,
        partnerUnit: partners.get(r.id) ?? null,
        active: r.active,
        dissolvedAt: r.dissolvedAt?.toISOString() ?? null,
        memberCount: members.get(r.id) ?? 0,
        openOrders: facts.get(r.id)?.openOrders ?? 0,
        createdAt: r.createdAt.toISOString(),
      };
    });
  }

  /** The caller's open requests (or last one) per team. */
  async function myRequests(actor: Actor, teamIds: string[]) {
    if (teamIds.length === 0) return new Map<string, { id: string; status: JoinRequestStatus }>();
    const rows = await db
      .select({ id: teamJoinRequests.id, teamId: teamJoinRequests.teamId, status: teamJoinRequests.status })
      .from(teamJoinRequests)
      .where(and(eq(teamJoinRequests.districtId, actor.districtId), eq(teamJoinRequests.accountId, actor.accountId), inArray(teamJoinRequests.teamId, teamIds)))
      .orderBy(desc(teamJoinRequests.createdAt));
    const latest = new Map<string, { id: string; status: JoinRequestStatus }>();
    for (const r of rows) if (!latest.has(r.teamId)) latest.set(r.teamId, { id: r.id, status: r.status as JoinRequestStatus });
    return latest;
  }

  async function openRequestCounts(districtId: string, teamIds: string[]) {
    if (teamIds.length === 0) return new Map<string, number>();
    const rows = await db
      .select({ id: teamJoinRequests.teamId, n: sql<number>`count(*)::int` })
      .from(teamJoinRequests)
      .where(and(eq(teamJoinRequests.districtId, districtId), inArray(teamJoinRequests.teamId, teamIds), eq(teamJoinRequests.status, 'open')))
      .groupBy(teamJoinRequests.teamId);
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  return {
    /** Staff: the teams of their subtree, filtered and paged. */
    async list(actor: Actor, q: TeamListQuery) {
      const conds: SQL[] = [inScope(actor, teams)];
      if (q.regionId) conds.push(regionWithin(teams.regionId, (await regionInScope(db, actor, q.regionId)).path));
      if (q.type) conds.push(eq(teams.type, q.type));
      if (q.active !== undefined) conds.push(eq(teams.active, q.active));
      if (q.q?.trim()) conds.push(ilike(teams.name, `%${q.q.trim().replace(/[\\%_]/g, '\\$&')}%`));
      const where = and(...conds);
      const [rows, [count]] = await Promise.all([
        db.select(withPlace).from(teams).innerJoin(regions, eq(regions.id, teams.regionId)).where(where).orderBy(desc(teams.active), teams.name, teams.id).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
        db.select({ n: sql<number>`count(*)::int` }).from(teams).where(where),
      ]);
      return { items: await summaries(actor, rows.map(flat)), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
    },

    /** A team's page: staff over it, its leader and members, volunteers it is near. Members for those inside it and staff. */
    async detail(actor: Actor, id: string) {
      const { team, rel } = await loadVisible(db, actor, id, canSeeTeam);
      const [[summary], facts, hours, requests, mine] = await Promise.all([
        summaries(actor, [team]),
        deps.needs().teamOrderFacts(actor.districtId, [id]),
        deps.needs().teamHours(actor.districtId, id),
        canDecideRequests(rel) ? openRequestCounts(actor.districtId, [id]) : Promise.resolve(new Map<string, number>()),
        myRequests(actor, [id]),
      ]);
      let members: { id: string; name: string; phone: string; joinedAt: string; leader: boolean }[] = [];
      if (canSeeMembers(rel)) {
        const rows = await db.select().from(teamMembers).where(and(eq(teamMembers.districtId, actor.districtId), eq(teamMembers.teamId, id))).orderBy(teamMembers.joinedAt);
        const people = await deps.accounts.namesOf(actor.districtId, rows.map((r) => r.accountId));
        const full = rel.staff || rel.leader;
        members = rows.map((r) => {
          const p = people.get(r.accountId);
          const self = r.accountId === actor.accountId;
          // phones masked for every viewer, the caller's own and the leader's included (as in the leader's roster):
          // a list of people is no place for a full number, and one's own is on 我的
          return { id: r.accountId, name: full || self ? (p?.name ?? '') : (maskName(p?.name) ?? ''), phone: maskPhone(p?.phone) ?? '', joinedAt: r.joinedAt.toISOString(), leader: r.accountId === team.leaderId };
        });
      }
      const f = facts.get(id);
      return {
        ...summary!,
        contactPhone: canSeeMembers(rel) ? team.contactPhone : maskPhone(team.contactPhone),
        members,
        closedOrders: f?.closedOrders ?? 0,
        averageRating: f?.averageRating ?? null,
        ratedOrders: f?.ratedOrders ?? 0,
        hoursServed: hours,
        openRequests: requests.get(id) ?? 0,
        me: { canManage: rel.staff && team.active, canDecide: canDecideRequests(rel) && team.active, leader: rel.leader, member: rel.member, request: mine.get(id) ?? null },
      };
    },

    /** The phone's "join a team": active teams of the caller's community and the roving groups of their street. */
    async near(actor: Actor) {
      const home = await homeOf(db, actor);
      if (!home.communityPath && !home.streetPath) return [];
      const within = home.streetPath ?? home.communityPath!;
      const rows = (
        await db.select(withPlace).from(teams).innerJoin(regions, eq(regions.id, teams.regionId))
          .where(and(eq(teams.districtId, actor.districtId), eq(teams.active, true), subtreeOf(within)))
          .orderBy(teams.name).limit(500)
      ).map(flat).filter((t) => isNear({ type: t.type, path: t.regionPath }, home)).slice(0, 100);
      const [items, requests, joined] = await Promise.all([
        summaries(actor, rows),
        myRequests(actor, rows.map((r) => r.id)),
        db.select({ id: teamMembers.teamId }).from(teamMembers).where(and(eq(teamMembers.districtId, actor.districtId), eq(teamMembers.accountId, actor.accountId))),
      ]);
      const member = new Set(joined.map((j) => j.id));
      return items.map((t) => ({ ...t, member: member.has(t.id), request: requests.get(t.id) ?? null }));
    },

    /** The teams the caller belongs to (dissolved ones too), with what waits for them as leader. */
    async joined(actor: Actor) {
      const rows = (
        await db.select(withPlace).from(teams).innerJoin(regions, eq(regions.id, teams.regionId))
          .innerJoin(teamMembers, and(eq(teamMembers.districtId, teams.districtId), eq(teamMembers.teamId, teams.id)))
          .where(and(eq(teams.districtId, actor.districtId), eq(teamMembers.accountId, actor.accountId)))
          .orderBy(desc(teams.active), teams.name)
      ).map(flat);
      const led = rows.filter((r) => r.leaderId === actor.accountId).map((r) => r.id);
      const [items, open] = await Promise.all([summaries(actor, rows), openRequestCounts(actor.districtId, led)]);
      return items.map((t) => ({ ...t, leading: t.leader.id === actor.accountId, openRequests: open.get(t.id) ?? 0 }));
    },

    /**
     * Join requests: with `mine`, the caller's own; otherwise those the caller may decide — of the
     * teams they lead, and for staff of the teams in their subtree (one team with `teamId`).
     */
    async requests(actor: Actor, q: RequestQuery) {
      const conds: SQL[] = [eq(teamJoinRequests.districtId, actor.districtId)];
      if (q.mine) conds.push(eq(teamJoinRequests.accountId, actor.accountId));
      else {
        // one team's requests: 404 unless the caller may decide them, exactly like a missing team
        if (q.teamId) await loadVisible(db, actor, q.teamId, canDecideRequests);
        const staffOver = canManageTeams(actor) ? [inScope(actor, teams)] : [];
        conds.push(or(eq(teams.leaderId, actor.accountId), ...staffOver)!);
      }
      if (q.teamId) conds.push(eq(teamJoinRequests.teamId, q.teamId));
      if (q.status) conds.push(eq(teamJoinRequests.status, q.status));
      const where = and(...conds);
      const from = () => db.select().from(teamJoinRequests).innerJoin(teams, and(eq(teams.districtId, teamJoinRequests.districtId), eq(teams.id, teamJoinRequests.teamId)));
      const [rows, [count]] = await Promise.all([
        from().where(where).orderBy(desc(teamJoinRequests.createdAt), teamJoinRequests.id).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
        db.select({ n: sql<number>`count(*)::int` }).from(teamJoinRequests).innerJoin(teams, and(eq(teams.districtId, teamJoinRequests.districtId), eq(teams.id, teamJoinRequests.teamId))).where(where),
      ]);
      const people = await deps.accounts.namesOf(actor.districtId, [...new Set(rows.flatMap((r) => [r.team_join_requests.accountId, ...(r.team_join_requests.decidedBy ? [r.team_join_requests.decidedBy] : [])]))]);
      const items = rows.map(({ team_join_requests: r, teams: t }) => {
        const p = people.get(r.accountId);
        const self = r.accountId === actor.accountId;
        return {
          id: r.id,
          team: { id: t.id, name: t.name },
          person: { id: r.accountId, name: p?.name ?? '', phone: self ? (p?.phone ?? '') : (maskPhone(p?.phone) ?? '') },
          status: r.status as JoinRequestStatus,
          message: r.message,
          reason: r.reason,
          createdAt: r.createdAt.toISOString(),
          decidedAt: r.decidedAt?.toISOString() ?? null,
          decidedByName: r.decidedBy ? (people.get(r.decidedBy)?.name ?? null) : null,
          canDecide: !q.mine && r.status === 'open' && t.active,
        };
      });
      return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
    },
  };
}
