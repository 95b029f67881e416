import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { requireActiveVolunteer } from './teams.checks.js';
import type { TeamsDeps } from './teams.deps.js';
import { teamsError } from './teams.errors.js';
import { canDecideRequests, canSeeTeam } from './teams.policy.js';
import { findTeam, isMemberOf, loadVisible, relationTo } from './teams.rows.js';
import { teamJoinRequests, teamMembers } from './teams.table.js';

/**
 * Joining and leaving (入队 · 退队): a volunteer asks to join a team near them, the leader (or staff
 * over the team) accepts or refuses with a reason; members leave. The requester and the leader hear
 * of each step in their inbox.
 */
export function teamsMembership(deps: TeamsDeps) {
  const { db } = deps;
  const tell = (tx: DbOrTx, team: { districtId: string; id: string; name: string }, key: string, type: string, recipients: string[], params: Record<string, string> = {}) =>
    deps.notifications().notify(tx, team.districtId, { key, type, recipients, subject: { type: 'team', id: team.id, label: team.name }, params });

  /** A request with its team, for someone who may see it (the requester, or who may decide it); else 404. Locked: it is about to change. */
  async function loadRequest(tx: DbOrTx, actor: Actor, id: string) {
    const [request] = await tx
      .select()
      .from(teamJoinRequests)
      .where(and(eq(teamJoinRequests.districtId, actor.districtId), eq(teamJoinRequests.id, id)))
      .for('update');
    if (!request) throw teamsError('teams.request_not_found');
    const team = (await findTeam(tx, actor.districtId, request.teamId))!;
    const rel = await relationTo(tx, actor, team);
    if (request.accountId !== actor.accountId && !canDecideRequests(rel)) throw teamsError('teams.request_not_found');
    return { request, team, rel };
  }

  return {
    /**
     * A registered volunteer asks to join a team they may see. One open request per person and
     * team, kept by a partial UNIQUE index: of requests sent at once, one is written and the others
     * are told it is pending.
     */
    async requestJoin(actor: Actor, teamId: string, message?: string | null): Promise<string> {
      return db.transaction(async (tx) => {
        const { team } = await loadVisible(tx, actor, teamId, canSeeTeam);
        if (!team.active) throw teamsError('teams.dissolved');
        requireActiveVolunteer(actor);
        if (await isMemberOf(tx, actor.districtId, teamId, actor.accountId)) throw teamsError('teams.already_member');
        const [made] = await tx
          .insert(teamJoinRequests)
          .values({ districtId: actor.districtId, teamId, accountId: actor.accountId, message: message ?? null, createdAt: deps.clock.now() })
          .onConflictDoNothing()
          .returning({ id: teamJoinRequests.id });
        if (!made) throw teamsError('teams.request_open');
        await deps.audit.record(actor, { action: 'teams.request_join', objectType: 'team', objectId: teamId, regionId: team.regionId, details: { requestId: made.id } });
        await tell(tx, team, `teams.request:${made.id}`, 'teams.joinRequested', [team.leaderId], { name: actor.name });
        return made.id;
      });
    },

    /** The leader (or staff over the team) accepts — the requester becomes a member — or refuses with a reason. */
    async decide(actor: Actor, id: string, decision: { accept: true } | { accept: false; reason: string }): Promise<void> {
      await db.transaction(async (tx) => {
        const { request, team, rel } = await loadRequest(tx, actor, id);
        if (!canDecideRequests(rel)) throw teamsError('teams.leader_only');
        if (request.status !== 'open') throw teamsError('teams.request_decided');
        if (decision.accept && !team.active) throw teamsError('teams.dissolved');
        const now = deps.clock.now();
        await tx
          .update(teamJoinRequests)
          .set({ status: decision.accept ? 'accepted' : 'refused', reason: decision.accept ? null : decision.reason, decidedBy: actor.accountId, decidedAt: now })
          .where(and(eq(teamJoinRequests.districtId, actor.districtId), eq(teamJoinRequests.id, id)));
        if (decision.accept) await tx.insert(teamMembers).values({ districtId: actor.districtId, teamId: team.id, accountId: request.accountId, joinedAt: now }).onConflictDoNothing();
        await deps.audit.record(actor, {
          action: decision.accept ? 'teams.accept_request' : 'teams.refuse_request',
          objectType: 'team',
          objectId: team.id,
          regionId: team.regionId,
          details: { requestId: id, accountId: request.accountId, ...(decision.accept ? {} : { reason: decision.reason }) },
        });
        await tell(tx, team, `teams.decided:${id}`, decision.accept ? 'teams.requestAccepted' : 'teams.requestRefused', [request.accountId], decision.accept ? {} : { reason: decision.reason });
      });
    },

    /** A member leaves (退队); the leader hands the team over first. */
    async leave(actor: Actor, teamId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const { team } = await loadVisible(tx, actor, teamId, canSeeTeam, true);
        if (team.leaderId === actor.accountId) throw teamsError('teams.leader_stays');
        const gone = await tx
          .delete(teamMembers)
          .where(and(eq(teamMembers.districtId, actor.districtId), eq(teamMembers.teamId, teamId), eq(teamMembers.accountId, actor.accountId)))
          .returning({ id: teamMembers.accountId });
        if (gone.length === 0) throw teamsError('teams.not_member');
        await deps.audit.record(actor, { action: 'teams.leave', objectType: 'team', objectId: teamId, regionId: team.regionId });
        await tell(tx, team, `teams.left:${teamId}:${actor.accountId}:${deps.clock.now().getTime()}`, 'teams.memberLeft', [team.leaderId], { name: actor.name });
      });
    },
  };
}
