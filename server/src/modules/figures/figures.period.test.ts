import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import { periodOf } from './figures.period.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

describe('the figures period', () => {
  it('is the current month in Shanghai by default, even when it is still the last day of the month in UTC', () => {
    // 2026-03-31T17:00Z is already 1 April 01:00 in Shanghai
    const p = periodOf({}, new Date('2026-03-31T17:00:00Z'));
    expect(p).toMatchObject({ from: '2026-04-01', to: '2026-04-30' });
    expect(p.start.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-04-30T16:00:00.000Z');
  });

  it('includes both days it names, whole days in Shanghai', () => {
    const p = periodOf({ from: '2026-02-01', to: '2026-02-28' }, new Date('2026-06-01T00:00:00Z'));
    expect(p.start.toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  it('keeps a missing end in the month of the start, and a missing start in the month of the end', () => {
    const now = new Date('2026-06-10T00:00:00Z');
    expect(periodOf({ from: '2024-02-10' }, now)).toMatchObject({ from: '2024-02-10', to: '2024-02-29' });
    expect(periodOf({ to: '2026-05-20' }, now)).toMatchObject({ from: '2026-05-01', to: '2026-05-20' });
  });

  it('refuses a period that ends before it starts, or is longer than a year, naming the field', () => {
    const now = new Date('2026-06-10T00:00:00Z');
    const fails = (q: { from?: string; to?: string }) => {
      try {
        periodOf(q, now);
      } catch (err) {
        return err instanceof AppError ? { code: err.code, field: err.field } : err;
      }
      return 'no error';
    };
    expect(fails({ from: '2026-03-02', to: '2026-03-01' })).toEqual({ code: 'figures.bad_period', field: 'from' });
    expect(fails({ from: '2025-01-01', to: '2026-01-02' })).toEqual({ code: 'figures.period_too_long', field: 'from' });
    expect(periodOf({ from: '2024-01-01', to: '2024-12-31' }, now).to).toBe('2024-12-31');
  });

  it('names the Shanghai day of an instant', () => {
    expect(shanghaiDay(new Date('2026-01-01T15:59:59Z'))).toBe('2026-01-01');
    expect(shanghaiDay(new Date('2026-01-01T16:00:00Z'))).toBe('2026-01-02');
  });
});
