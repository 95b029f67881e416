import { describe, expect, it } from 'vitest';
import { canNest, isHomeLevel } from './regions.policy.js';

describe('region levels', () => {
  it('a child sits deeper than its parent; levels may be skipped', () => {
    expect(canNest('district', 'street')).toBe(true);
    expect(canNest('community', 'building')).toBe(true); // a village without grids
    expect(canNest('community', 'courtyard')).toBe(true); // 幸福庭院
    expect(canNest('grid', 'street')).toBe(false);
    expect(canNest('grid', 'grid')).toBe(false);
  });
  it('residents live in a community or below', () => {
    expect(isHomeLevel('building')).toBe(true);
    expect(isHomeLevel('street')).toBe(false);
  });
});
