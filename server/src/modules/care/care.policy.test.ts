import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import { addDays, defaultCallName, fallsOn, nextOn, pairingMode, standingOf, validDayOf, weekdayOf, windowOf, type Recurrence } from './care.policy.js';

const actor = (roles: Actor['roles'], regionPath: string, accountId = 'a1'): Actor => ({ accountId, districtId: 'd', name: 'x', roles, regionId: 'r', regionPath, mustChangePassword: false, ip: '::1' });

describe('who stands how to a person under care', () => {
  const home = '/d/s1/c1/g1/b1/';
  it('admins over the place manage; other staff over it see; a paired volunteer helps; anyone else nothing', () => {
    expect(standingOf(actor(['communityAdmin'], '/d/s1/c1/'), home, [])).toBe('manager');
    expect(standingOf(actor(['streetAdmin'], '/d/s1/'), home, [])).toBe('manager');
    expect(standingOf(actor(['gridWorker'], '/d/s1/c1/g1/'), home, [])).toBe('staff');
    expect(standingOf(actor(['communityAdmin'], '/d/s1/c2/'), home, [])).toBe('none');
    expect(standingOf(actor(['volunteer'], '/d/s1/c2/g9/'), home, ['a1'])).toBe('paired');
    expect(standingOf(actor(['volunteer'], '/d/s1/c1/g1/b1/'), home, ['someone else'])).toBe('none');
    // paired, but suspended (no volunteer role while suspended): nothing
    expect(standingOf(actor(['resident'], '/d/s1/c2/g9/'), home, ['a1'])).toBe('none');
    // staff of another community who is also paired: sees what a paired volunteer sees, no more
    expect(standingOf(actor(['communityAdmin', 'volunteer'], '/d/s1/c2/'), home, ['a1'])).toBe('paired');
  });
  it('names the pairing and masks a name for volunteers', () => {
    expect([0, 1, 2, 3].map(pairingMode)).toEqual(['none', 'oneToOne', 'twoToOne', 'threeToOne']);
    expect(defaultCallName('王秀英')).toBe('王**');
    expect(defaultCallName('李')).toBe('李');
  });
});

describe('the days a plan falls on', () => {
  it('weekdays count from Monday', () => {
    expect(weekdayOf('2026-12-07')).toBe(1);
    expect(weekdayOf('2026-12-06')).toBe(7);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(validDayOf('weekly', 7)).toBe(true);
    expect(validDayOf('weekly', 8)).toBe(false);
    expect(validDayOf('monthly', 28)).toBe(true);
    expect(validDayOf('monthly', 29)).toBe(false);
  });
  it('weekly on Wednesday, from a Saturday: the next Wednesday, then every week; nothing after the end', () => {
    const r: Recurrence = { frequency: 'weekly', dayOf: 3, startsOn: '2026-12-05', endsOn: '2026-12-20' };
    expect(nextOn(r, '2026-12-01')).toBe('2026-12-09');
    expect(nextOn(r, '2026-12-10')).toBe('2026-12-16');
    expect(nextOn(r, '2026-12-17')).toBeNull();
  });
  it('biweekly counts fortnights from the first week', () => {
    const r: Recurrence = { frequency: 'biweekly', dayOf: 5, startsOn: '2026-12-01', endsOn: null };
    expect(nextOn(r, '2026-12-01')).toBe('2026-12-04');
    expect(nextOn(r, '2026-12-05')).toBe('2026-12-18');
    expect(fallsOn(r, '2026-12-11')).toBe(false);
  });
  it('monthly on the 5th across a year end', () => {
    const r: Recurrence = { frequency: 'monthly', dayOf: 5, startsOn: '2026-11-10', endsOn: null };
    expect(nextOn(r, '2026-11-10')).toBe('2026-12-05');
    expect(nextOn(r, '2026-12-06')).toBe('2027-01-05');
    expect(nextOn({ ...r, endsOn: '2026-12-31' }, '2026-12-06')).toBeNull();
  });
  it("a day's window is Beijing time", () => {
    const w = windowOf('2026-12-09', '09:30', 90);
    expect(w.from.toISOString()).toBe('2026-12-09T01:30:00.000Z');
    expect(w.to.toISOString()).toBe('2026-12-09T03:00:00.000Z');
  });

  const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2026-01-01', n));
  const rule = fc.record({ frequency: fc.constantFrom('weekly' as const, 'biweekly' as const, 'monthly' as const), dayOf: fc.integer({ min: 1, max: 28 }), startsOn: day, endsOn: fc.option(day, { nil: null }) })
    .map((r) => ({ ...r, dayOf: r.frequency === 'monthly' ? r.dayOf : ((r.dayOf - 1) % 7) + 1 }));
  it('nextOn answers the first day the plan falls on, never one it skips (property)', () => {
    fc.assert(fc.property(rule, day, (r, from) => {
      const next = nextOn(r, from);
      // walk day by day: the first match must be what nextOn says
      let walked: string | null = null;
      const start = from < r.startsOn ? r.startsOn : from;
      for (let d = start; d <= addDays(start, 62); d = addDays(d, 1)) if (fallsOn(r, d)) { walked = d; break; }
      expect(next).toBe(walked);
    }), { numRuns: 300 });
  });
});
