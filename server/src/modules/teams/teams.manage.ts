import { and, eq, ne } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { checkCategories, checkHome, checkPerson, checkThinkTankModule, isActiveVolunteer } from './teams.checks.js';
import type { TeamsDeps } from './teams.deps.js';
import { teamsError } from './teams.errors.js';
import { type TeamType, type ThinkTankModule } from './teams.policy.js';
import { loadVisible, type TeamWithPlace } from './teams.rows.js';
import { teamJoinRequests, teamMembers, teams } from './teams.table.js';

export type TeamInput = {
  name: string;
  type: TeamType;
  thinkTankModule?: ThinkTankModule | null;
  regionId: string;
  categories: string[];
  leaderId: string;
  description?: string | null;
  contactPhone?: string | null;
  partnerUnitId?: string | null;
};
export type TeamPatch = Partial<Omit<TeamInput, 'leaderId'>>;

/*
 * Each change first finds the team as the caller may see it (404 for anyone not over it), before any
 * check of the input: someone outside learns nothing from a 400.
 */

/** A change to a team: by staff over it, in one transaction, its row locked; a dissolved team is history and stays as it was. */
async function lockForChange(tx: DbOrTx, actor: Actor, id: string): Promise<TeamWithPlace> {
  const { team } = await loadVisible(tx, actor, id, (rel) => rel.staff, true);
  if (!team.active) throw teamsError('teams.dissolved');
  return team;
}

async function checkNameFree(tx: DbOrTx, districtId: string, regionId: string, name: string, except?: string) {
  const [taken] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.districtId, districtId), eq(teams.regionId, regionId), eq(teams.name, name), eq(teams.active, true), except ? ne(teams.id, except) : undefined));
  if (taken) throw teamsError('teams.name_taken', { field: 'name' });
}

/** Whether the person leads an active team other than `except`. */
async function leadsAnother(tx: DbOrTx, districtId: string, accountId: string, except: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.districtId, districtId), eq(teams.leaderId, accountId), eq(teams.active, true), ne(teams.id, except)))
    .limit(1);
  return Boolean(row);
}

