import { describe, expect, it } from 'vitest';
import { screenPeriods } from './dashboard.period.js';

describe('the big screen’s periods (Asia/Shanghai)', () => {
  it('counts the last 12 months back from the Shanghai month, this one included', () => {
    // 2026-02-28 20:00 UTC is already 1 March in Shanghai
    const p = screenPeriods(new Date('2026-02-28T20:00:00Z'));
    expect(p.month).toEqual({ month: '2026-03', from: '2026-03-01', to: '2026-03-31' });
    expect(p.trend.months[0]).toBe('2025-04');
    expect(p.trend.months.at(-1)).toBe('2026-03');
    expect(p.trend.bounds).toHaveLength(13);
    expect(p.trend.bounds[0]!.toISOString()).toBe('2025-03-31T16:00:00.000Z');
    expect(p.trend.bounds.at(-1)!.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(p.year).toMatchObject({ year: 2026, from: '2026-01-01', to: '2026-12-31' });
    expect(p.year.start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('holds every month of this year in the trend, in December too', () => {
    const p = screenPeriods(new Date('2026-12-05T04:00:00Z'));
    expect(p.trend.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(p.month.to).toBe('2026-12-31');
    expect(p.trend.bounds.at(-1)!.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});
