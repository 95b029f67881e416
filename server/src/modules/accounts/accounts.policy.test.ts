import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.js';
import { canGrantRole, canManageAccount, canManageAccounts, canReveal, seesFullName } from './accounts.policy.js';

const as = (...roles: Role[]) => ({ roles });

describe('account rules per role', () => {
  it('only admins manage accounts', () => {
    expect(canManageAccounts(as('communityAdmin'))).toBe(true);
    expect(canManageAccounts(as('gridWorker'))).toBe(false);
    expect(canManageAccounts(as('teamLeader', 'volunteer'))).toBe(false);
  });
  it('an admin grants roles up to their own rank', () => {
    expect(canGrantRole(as('communityAdmin'), 'gridWorker')).toBe(true);
    expect(canGrantRole(as('communityAdmin'), 'communityAdmin')).toBe(true);
    expect(canGrantRole(as('communityAdmin'), 'streetAdmin')).toBe(false);
    expect(canGrantRole(as('streetAdmin'), 'districtAdmin')).toBe(false);
    expect(canGrantRole(as('districtAdmin'), 'districtAdmin')).toBe(true);
  });
  it('nobody manages an account that outranks them', () => {
    expect(canManageAccount(as('communityAdmin'), as('streetAdmin'))).toBe(false);
    expect(canManageAccount(as('streetAdmin'), as('communityAdmin', 'volunteer'))).toBe(true);
  });
  it('grid workers may reveal phones, only admins ID numbers', () => {
    expect(canReveal(as('gridWorker'), 'phone')).toBe(true);
    expect(canReveal(as('gridWorker'), 'idNumber')).toBe(false);
    expect(canReveal(as('communityAdmin'), 'idNumber')).toBe(true);
    expect(canReveal(as('teamLeader'), 'phone')).toBe(false);
  });
  it('staff see real names, volunteers and leaders see masked ones', () => {
    expect(seesFullName(as('gridWorker'))).toBe(true);
    expect(seesFullName(as('teamLeader', 'volunteer'))).toBe(false);
  });
});
