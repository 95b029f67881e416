import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysOf, officialCalendars } from './deadlines.defaults.js';
import { addRunningTime, extendDeadline, resumeWindow, runningTime, type Calendar, type WindowUnit } from './deadlines.policy.js';

const cn2026: Calendar = new Map(daysOf(officialCalendars[0]!).map((d) => [d.day, d.kind]));
/** An instant given as Shanghai local time. */
const sh = (local: string) => new Date(`${local}+08:00`);
const HOUR = 3_600_000;
const window = (start: string, deadline: string, unit: WindowUnit) => ({ startedAt: sh(start), deadlineAt: sh(deadline), unit });

describe('a pause (挂起) gives the paused time back, in the window’s unit', () => {
  it('calendar days: the deadline and the start move on by the wall-clock time paused', () => {
    const after = resumeWindow(window('2026-03-02T09:00:00', '2026-03-04T09:00:00', 'calendar_days'), sh('2026-03-02T10:00:00'), sh('2026-03-03T16:00:00'), cn2026);
    expect(after.pausedMs).toBe(30 * HOUR);
    expect(after.deadlineAt).toEqual(sh('2026-03-05T15:00:00'));
    expect(after.startedAt).toEqual(sh('2026-03-03T15:00:00'));
  });

  it('working days across Spring Festival: only working time paused counts, the make-up Saturday included', () => {
    // accepted Fri 13 Feb 15:00 with 3 working days: due at the end of Wed 25 Feb
    const w = window('2026-02-13T15:00:00', '2026-02-26T00:00:00', 'working_days');
    // paused Fri 18:00 → Tue 24 Feb 12:00: 6 h on Friday, Sat 14 (调休上班) 24 h, the holiday nothing, 12 h on Tuesday
    const after = resumeWindow(w, sh('2026-02-13T18:00:00'), sh('2026-02-24T12:00:00'), cn2026);
    expect(after.pausedMs).toBe(42 * HOUR);
    // 42 working hours after the end of Wed 25: all of Thu 26, then 18 h of Fri 27
    expect(after.deadlineAt).toEqual(sh('2026-02-27T18:00:00'));
    expect(after.startedAt).toEqual(sh('2026-02-24T09:00:00'));
    // the window keeps its running length: 81 working hours before and after
    expect(runningTime(after.startedAt, after.deadlineAt, 'working_days', cn2026)).toBe(runningTime(w.startedAt, w.deadlineAt, 'working_days', cn2026));
  });

  it('a pause over an ordinary weekend costs a working-day window nothing', () => {
    const w = window('2026-03-05T10:00:00', '2026-03-10T00:00:00', 'working_days');
    const after = resumeWindow(w, sh('2026-03-07T10:00:00'), sh('2026-03-08T20:00:00'), cn2026);
    expect(after.pausedMs).toBe(0);
    expect(after.deadlineAt).toEqual(w.deadlineAt);
  });

  it('the same weekend pause moves a calendar-day window by its 34 hours', () => {
    const w = window('2026-03-05T10:00:00', '2026-03-07T10:00:00', 'calendar_days');
    expect(resumeWindow(w, sh('2026-03-07T08:00:00'), sh('2026-03-08T18:00:00'), cn2026).deadlineAt).toEqual(sh('2026-03-08T20:00:00'));
  });

  it('adding working time back is the inverse of counting it', () => {
    const start = Date.parse('2026-01-01T00:00:00+08:00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 * 24 }), fc.integer({ min: 0, max: 20 * 24 * 60 }), (hourOffset, minutes) => {
        const at = new Date(start + hourOffset * HOUR);
        const ms = minutes * 60_000;
        const end = addRunningTime(at, ms, 'working_days', cn2026);
        expect(runningTime(at, end, 'working_days', cn2026)).toBe(ms);
      }),
    );
  });
});

describe('an extension (延期) by days, in the window’s unit', () => {
  it('working days: from the end of Fri 13 Feb, two more working days are the make-up Saturday and Tue 24', () => {
    expect(extendDeadline(sh('2026-02-14T00:00:00'), 2, 'working_days', cn2026)).toEqual(sh('2026-02-25T00:00:00'));
  });

  it('working days: from the end of Wed 25 Feb, two more end on Friday 27', () => {
    expect(extendDeadline(sh('2026-02-26T00:00:00'), 2, 'working_days', cn2026)).toEqual(sh('2026-02-28T00:00:00'));
  });

  it('calendar days: N × 24 h, holidays or not', () => {
    expect(extendDeadline(sh('2026-02-14T15:00:00'), 3, 'calendar_days', cn2026)).toEqual(sh('2026-02-17T15:00:00'));
  });
});
