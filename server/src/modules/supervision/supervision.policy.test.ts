import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recipientsFor, stillDue, thresholdTimes } from './supervision.policy.js';

describe('the deadline watch rules', () => {
  it('places 50 % and 80 % inside the window and 100 % on the deadline', () => {
    const times = thresholdTimes(new Date('2026-06-01T00:00:00Z'), new Date('2026-06-03T00:00:00Z'));
    expect(times.map((t) => [t.threshold, t.at.toISOString()])).toEqual([
      [50, '2026-06-02T00:00:00.000Z'],
      [80, '2026-06-02T14:24:00.000Z'],
      [100, '2026-06-03T00:00:00.000Z'],
    ]);
  });

  it('thresholds never fall before acceptance or after the deadline, and keep their order', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), fc.integer({ min: 0, max: 40 * 86_400_000 }), (start, span) => {
        const end = new Date(start.getTime() + span);
        const at = thresholdTimes(start, end).map((t) => t.at.getTime());
        expect(at[0]).toBeGreaterThanOrEqual(start.getTime());
        expect(at[0]).toBeLessThanOrEqual(at[1]!);
        expect(at[1]).toBeLessThanOrEqual(at[2]!);
        expect(at[2]).toBe(end.getTime());
      }),
    );
  });

  it('warns the handlers; once overdue reminds the street too; each person once', () => {
    const h = {
      teamLeaderId: 'leader',
      assigneeIds: ['v1', 'leader'],
      staff: [
        { id: 'ca', roles: ['communityAdmin'] },
        { id: 'gw', roles: ['gridWorker'] },
        { id: 'sa', roles: ['streetAdmin'] },
      ],
    };
    expect(recipientsFor(50, h).sort()).toEqual(['ca', 'gw', 'leader', 'v1']);
    expect(recipientsFor(80, h).sort()).toEqual(['ca', 'gw', 'leader', 'v1']);
    expect(recipientsFor(100, h).sort()).toEqual(['ca', 'gw', 'leader', 'sa', 'v1']);
    expect(recipientsFor(100, { teamLeaderId: null, assigneeIds: [], staff: [] })).toEqual([]);
  });

  it('a warning scheduled for an earlier deadline, or for a finished item, no longer applies', () => {
    const d = new Date('2026-06-03T00:00:00Z');
    expect(stillDue(d.toISOString(), { deadlineAt: d, running: true })).toBe(true);
    expect(stillDue(d.toISOString(), { deadlineAt: new Date('2026-06-05T00:00:00Z'), running: true })).toBe(false);
    expect(stillDue(d.toISOString(), { deadlineAt: d, running: false })).toBe(false);
  });
});
