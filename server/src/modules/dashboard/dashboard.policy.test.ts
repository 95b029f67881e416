import { describe, expect, it } from 'vitest';
import { topCategories, topTeams } from './dashboard.policy.js';

const cat = (id: string, parentId: string | null, sortOrder: number) => ({ id, parentId, name: `名${id}`, nameEn: `n${id}`, sortOrder });

describe('what the big screen ranks', () => {
  it('rolls sub-categories up to their class, most first, ties in the district’s order, at most 8', () => {
    const all = [cat('a', null, 2), cat('a1', 'a', 0), cat('a2', 'a', 1), cat('b', null, 1), cat('b1', 'b', 0), ...Array.from({ length: 9 }, (_, i) => cat(`z${i}`, null, 10 + i))];
    const ranked = topCategories(all, [{ categoryId: 'a1', received: 2 }, { categoryId: 'a2', received: 1 }, { categoryId: 'b1', received: 3 }, { categoryId: 'gone', received: 9 }]);
    expect(ranked.map((c) => [c.id, c.received])).toEqual([['b', 3], ['a', 3]]);
    const many = topCategories(all, all.filter((c) => c.id.startsWith('z')).map((c) => ({ categoryId: c.id, received: 1 })));
    expect(many.map((c) => c.id)).toEqual(['z0', 'z1', 'z2', 'z3', 'z4', 'z5', 'z6', 'z7']);
  });

  it('ranks teams by needs completed then satisfaction, leaving out the undispatched and the idle', () => {
    const g = (id: string | null, completed: number, satisfactionRate: number | null) => ({ id, name: id, completed, satisfactionRate, onTimeRate: null });
    const ranked = topTeams([g(null, 9, 1), g('t1', 2, 0.5), g('t2', 2, 1), g('t3', 0, 1), g('t4', 5, null), g('t5', 1, 1), g('t6', 1, 0.9), g('t7', 1, 0.1)]);
    expect(ranked.map((t) => [t.rank, t.id])).toEqual([[1, 't4'], [2, 't2'], [3, 't1'], [4, 't5'], [5, 't6']]);
  });
});
