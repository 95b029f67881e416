import { describe, expect, it } from 'vitest';
import { manualClock, offsetClock, systemClock } from './clock.js';

describe('clock', () => {
  it('a manual clock moves only when told', () => {
    const c = manualClock('2026-05-01T00:00:00Z');
    expect(c.now().toISOString()).toBe('2026-05-01T00:00:00.000Z');
    c.advance(86_400_000);
    expect(c.now().toISOString()).toBe('2026-05-02T00:00:00.000Z');
    c.set('2027-01-01T00:00:00Z');
    expect(c.now().getUTCFullYear()).toBe(2027);
  });

  it('an offset clock runs ahead of the wall clock by its offset', () => {
    expect(offsetClock(0)).toBe(systemClock);
    const ahead = offsetClock(3_600_000).now().getTime() - Date.now();
    expect(ahead).toBeGreaterThan(3_590_000);
    expect(ahead).toBeLessThanOrEqual(3_600_000);
  });
});
