import { describe, expect, it } from 'vitest';
import { systemActor } from './actor.js';
import { hasPermission, isStaff, permissions } from './roles.js';

describe('the system actor', () => {
  const system = systemActor('00000000-0000-4000-8000-000000000001');

  it('has its own role, not a district admin’s', () => {
    expect(system.roles).toEqual(['system']);
    expect(system.name).toBe('系统');
    expect(isStaff(system.roles)).toBe(false);
  });

  it('holds only what timers and the CLI need: managing accounts, not personal data or the region tree', () => {
    const held = permissions.filter((p) => hasPermission(system.roles, p));
    expect(held).toEqual(['accounts.read', 'accounts.manage']);
  });
});
