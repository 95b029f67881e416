import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysOf, officialCalendars } from './deadlines.defaults.js';
import { addDays, addWindow, chooseRule, isIsoDate, isWorkingDay, shanghaiMidnight, thresholdAt, type Calendar, type DayKind, type RuleKey } from './deadlines.policy.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

const cn2026: Calendar = new Map(daysOf(officialCalendars[0]!).map((d) => [d.day, d.kind]));
/** An instant given as Shanghai local time. */
const sh = (local: string) => new Date(`${local}+08:00`);
const due = (start: string, n: number, unit: 'working_days' | 'calendar_days' = 'working_days') => addWindow(sh(start), n, unit, cn2026).toISOString();

describe('the 2026 calendar as shipped', () => {
  it('has Spring Festival 15–23 Feb off and Sat 14 Feb and Sat 28 Feb worked', () => {
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = addDays(d, 1)) expect(isWorkingDay(d, cn2026), d).toBe(false);
    expect(isWorkingDay('2026-02-14', cn2026)).toBe(true);
    expect(isWorkingDay('2026-02-28', cn2026)).toBe(true);
    expect(isWorkingDay('2026-03-01', cn2026)).toBe(false); // an ordinary Sunday
    expect(isWorkingDay('2026-02-13', cn2026)).toBe(true);
  });
});

describe('working days: 24:00 Shanghai at the end of the Nth working day after the acceptance day', () => {
  it('accepted on the Friday before Spring Festival: the make-up Saturday counts, the holiday does not', () => {
    // 14 Feb (调休上班) is day 1, 24 and 25 Feb days 2 and 3: due at the end of Wed 25 Feb
    expect(due('2026-02-13T15:00:00', 3)).toBe(sh('2026-02-26T00:00:00').toISOString());
  });

  it('accepted during the holiday: the first day is the first working day after it', () => {
    expect(due('2026-02-18T10:00:00', 2)).toBe(sh('2026-02-26T00:00:00').toISOString());
  });

  it('accepted on a make-up working day: that day is not counted, like any acceptance day', () => {
    expect(due('2026-02-14T09:00:00', 1)).toBe(sh('2026-02-25T00:00:00').toISOString());
  });

  it('the make-up Saturday after Spring Festival is a working day', () => {
    expect(due('2026-02-26T11:00:00', 2)).toBe(sh('2026-03-01T00:00:00').toISOString());
  });

  it('accepted the evening before National Day: 8, 9 and the make-up Saturday 10 October', () => {
    expect(due('2026-09-30T17:00:00', 3)).toBe(sh('2026-10-11T00:00:00').toISOString());
  });

  it('over an ordinary weekend, from Friday or from Saturday alike', () => {
    expect(due('2026-03-06T16:00:00', 2)).toBe(sh('2026-03-11T00:00:00').toISOString());
    expect(due('2026-03-07T10:00:00', 2)).toBe(sh('2026-03-11T00:00:00').toISOString());
  });

  it('the acceptance day is the Shanghai date, not the UTC one (00:30 Friday in Shanghai is Thursday in UTC)', () => {
    expect(due('2026-03-06T00:30:00', 2)).toBe(sh('2026-03-11T00:00:00').toISOString());
    expect(due('2026-03-05T23:59:00', 2)).toBe(sh('2026-03-10T00:00:00').toISOString());
  });
});

describe('calendar days: start + N × 24 h, holidays or not', () => {
  it('two days from 15:00 on the Friday before Spring Festival is 15:00 on Sunday', () => {
    expect(due('2026-02-13T15:00:00', 2, 'calendar_days')).toBe(sh('2026-02-15T15:00:00').toISOString());
  });
});

describe('thresholds (50 / 80 / 100 %) of a window', () => {
  it('in working days, measured in working time: the 50 % warning falls after Spring Festival, not inside it', () => {
    const accepted = sh('2026-02-13T15:00:00');
    const deadline = addWindow(accepted, 3, 'working_days', cn2026);
    // working time: 9 h on the 13th, 24 h each on the 14th, 24th, 25th = 81 h
    expect(thresholdAt(accepted, deadline, 0.5, cn2026).toISOString()).toBe(sh('2026-02-24T07:30:00').toISOString());
    expect(thresholdAt(accepted, deadline, 0.8, cn2026).toISOString()).toBe(sh('2026-02-25T07:48:00').toISOString());
    expect(thresholdAt(accepted, deadline, 1, cn2026)).toEqual(deadline);
  });

  it('in calendar days, linear over the wall clock', () => {
    const accepted = sh('2026-02-13T15:00:00');
    const deadline = addWindow(accepted, 2, 'calendar_days', cn2026);
    expect(thresholdAt(accepted, deadline, 0.5, null).toISOString()).toBe(sh('2026-02-14T15:00:00').toISOString());
  });
});

