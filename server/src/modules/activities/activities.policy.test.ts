import { describe, expect, it } from 'vitest';
import { attendanceHours, distanceMetres, isLateCancellation, isThemedDate, localDate, MAX_OCCURRENCES, nextThemedDate, occurrencesOf } from './activities.policy.js';

const at = (iso: string) => new Date(iso);

describe('themed days (主题党日)', () => {
  it('the 15th and the 28th are themed days, and two days either side of them', () => {
    for (const d of ['2026-03-13', '2026-03-15', '2026-03-17', '2026-03-26', '2026-03-28', '2026-03-30']) expect(isThemedDate(d), d).toBe(true);
  });
  it('a day far from both is not', () => {
    for (const d of ['2026-03-01', '2026-03-10', '2026-03-20', '2026-03-22']) expect(isThemedDate(d), d).toBe(false);
  });
  it('the suggestion is the next 15th or 28th, the day itself when it is one', () => {
    expect(nextThemedDate('2026-03-01')).toBe('2026-03-15');
    expect(nextThemedDate('2026-03-15')).toBe('2026-03-15');
    expect(nextThemedDate('2026-03-16')).toBe('2026-03-28');
    expect(nextThemedDate('2026-02-28')).toBe('2026-02-28');
    expect(nextThemedDate('2026-12-29')).toBe('2027-01-15');
  });
});

describe('recurrence', () => {
  // Tuesday 2026-03-03 09:00–11:00 Shanghai
  const first = { startsAt: at('2026-03-03T01:00:00Z'), endsAt: at('2026-03-03T03:00:00Z') };

  it('weekly on Tuesdays and Thursdays until a date: each at the same local time and length', () => {
    const made = occurrencesOf(first, { kind: 'weekly', weekdays: [2, 4], until: '2026-03-12' })!;
    expect(made.map((o) => localDate(o.startsAt))).toEqual(['2026-03-03', '2026-03-05', '2026-03-10', '2026-03-12']);
    expect(made.every((o) => o.startsAt.toISOString().endsWith('T01:00:00.000Z') && o.endsAt.getTime() - o.startsAt.getTime() === 7_200_000)).toBe(true);
  });

  it('monthly on the 15th and the 28th', () => {
    const made = occurrencesOf(first, { kind: 'monthly', days: [15, 28], until: '2026-05-20' })!;
    expect(made.map((o) => localDate(o.startsAt))).toEqual(['2026-03-15', '2026-03-28', '2026-04-15', '2026-04-28', '2026-05-15']);
    expect(made.every((o) => isThemedDate(localDate(o.startsAt)))).toBe(true);
  });

  it('a local time near midnight keeps its local date (Shanghai, not UTC)', () => {
    const late = { startsAt: at('2026-03-02T16:30:00Z'), endsAt: at('2026-03-02T17:30:00Z') }; // 00:30 on Tuesday 3 March
    const made = occurrencesOf(late, { kind: 'weekly', weekdays: [2], until: '2026-03-10' })!;
    expect(made.map((o) => localDate(o.startsAt))).toEqual(['2026-03-03', '2026-03-10']);
  });

  it('an end before the first date makes nothing; too many is refused', () => {
    expect(occurrencesOf(first, { kind: 'weekly', weekdays: [2], until: '2026-03-01' })).toEqual([]);
    expect(occurrencesOf(first, { kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7], until: '2027-03-01' })).toBeNull();
    expect(occurrencesOf(first, { kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7], until: '2026-03-01' })).toEqual([]);
    expect(MAX_OCCURRENCES).toBeGreaterThanOrEqual(104);
  });
});

describe('attendance', () => {
  const activity = { startsAt: at('2026-03-03T01:00:00Z'), endsAt: at('2026-03-03T03:00:00Z') };
  it('hours are check-out minus check-in in hundredths, capped by the activity’s length', () => {
    expect(attendanceHours(at('2026-03-03T01:05:00Z'), at('2026-03-03T02:35:00Z'), activity)).toBe(1.5);
    expect(attendanceHours(at('2026-03-03T00:00:00Z'), at('2026-03-03T06:00:00Z'), activity)).toBe(2);
    expect(attendanceHours(at('2026-03-03T01:00:00Z'), at('2026-03-03T01:20:00Z'), activity)).toBe(0.33);
  });
  it('a cancellation less than the set hours before the start is late', () => {
    expect(isLateCancellation(at('2026-03-03T00:00:00Z'), activity.startsAt, 2)).toBe(true);
    expect(isLateCancellation(at('2026-03-02T22:59:00Z'), activity.startsAt, 2)).toBe(false);
  });
  it('distance in metres: about 111 m per thousandth of a degree of latitude', () => {
    expect(Math.round(distanceMetres({ lat: 31.2, lng: 121.4 }, { lat: 31.201, lng: 121.4 }))).toBe(111);
    expect(distanceMetres({ lat: 31.2, lng: 121.4 }, { lat: 31.2, lng: 121.4 })).toBe(0);
  });
});
