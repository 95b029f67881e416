import { allValues, type ApiResponse } from '../api/api';

/*
 * Role codes and permissions as the server defines them (server/src/platform/auth/roles.ts), read from
 * its API. The web app uses them only to shape the screens; the server decides every request on its own.
 */
type Me = ApiResponse<'/api/auth/me', 'get'>;
export type RoleCode = Me['account']['roles'][number];
export type Permission = Me['permissions'][number];
/** Every role, in the order pickers offer them; the compiler holds the list to the API's. */
export const roleCodes = allValues<RoleCode>()(['resident', 'volunteer', 'teamLeader', 'gridWorker', 'communityAdmin', 'streetAdmin', 'districtAdmin', 'partner']);

/** Roles that work in the back office; everyone else lands on the H5 pages. */
export const staffRoles: readonly string[] = ['gridWorker', 'communityAdmin', 'streetAdmin', 'districtAdmin'];

const roleRank: Record<RoleCode, number> = {
  resident: 0,
  volunteer: 0,
  partner: 0,
  teamLeader: 1,
  gridWorker: 1,
  communityAdmin: 2,
  streetAdmin: 3,
  districtAdmin: 4,
};

export function isStaff(roles: readonly string[]): boolean {
  return roles.some((r) => staffRoles.includes(r));
}

/** Team leaders are not staff, but they work their team's inbox (队长接单) in the back office. */
export function isTeamLeader(roles: readonly string[]): boolean {
  return roles.includes('teamLeader');
}

/** Who may enter the back office at all: staff, and team leaders for their inbox. */
export function usesDesk(roles: readonly string[]): boolean {
  return isStaff(roles) || isTeamLeader(roles);
}

function rankOf(roles: readonly string[]): number {
  return roles.reduce((max, r) => Math.max(max, roleRank[r as RoleCode] ?? 0), 0);
}

/** Roles an admin may hand out: up to their own rank (the server refuses anything above). */
export function grantableRoles(own: readonly string[]): RoleCode[] {
  const rank = rankOf(own);
  return roleCodes.filter((r) => roleRank[r] <= rank);
}

/** Whether the caller may edit, disable or reset someone: rank at least theirs. */
export function canManagePerson(own: readonly string[], target: readonly string[]): boolean {
  return rankOf(target) <= rankOf(own);
}
