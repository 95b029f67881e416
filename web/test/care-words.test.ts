import { describe, expect, it } from 'vitest';
import { ageOf, planRule } from '../src/features/care/care.format';

const t = ((key: string, o?: Record<string, unknown>) => `${key}${o ? JSON.stringify(o) : ''}`) as never;

describe('care words', () => {
  it('names the day of a plan by weekday or day of the month', () => {
    expect(planRule(t, { frequency: 'weekly', dayOf: 3, startTime: '09:30', durationMinutes: 60 })).toBe('plan.every.weekly{"day":"plan.weekday.3","time":"09:30","minutes":60}');
    expect(planRule(t, { frequency: 'monthly', dayOf: 5, startTime: '14:00', durationMinutes: 45 })).toBe('plan.every.monthly{"day":"5","time":"14:00","minutes":45}');
  });
  it('works out an age in Beijing’s year', () => {
    expect(ageOf(1941, new Date('2026-12-31T17:00:00Z'))).toBe(86);
    expect(ageOf(null)).toBeNull();
  });
});
