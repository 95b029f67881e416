/** Roles of SPEC §1. A person may hold several; "public" is simply no session. */
export const roles = [
  'resident', // 居民
  'volunteer', // 志愿者
  'teamLeader', // 队长
  'gridWorker', // 网格员
  'communityAdmin', // 社区管理员
  'streetAdmin', // 街道管理员
  'districtAdmin', // 区管理员
  'partner', // 共建单位
] as const;
export type Role = (typeof roles)[number];

/**
 * What an actor may hold: a person's roles, or `system` — timers, jobs and the operator CLI acting on
 * their own. The system is nobody's account and never a grantable role; it holds only the powers
 * below, not an admin's (it cannot dispatch, reveal personal data or shape the region tree).
 */
export type ActorRole = Role | 'system';

export const staffRoles: readonly Role[] = ['gridWorker', 'communityAdmin', 'streetAdmin', 'districtAdmin'];
export const adminRoles: readonly Role[] = ['communityAdmin', 'streetAdmin', 'districtAdmin'];

/** How far up the chain a role sits; an admin grants and manages roles up to their own rank only. */
export const roleRank: Record<ActorRole, number> = {
  // the operator CLI creates a district's first admin through the accounts service
  system: 4,
  resident: 0,
  volunteer: 0,
  partner: 0,
  teamLeader: 1,
  gridWorker: 1,
  communityAdmin: 2,
  streetAdmin: 3,
  districtAdmin: 4,
};

export const permissions = [
  'regions.read',
  'regions.manage',
  'accounts.read',
  'accounts.manage',
  'audit.read',
  'pii.revealPhone',
  'pii.revealIdNumber',
  'jobs.manage',
  'webhooks.manage',
] as const;
export type Permission = (typeof permissions)[number];

// community and street admins run their subtree; the district admin also shapes the tree itself
const adminGrants: readonly Permission[] = ['regions.read', 'accounts.read', 'accounts.manage', 'audit.read', 'pii.revealPhone', 'pii.revealIdNumber'];

const grants: Record<ActorRole, readonly Permission[]> = {
  system: ['accounts.read', 'accounts.manage'],
  resident: [],
  volunteer: [],
  partner: [],
  teamLeader: [],
  gridWorker: ['regions.read', 'accounts.read', 'pii.revealPhone'],
  communityAdmin: adminGrants,
  streetAdmin: adminGrants,
  // the job queue and the webhooks are the whole district's: only its admin sees and runs them
  districtAdmin: [...adminGrants, 'regions.manage', 'jobs.manage', 'webhooks.manage'],
};

export function hasPermission(held: readonly ActorRole[], permission: Permission): boolean {
  return held.some((role) => grants[role].includes(permission));
}

export function highestRank(held: readonly ActorRole[]): number {
  return held.reduce((max, role) => Math.max(max, roleRank[role]), 0);
}

export function isStaff(held: readonly ActorRole[]): boolean {
  return held.some((r) => r !== 'system' && staffRoles.includes(r));
}
