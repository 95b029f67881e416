import type { Actor } from '../../platform/auth/actor.js';
import { adminRoles } from '../../platform/auth/roles.js';

/*
 * Pure rules of teams (SPEC §6), unit-tested in teams.policy.test.ts: the types and think-tank
 * fields, who manages teams, who decides a join request, what a person may see of one team.
 */

/** own 村(社区)领办 · roving 组团流动 · paired 结对共建 · party 党员 · thinkTank 智囊团 */
export const teamTypes = ['own', 'roving', 'paired', 'party', 'thinkTank'] as const;
export type TeamType = (typeof teamTypes)[number];

/** A think tank's field (智囊团: 法律 · 心理 · 医疗 · 就业 · 综合). */
export const thinkTankModules = ['legal', 'mental', 'medical', 'employment', 'general'] as const;
export type ThinkTankModule = (typeof thinkTankModules)[number];

export const joinRequestStatuses = ['open', 'accepted', 'refused', 'withdrawn', 'cancelled'] as const;
export type JoinRequestStatus = (typeof joinRequestStatuses)[number];

/** What is wrong with a type and think-tank field together, if anything: the field is required for a think tank and forbidden otherwise. */
export function thinkTankModuleProblem(type: TeamType, module: ThinkTankModule | null | undefined): 'required' | 'forbidden' | null {
  if (type === 'thinkTank') return module ? null : 'required';
  return module ? 'forbidden' : null;
}

/** Community, street and district admins create, edit and dissolve teams (in their subtree). */
export function canManageTeams(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.some((r) => r !== 'system' && adminRoles.includes(r));
}

/** How the caller stands to one team; `staff` means a team admin with the team in their subtree. */
export type TeamRelation = { staff: boolean; leader: boolean; member: boolean; near: boolean };

/** Who may open a team's page: staff over it, its leader and members, and volunteers it is near (to ask to join). */
export function canSeeTeam(rel: TeamRelation): boolean {
  return rel.staff || rel.leader || rel.member || rel.near;
}

/** The leader decides join requests; staff over the team may too. */
export function canDecideRequests(rel: TeamRelation): boolean {
  return rel.staff || rel.leader;
}

/** A team's member list (names, masked phones) is for staff over it, its leader and its members. */
export function canSeeMembers(rel: TeamRelation): boolean {
  return rel.staff || rel.leader || rel.member;
}

/**
 * Teams "near" a volunteer (the phone's join page): those of their residence community, and the
 * roving groups (组团流动) of its street, which serve all its communities.
 */
export function isNear(team: { type: string; path: string }, home: { communityPath: string | null; streetPath: string | null }): boolean {
  if (home.communityPath && team.path.startsWith(home.communityPath)) return true;
  return team.type === 'roving' && home.streetPath !== null && team.path.startsWith(home.streetPath);
}