describe('choosing the rule', () => {
  const [district, street, community, grid] = ['d', 's', 'c', 'g'];
  const need = { regionPath: [district, street, community, grid], categoryId: 'haircut', categoryParentId: 'elderly', severity: 'general' as const };
  const rule = (regionId: string | null, categoryId: string | null, severity: RuleKey['severity'] = 'general') => ({ regionId, categoryId, severity, name: `${regionId}/${categoryId}/${severity}` });

  it('the deepest region wins over a more exact category', () => {
    const rules = [rule(null, 'haircut'), rule(street, null), rule(community, null), rule(null, null)];
    expect(chooseRule(rules, need)?.name).toBe('c/null/general');
  });

  it('within one region: the exact category, then its parent, then any', () => {
    expect(chooseRule([rule(street, null), rule(street, 'elderly'), rule(street, 'haircut')], need)?.name).toBe('s/haircut/general');
    expect(chooseRule([rule(street, null), rule(street, 'elderly')], need)?.name).toBe('s/elderly/general');
  });

  it('a rule of another subtree, another category or another severity never applies', () => {
    expect(chooseRule([rule('elsewhere', null), rule(null, 'children'), rule(null, null, 'major')], need)).toBeUndefined();
  });

  it('is the most specific match whatever the order of the rules (property)', () => {
    const regions = [null, district, street, community, grid, 'elsewhere'];
    const categories = [null, 'haircut', 'elderly', 'children'];
    const arbRule = fc.record({ regionId: fc.constantFrom(...regions), categoryId: fc.constantFrom(...categories), severity: fc.constantFrom('general' as const, 'major' as const) });
    const specificity = (r: RuleKey) => [r.regionId === null ? -1 : need.regionPath.indexOf(r.regionId), r.categoryId === null ? 0 : r.categoryId === 'haircut' ? 2 : 1];
    const applies = (r: RuleKey) => r.severity === 'general' && (r.regionId === null || need.regionPath.includes(r.regionId)) && [null, 'haircut', 'elderly'].includes(r.categoryId);
    fc.assert(
      fc.property(fc.uniqueArray(arbRule, { selector: (r) => `${r.regionId}|${r.categoryId}|${r.severity}` }), (rules) => {
        const chosen = chooseRule(rules, need);
        const matching = rules.filter(applies);
        if (matching.length === 0) {
          expect(chosen).toBeUndefined();
          return;
        }
        expect(chosen && applies(chosen)).toBe(true);
        for (const other of matching) {
          const [a, b] = [specificity(chosen!), specificity(other)];
          expect(a[0]! > b[0]! || (a[0] === b[0] && a[1]! >= b[1]!)).toBe(true);
        }
        expect(chooseRule([...rules].reverse(), need)).toBe(chosen);
      }),
    );
  });
});

describe('working-day arithmetic on any calendar (properties)', () => {
  const arbCalendar = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom<DayKind>('holiday', 'workday')), { maxLength: 80 })
    .map((entries): Calendar => new Map(entries.map(([n, kind]) => [addDays('2026-01-01', n), kind])));
  const arbStart = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') }).map((t) => new Date(t));
  const arbAmount = fc.integer({ min: 1, max: 20 });

  it('the deadline is midnight ending a working day, with exactly N working days after the acceptance day', () => {
    fc.assert(
      fc.property(arbCalendar, arbStart, arbAmount, (calendar, start, n) => {
        const deadline = addWindow(start, n, 'working_days', calendar);
        const lastDay = addDays(shanghaiDay(deadline), -1);
        expect(shanghaiMidnight(shanghaiDay(deadline))).toEqual(deadline);
        expect(isWorkingDay(lastDay, calendar)).toBe(true);
        let counted = 0;
        for (let d = addDays(shanghaiDay(start), 1); d <= lastDay; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) counted += 1;
        expect(counted).toBe(n);
      }),
    );
  });

  it('a later acceptance or a longer window never gives an earlier deadline', () => {
    fc.assert(
      fc.property(arbCalendar, arbStart, arbAmount, fc.integer({ min: 0, max: 10 * 86_400_000 }), (calendar, start, n, later) => {
        const base = addWindow(start, n, 'working_days', calendar).getTime();
        expect(addWindow(new Date(start.getTime() + later), n, 'working_days', calendar).getTime()).toBeGreaterThanOrEqual(base);
        expect(addWindow(start, n + 1, 'working_days', calendar).getTime()).toBeGreaterThan(base);
      }),
    );
  });

  it('thresholds rise with the fraction, stay inside the window and fall on working time', () => {
    fc.assert(
      fc.property(arbCalendar, arbStart, arbAmount, fc.double({ min: 0.01, max: 0.99, noNaN: true }), (calendar, start, n, f) => {
        const deadline = addWindow(start, n, 'working_days', calendar);
        const at = thresholdAt(start, deadline, f, calendar);
        const later = thresholdAt(start, deadline, Math.min(1, f + 0.01), calendar);
        expect(at.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(at.getTime()).toBeLessThanOrEqual(deadline.getTime());
        expect(later.getTime()).toBeGreaterThanOrEqual(at.getTime());
        // at a working instant, or at the very end of a working day
        const day = shanghaiDay(at);
        const dayBefore = shanghaiDay(new Date(at.getTime() - 1));
        expect(isWorkingDay(day, calendar) || isWorkingDay(dayBefore, calendar)).toBe(true);
      }),
    );
  });
});

describe('dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(isIsoDate('日期')).toBe(false);
  });
});
