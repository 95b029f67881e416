/*
 * The pure rules of activities (活动): statuses, themed days (主题党日 around the 15th and the 28th),
 * recurrence, distance for the location check and the hours of an attendance. Dates are Asia/Shanghai
 * local dates ("YYYY-MM-DD"); China keeps UTC+8 all year, so a fixed offset is exact.
 */

export const activityStatuses = ['draft', 'published', 'cancelled', 'finished'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

export const signupStatuses = ['signed', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof signupStatuses)[number];

export const hoursStatuses = ['pending', 'approved', 'declined'] as const;
export type HoursStatus = (typeof hoursStatuses)[number];

export const checkVia = ['qr', 'rollcall', 'auto'] as const;
export type CheckVia = (typeof checkVia)[number];

export const hoursFlags = ['autoCheckout', 'overDailyMax', 'overlap', 'noLocation'] as const;
export type HoursFlag = (typeof hoursFlags)[number];

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Shanghai local date of an instant. */
export function localDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Milliseconds since 00:00 Shanghai of the instant's local day. */
function localTimeOfDay(at: Date): number {
  return (at.getTime() + OFFSET_MS) % DAY_MS;
}

/** 00:00 Shanghai of a local date, as an instant. */
export function localMidnight(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** 1 = Monday … 7 = Sunday. */
const weekdayOf = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const dayOfMonth = (day: string) => Number(day.slice(8, 10));

/** The days themed activities (主题党日) are held around. */
export const THEMED_DAYS = [15, 28] as const;
/** How far from the 15th or the 28th a themed activity may be (weekends and holidays move it a little). */
export const THEMED_TOLERANCE_DAYS = 2;

/** Whether a local date is a themed day: within the tolerance of the 15th or the 28th of its month. */
export function isThemedDate(day: string): boolean {
  const d = dayOfMonth(day);
  return THEMED_DAYS.some((t) => Math.abs(d - t) <= THEMED_TOLERANCE_DAYS);
}

/** The themed day (15th or 28th) on or after a local date, for the form's suggestion. */
export function nextThemedDate(day: string): string {
  for (let i = 0; i < 40; i++) {
    const candidate = addDays(day, i);
    if ((THEMED_DAYS as readonly number[]).includes(dayOfMonth(candidate))) return candidate;
  }
  /* c8 ignore next */
  return day;
}

export type Recurrence = { kind: 'weekly'; weekdays: number[]; until: string } | { kind: 'monthly'; days: number[]; until: string };
export type Occurrence = { startsAt: Date; endsAt: Date };

/** The most occurrences one series may make (a year of a twice-weekly routine). */
export const MAX_OCCURRENCES = 120;

/**
 * The occurrences of a recurring activity: every local date from the first one's date to `until`
 * that the rule names (weekly: those weekdays; monthly: those days of the month), each at the first
 * one's local time and with its duration. Answers null when the series would exceed MAX_OCCURRENCES.
 */
export function occurrencesOf(first: Occurrence, rule: Recurrence): Occurrence[] | null {
  const duration = first.endsAt.getTime() - first.startsAt.getTime();
  const time = localTimeOfDay(first.startsAt);
  const made: Occurrence[] = [];
  for (let day = localDate(first.startsAt); day <= rule.until; day = addDays(day, 1)) {
    const hit = rule.kind === 'weekly' ? rule.weekdays.includes(weekdayOf(day)) : rule.days.includes(dayOfMonth(day));
    if (!hit) continue;
    if (made.length === MAX_OCCURRENCES) return null;
    const startsAt = new Date(localMidnight(day).getTime() + time);
    made.push({ startsAt, endsAt: new Date(startsAt.getTime() + duration) });
  }
  return made;
}

/** Distance in metres between two points (haversine; plenty for a check-in radius). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (x: number) => (x * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Hours of an attendance: check-out − check-in, never more than the activity lasts, in hundredths. */
export function attendanceHours(checkedInAt: Date, checkedOutAt: Date, activity: Occurrence): number {
  const served = Math.max(0, checkedOutAt.getTime() - checkedInAt.getTime());
  const cap = activity.endsAt.getTime() - activity.startsAt.getTime();
  return Math.round((Math.min(served, cap) / 3_600_000) * 100) / 100;
}

/** Two intervals overlap (touching ends do not). */
export function overlaps(a: { from: Date; to: Date }, b: { from: Date; to: Date }): boolean {
  return a.from < b.to && b.from < a.to;
}

/** A cancellation is late when it comes less than `lateHours` before the start. */
export function isLateCancellation(now: Date, startsAt: Date, lateHours: number): boolean {
  return startsAt.getTime() - now.getTime() < lateHours * 3_600_000;
}

/** Hours as the event and the record carry them: a numeric string with 2 decimals. */
export const hoursText = (hours: number) => hours.toFixed(2);
