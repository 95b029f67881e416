import { describe, expect, it } from 'vitest';
import type { ActorRole } from '../../platform/auth/roles.js';
import { canDecideRequests, canManageTeams, canSeeMembers, canSeeTeam, isNear, thinkTankModuleProblem, thinkTankModules, teamTypes, type TeamRelation } from './teams.policy.js';

const rel = (over: Partial<TeamRelation> = {}): TeamRelation => ({ staff: false, leader: false, member: false, near: false, ...over });

describe('teams policy', () => {
  it('a think tank must name its field, and only a think tank may have one', () => {
    for (const m of thinkTankModules) expect(thinkTankModuleProblem('thinkTank', m)).toBeNull();
    expect(thinkTankModuleProblem('thinkTank', null)).toBe('required');
    expect(thinkTankModuleProblem('thinkTank', undefined)).toBe('required');
    for (const type of teamTypes.filter((t) => t !== 'thinkTank')) {
      expect(thinkTankModuleProblem(type, null)).toBeNull();
      expect(thinkTankModuleProblem(type, 'legal')).toBe('forbidden');
    }
  });

  it('community, street and district admins manage teams; grid workers, leaders, volunteers and the system do not', () => {
    const can = (roles: ActorRole[]) => canManageTeams({ roles });
    expect(can(['communityAdmin'])).toBe(true);
    expect(can(['streetAdmin'])).toBe(true);
    expect(can(['districtAdmin'])).toBe(true);
    expect(can(['volunteer', 'communityAdmin'])).toBe(true);
    for (const r of ['gridWorker', 'teamLeader', 'volunteer', 'resident', 'partner', 'system'] as const) expect(can([r]), r).toBe(false);
  });

  it('the leader and staff over the team decide join requests; a member or a nearby volunteer does not', () => {
    expect(canDecideRequests(rel({ leader: true }))).toBe(true);
    expect(canDecideRequests(rel({ staff: true }))).toBe(true);
    expect(canDecideRequests(rel({ member: true }))).toBe(false);
    expect(canDecideRequests(rel({ near: true }))).toBe(false);
  });

  it('a nearby volunteer sees the team but not its members; members, the leader and staff see both; nobody else sees it', () => {
    expect(canSeeTeam(rel({ near: true }))).toBe(true);
    expect(canSeeMembers(rel({ near: true }))).toBe(false);
    for (const who of [{ member: true }, { leader: true }, { staff: true }]) {
      expect(canSeeTeam(rel(who))).toBe(true);
      expect(canSeeMembers(rel(who))).toBe(true);
    }
    expect(canSeeTeam(rel())).toBe(false);
  });

  it('near a volunteer: every team of their community, and the roving groups of their street', () => {
    const home = { communityPath: '/d/s1/c1/', streetPath: '/d/s1/' };
    expect(isNear({ type: 'own', path: '/d/s1/c1/' }, home)).toBe(true);
    expect(isNear({ type: 'thinkTank', path: '/d/s1/c1/' }, home)).toBe(true);
    expect(isNear({ type: 'own', path: '/d/s1/c2/' }, home)).toBe(false);
    expect(isNear({ type: 'roving', path: '/d/s1/c2/' }, home)).toBe(true);
    expect(isNear({ type: 'roving', path: '/d/s2/c3/' }, home)).toBe(false);
    // someone placed above any community (a district admin) is near nothing but the street's roving groups, if any
    expect(isNear({ type: 'own', path: '/d/s1/c1/' }, { communityPath: null, streetPath: null })).toBe(false);
  });
});
