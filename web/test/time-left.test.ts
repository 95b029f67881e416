import { describe, expect, it } from 'vitest';
import { timeLeft } from '../src/features/needs/deadline';

const now = Date.parse('2026-06-01T08:00:00Z');
const at = (hoursFromNow: number) => new Date(now + hoursFromNow * 3_600_000).toISOString();

describe('the time left to a deadline', () => {
  it('counts whole days and hours left, towards less time', () => {
    expect(timeLeft({ status: 'dispatched', deadlineAt: at(27.9) }, now)).toEqual({ over: false, days: 1, hours: 3 });
    expect(timeLeft({ status: 'dispatched', deadlineAt: at(0.5) }, now)).toEqual({ over: false, days: 0, hours: 0 });
  });

  it('counts how long overdue, and follows the server’s verdict when it has one', () => {
    expect(timeLeft({ status: 'in_service', deadlineAt: at(-5.2) }, now)).toEqual({ over: true, days: 0, hours: 6 });
    expect(timeLeft({ status: 'in_service', deadlineAt: at(-49), overdue: true }, now)).toEqual({ over: true, days: 2, hours: 1 });
  });

  it('says nothing once the clock has stopped or before it starts', () => {
    expect(timeLeft({ status: 'completed', deadlineAt: at(-5) }, now)).toBeNull();
    expect(timeLeft({ status: 'submitted', deadlineAt: null }, now)).toBeNull();
  });
});
