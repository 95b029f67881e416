import { describe, expect, it } from 'vitest';
import { isValidIdNumber } from '../platform/privacy/id-number.js';
import { allRegions } from './regions.demo.js';
import { planDemo } from './seed.js';

describe('full demo plan (in memory)', () => {
  const plan = planDemo('full');

  it('has the size SPEC §13 asks for: 6 streets, 60 communities, 400 grids, ~2,000 buildings, 20,000 people', () => {
    const r = plan.regions;
    expect([r.streets.length, r.communities.length, r.grids.length]).toEqual([6, 60, 400]);
    expect(r.buildings.length).toBeGreaterThan(1800);
    expect(r.buildings.length).toBeLessThan(2200);
    // 20,000 residents + 6 + 60 + 400 staff + 8 fixed accounts
    expect(plan.people).toHaveLength(20_474);
  });

  it('is identical when planned again with the same seed, and differs with another seed', () => {
    const again = planDemo('full');
    expect(again.people.map((p) => [p.id, p.phone, p.name, p.idNumber])).toEqual(plan.people.map((p) => [p.id, p.phone, p.name, p.idNumber]));
    expect(allRegions(again.regions)).toEqual(allRegions(plan.regions));
    // index 1000 is a resident (staff phones are fixed by position)
    expect(planDemo('full', 7).people[1000]!.phone).not.toBe(plan.people[1000]!.phone);
  });

  it('keeps codes, ids, phones and ID numbers unique', () => {
    const nodes = allRegions(plan.regions);
    expect(new Set(nodes.map((n) => n.code)).size).toBe(nodes.length);
    expect(new Set([...nodes.map((n) => n.id), ...plan.people.map((p) => p.id)]).size).toBe(nodes.length + plan.people.length);
    expect(new Set(plan.people.map((p) => p.phone)).size).toBe(plan.people.length);
    const ids = plan.people.flatMap((p) => (p.idNumber ? [p.idNumber] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(isValidIdNumber)).toBe(true);
  });

  it('nests every node under its parent: path, depth and code all agree', () => {
    const byId = new Map(allRegions(plan.regions).map((n) => [n.id, n]));
    for (const node of byId.values()) {
      if (!node.parentId) continue;
      const parent = byId.get(node.parentId)!;
      expect(node.path).toBe(`${parent.path}${node.id}/`);
      expect(node.depth).toBe(parent.depth + 1);
      expect(node.code.startsWith(parent.code)).toBe(true);
      expect(Math.abs(node.centre.lng - 117.55)).toBeLessThan(0.1);
      expect(Math.abs(node.centre.lat - 34.86)).toBeLessThan(0.1);
    }
  });
});