/** Staff (community, street and district admins) creating, editing and dissolving the teams of their subtree; each change audited. */
export function teamsManage(deps: TeamsDeps) {
  const { db } = deps;
  const tell = (tx: DbOrTx, team: { districtId: string; id: string; name: string }, key: string, type: string, recipients: string[], params: Record<string, string> = {}) =>
    deps.notifications().notify(tx, team.districtId, { key, type, recipients, subject: { type: 'team', id: team.id, label: team.name }, params });

  return {
    /** A new team in a community of the caller's subtree; its leader joins it and gets the teamLeader role. */
    async create(actor: Actor, input: TeamInput): Promise<string> {
      checkThinkTankModule(input.type, input.thinkTankModule);
      if (input.type === 'paired' && !input.partnerUnitId) throw teamsError('teams.partner_unit_required', { field: 'partnerUnitId' });
      const region = await checkHome(deps, actor, input.regionId);
      const categories = await checkCategories(deps, actor, input.categories);
      await checkPerson(deps, actor, input.leaderId, 'leaderId', 'teams.leader_not_found');
      const id = globalThis.crypto.randomUUID();
      await db.transaction(async (tx) => {
        await checkNameFree(tx, actor.districtId, region.id, input.name);
        const now = deps.clock.now();
        await tx.insert(teams).values({
          districtId: actor.districtId, id, name: input.name, type: input.type, thinkTankModule: input.thinkTankModule ?? null, regionId: region.id,
          leaderId: input.leaderId, categories, description: input.description ?? null, contactPhone: input.contactPhone ?? null, createdAt: now, updatedAt: now,
        });
        await tx.insert(teamMembers).values({ districtId: actor.districtId, teamId: id, accountId: input.leaderId, joinedAt: now });
        if (input.partnerUnitId) await deps.partners().pairTeam(tx, actor.districtId, id, input.partnerUnitId);
        await deps.accounts.grantRole(actor, input.leaderId, 'teamLeader');
        await deps.audit.record(actor, { action: 'teams.create', objectType: 'team', objectId: id, regionId: region.id, details: { name: input.name, type: input.type, leaderId: input.leaderId } });
        await tell(tx, { districtId: actor.districtId, id, name: input.name }, `teams.leader:${id}:${input.leaderId}`, 'teams.madeLeader', [input.leaderId]);
      });
      return id;
    },

    /** Edits what the form holds (not the leader: see `setLeader`); type and think-tank field are checked together. */
    async update(actor: Actor, id: string, patch: TeamPatch): Promise<void> {
      await loadVisible(db, actor, id, (rel) => rel.staff);
      const region = patch.regionId ? await checkHome(deps, actor, patch.regionId) : undefined;
      const categories = patch.categories ? await checkCategories(deps, actor, patch.categories) : undefined;
      await db.transaction(async (tx) => {
        const current = await lockForChange(tx, actor, id);
        const type = patch.type ?? (current.type as TeamType);
        const module = patch.thinkTankModule !== undefined ? patch.thinkTankModule : type === 'thinkTank' ? (current.thinkTankModule as ThinkTankModule | null) : null;
        checkThinkTankModule(type, module);
        if (patch.name !== undefined || region) await checkNameFree(tx, actor.districtId, region?.id ?? current.regionId, patch.name ?? current.name, id);
        const { partnerUnitId, ...fields } = patch;
        if (type === 'paired' && partnerUnitId === null) throw teamsError('teams.partner_unit_required', { field: 'partnerUnitId' });
        if (partnerUnitId !== undefined) await deps.partners().pairTeam(tx, actor.districtId, id, partnerUnitId);
        else if (type === 'paired' && !(await deps.partners().unitsOfTeams(actor.districtId, [id])).has(id)) throw teamsError('teams.partner_unit_required', { field: 'partnerUnitId' });
        await tx
          .update(teams)
          .set({ ...fields, ...(categories ? { categories } : {}), thinkTankModule: module, updatedAt: deps.clock.now() })
          .where(and(eq(teams.districtId, actor.districtId), eq(teams.id, id)));
        await deps.audit.record(actor, { action: 'teams.update', objectType: 'team', objectId: id, regionId: region?.id ?? current.regionId, details: { fields: Object.keys(patch) } });
      });
    },

    /**
     * Dissolves a team (解散): refused while it holds open orders. Its row, members and orders stay
     * as history; it leaves the dispatch picker; open join requests are cancelled; its leader loses
     * the teamLeader role unless they lead another active team. The row lock makes a dispatch (which
     * reads the team FOR SHARE) wait for this and then see it dissolved.
     */
    async dissolve(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const team = await lockForChange(tx, actor, id);
        const open = (await deps.needs().teamOrderFacts(actor.districtId, [id])).get(id)?.openOrders ?? 0;
        if (open > 0) throw teamsError('teams.has_open_orders', { params: { count: open }, details: { openOrders: open } });
        const now = deps.clock.now();
        await tx.update(teams).set({ active: false, dissolvedAt: now, updatedAt: now }).where(and(eq(teams.districtId, actor.districtId), eq(teams.id, id)));
        await tx
          .update(teamJoinRequests)
          .set({ status: 'cancelled', decidedBy: actor.accountId, decidedAt: now })
          .where(and(eq(teamJoinRequests.districtId, actor.districtId), eq(teamJoinRequests.teamId, id), eq(teamJoinRequests.status, 'open')));
        if (!(await leadsAnother(tx, actor.districtId, team.leaderId, id))) await deps.accounts.revokeRole(actor, team.leaderId, 'teamLeader');
        await deps.audit.record(actor, { action: 'teams.dissolve', objectType: 'team', objectId: id, regionId: team.regionId, details: { name: team.name } });
        const members = await tx.select({ id: teamMembers.accountId }).from(teamMembers).where(and(eq(teamMembers.districtId, actor.districtId), eq(teamMembers.teamId, id)));
        await tell(tx, team, `teams.dissolved:${id}`, 'teams.dissolved', members.map((m) => m.id));
      });
    },

    /** Hands the team to another member (换队长); the old leader stays a member and keeps the role only while leading another active team. */
    async setLeader(actor: Actor, id: string, accountId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const team = await lockForChange(tx, actor, id);
        if (team.leaderId === accountId) return;
        const [member] = await tx
          .select({ id: teamMembers.accountId })
          .from(teamMembers)
          .where(and(eq(teamMembers.districtId, actor.districtId), eq(teamMembers.teamId, id), eq(teamMembers.accountId, accountId)));
        if (!member) throw teamsError('teams.leader_must_be_member', { field: 'accountId' });
        await tx.update(teams).set({ leaderId: accountId, updatedAt: deps.clock.now() }).where(and(eq(teams.districtId, actor.districtId), eq(teams.id, id)));
        await deps.accounts.grantRole(actor, accountId, 'teamLeader');
        if (!(await leadsAnother(tx, actor.districtId, team.leaderId, id))) await deps.accounts.revokeRole(actor, team.leaderId, 'teamLeader');
        await deps.audit.record(actor, { action: 'teams.set_leader', objectType: 'team', objectId: id, regionId: team.regionId, details: { from: team.leaderId, to: accountId } });
        await tell(tx, team, `teams.leader:${id}:${accountId}:${deps.clock.now().getTime()}`, 'teams.madeLeader', [accountId]);
      });
    },

    /** Staff add a registered volunteer of their subtree; an open request of theirs to this team counts as accepted. */
    async addMember(actor: Actor, id: string, accountId: string): Promise<void> {
      await loadVisible(db, actor, id, (rel) => rel.staff);
      const person = await checkPerson(deps, actor, accountId, 'accountId', 'teams.person_not_found');
      if (!isActiveVolunteer(person)) throw teamsError('teams.not_volunteer', { field: 'accountId' });
      await db.transaction(async (tx) => {
        const team = await lockForChange(tx, actor, id);
        const now = deps.clock.now();
        const added = await tx.insert(teamMembers).values({ districtId: actor.districtId, teamId: id, accountId, joinedAt: now }).onConflictDoNothing().returning();
        if (added.length === 0) throw teamsError('teams.already_member', { field: 'accountId' });
        await tx
          .update(teamJoinRequests)
          .set({ status: 'accepted', decidedBy: actor.accountId, decidedAt: now })
          .where(and(eq(teamJoinRequests.districtId, actor.districtId), eq(teamJoinRequests.teamId, id), eq(teamJoinRequests.accountId, accountId), eq(teamJoinRequests.status, 'open')));
        await deps.audit.record(actor, { action: 'teams.add_member', objectType: 'team', objectId: id, regionId: team.regionId, details: { accountId } });
        await tell(tx, team, `teams.added:${id}:${accountId}:${now.getTime()}`, 'teams.added', [accountId]);
      });
    },

    /** Staff remove a member; the leader stays until another is made leader. */
    async removeMember(actor: Actor, id: string, accountId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const team = await lockForChange(tx, actor, id);
        if (team.leaderId === accountId) throw teamsError('teams.leader_stays', { field: 'accountId' });
        const gone = await tx
          .delete(teamMembers)
          .where(and(eq(teamMembers.districtId, actor.districtId), eq(teamMembers.teamId, id), eq(teamMembers.accountId, accountId)))
          .returning({ id: teamMembers.accountId });
        if (gone.length === 0) throw teamsError('teams.not_member', { field: 'accountId' });
        await deps.audit.record(actor, { action: 'teams.remove_member', objectType: 'team', objectId: id, regionId: team.regionId, details: { accountId } });
        await tell(tx, team, `teams.removed:${id}:${accountId}:${deps.clock.now().getTime()}`, 'teams.removed', [accountId]);
      });
    },
  };
}

