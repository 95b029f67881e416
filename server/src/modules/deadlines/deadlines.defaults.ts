import official2026 from './holidays-cn-2026.json' with { type: 'json' };
import { addDays, type DayKind } from './deadlines.policy.js';

/** The State Council's notice for a year, as published: holiday ranges and make-up working days. */
export type OfficialCalendar = { source: string; year: number; holidays: { name: string; from: string; to: string }[]; makeUpWorkdays: string[] };

/** One day of a calendar as stored. */
export type CalendarDay = { day: string; kind: DayKind; name: string };

/** The official notices shipped with the product; districts import later years from Excel. */
export const officialCalendars: readonly OfficialCalendar[] = [official2026];

/**
 * A notice as days: every day of each holiday range is 放假 (weekends inside it too, so the
 * calendar page shows the whole holiday), every make-up day is 调休上班 (the notice does not say in
 * a machine-readable way which holiday each one pays for: 2026-09-20 is National Day's, not the
 * nearer Mid-Autumn's).
 */
export function daysOf(notice: OfficialCalendar): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const h of notice.holidays) {
    for (let d = h.from; d <= h.to; d = addDays(d, 1)) days.push({ day: d, kind: 'holiday', name: h.name });
  }
  for (const d of notice.makeUpWorkdays) days.push({ day: d, kind: 'workday', name: '调休上班' });
  return days.sort((a, b) => a.day.localeCompare(b.day));
}
