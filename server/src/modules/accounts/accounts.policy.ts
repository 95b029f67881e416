import type { Actor } from '../../platform/auth/actor.js';
import { hasPermission, highestRank, isStaff, roleRank, type Role } from '../../platform/auth/roles.js';

/** Pure rules for account management; unit-tested per role in accounts.policy.test.ts. */

export function canManageAccounts(actor: Pick<Actor, 'roles'>): boolean {
  return hasPermission(actor.roles, 'accounts.manage');
}

/** An admin grants roles up to their own rank: a community admin cannot make a street admin. */
export function canGrantRole(actor: Pick<Actor, 'roles'>, role: Role): boolean {
  return canManageAccounts(actor) && roleRank[role] <= highestRank(actor.roles);
}

/** Managing someone (edit, disable, reset) needs rank at least theirs. */
export function canManageAccount(actor: Pick<Actor, 'roles'>, target: { roles: readonly Role[] }): boolean {
  return canManageAccounts(actor) && highestRank(target.roles) <= highestRank(actor.roles);
}

export type PiiField = 'phone' | 'idNumber';

export function canReveal(actor: Pick<Actor, 'roles'>, field: PiiField): boolean {
  return hasPermission(actor.roles, field === 'phone' ? 'pii.revealPhone' : 'pii.revealIdNumber');
}

/** Staff see real names; everyone else sees 张* for people other than themselves. */
export function seesFullName(actor: Pick<Actor, 'roles'>): boolean {
  return isStaff(actor.roles);
}
