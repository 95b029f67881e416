import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityProblem, canMove, formatNumber, hoursForStars, isBehindMinimum, starLevel, starThresholds, volunteerStatuses } from './volunteers.policy.js';

describe('volunteer registry rules', () => {
  it('star levels follow verified hours at 100, 300, 600, 1000 and 1500', () => {
    expect([0, 99.99, 100, 299, 300, 600, 999.5, 1000, 1499, 1500, 9000].map(starLevel)).toEqual([0, 0, 1, 1, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('more hours never lower the stars, and hoursForStars is the first hour of each level', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 5000, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (h, more) => starLevel(h + more) >= starLevel(h)));
    for (let s = 1; s <= 5; s++) {
      expect(starLevel(hoursForStars(s))).toBe(s);
      expect(starLevel(hoursForStars(s) - 0.01)).toBe(s - 1);
    }
    expect(hoursForStars(0)).toBe(0);
    expect(starThresholds).toHaveLength(5);
  });

  it('moves only from the statuses that allow them', () => {
    expect(canMove('approve', 'applied')).toBe(true);
    expect(canMove('approve', 'active')).toBe(false);
    expect(canMove('suspend', 'applied')).toBe(false);
    expect(canMove('reinstate', 'suspended')).toBe(true);
    expect(canMove('leave', 'suspended')).toBe(true);
    expect(canMove('reapply', 'left')).toBe(true);
    expect(canMove('reapply', 'active')).toBe(false);
    // every status is reachable and left by some move
    for (const s of volunteerStatuses) expect(['approve', 'refuse', 'suspend', 'reinstate', 'leave', 'reapply'].some((m) => canMove(m as never, s))).toBe(true);
  });

  it('numbers carry the prefix and six digits', () => {
    expect(formatNumber('LX', 42)).toBe('LX000042');
    expect(formatNumber('JN-', 1234567)).toBe('JN-1234567');
  });

  it('availability windows need a weekday 1–7 and from before to', () => {
    expect(availabilityProblem([{ weekday: 6, from: '08:30', to: '11:30' }])).toBeNull();
    expect(availabilityProblem([{ weekday: 0, from: '08:30', to: '11:30' }])).toBe('weekday');
    expect(availabilityProblem([{ weekday: 1, from: '12:00', to: '11:00' }])).toBe('time');
    expect(availabilityProblem([{ weekday: 1, from: '24:00', to: '25:00' }])).toBe('time');
  });

  it('only in-service party members can be behind their minimum', () => {
    expect(isBehindMinimum(true, 9.5, 10)).toBe(true);
    expect(isBehindMinimum(true, 10, 10)).toBe(false);
    expect(isBehindMinimum(false, 0, 10)).toBe(false);
  });
});
