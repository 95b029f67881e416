import type { Actor } from '../../platform/auth/actor.js';
import { adminRoles } from '../../platform/auth/roles.js';
import { staffRolesOver } from '../../platform/scope/scope.js';

/*
 * Care recipients (关爱对象 · 一人一策) as pure rules: who stands how to a person under care, and
 * on which days a plan's service falls (unit-tested in care.policy.test.ts).
 */

export const frequencies = ['weekly', 'biweekly', 'monthly'] as const;
export type Frequency = (typeof frequencies)[number];
export const conditions = ['good', 'attention', 'urgent'] as const;
export type Condition = (typeof conditions)[number];
export const visitKinds = ['visit', 'call'] as const;
export const recipientStatuses = ['active', 'archived'] as const;

/** 一对一 / 二对一 and one more at most: a person is looked after by a few people who know them. */
export const MAX_PAIRED = 3;
/** Orders are made this many days before their day, so the community has time to dispatch them. */
export const LEAD_DAYS = 3;

/**
 * How the caller stands to a person: staff over their place see the record (admins over it also
 * manage it); a paired volunteer sees what they need to help (call name, building, needs); anyone
 * else nothing (404, like a missing one).
 */
export type CareStanding = 'manager' | 'staff' | 'paired' | 'none';

export function standingOf(actor: Actor, recipientPath: string, pairedIds: readonly string[]): CareStanding {
  const roles = staffRolesOver(actor, recipientPath);
  if (roles.some((r) => adminRoles.includes(r))) return 'manager';
  if (roles.length > 0) return 'staff';
  // the volunteer role is held exactly while the registration is active: a suspended or departed volunteer sees nothing
  if (pairedIds.includes(actor.accountId) && actor.roles.includes('volunteer')) return 'paired';
  return 'none';
}

/** Who may write a visit: their volunteers and staff over their place. */
export const mayLogVisit = (s: CareStanding) => s !== 'none';

/** The pairing's name as the seeds have it: 一对一 for one volunteer, 二对一 for two … */
export function pairingMode(count: number): 'none' | 'oneToOne' | 'twoToOne' | 'threeToOne' {
  return count === 0 ? 'none' : count === 1 ? 'oneToOne' : count === 2 ? 'twoToOne' : 'threeToOne';
}

/** How a volunteer addresses the person when staff gave no call name: the surname and a mask (王**). */
export function defaultCallName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

// ---- days: 'YYYY-MM-DD' strings, counted as calendar days (no time zone: they are Shanghai days already)

const toUtc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => fromUtc(toUtc(day) + n * 86_400_000);
/** 1 = Monday … 7 = Sunday. */
export const weekdayOf = (day: string) => ((new Date(toUtc(day)).getUTCDay() + 6) % 7) + 1;
const daysBetween = (a: string, b: string) => Math.round((toUtc(b) - toUtc(a)) / 86_400_000);

export type Recurrence = { frequency: Frequency; dayOf: number; startsOn: string; endsOn: string | null };

/** Whether the rule's numbers make sense for its frequency (weekdays 1–7, days of the month 1–28). */
export function validDayOf(frequency: Frequency, dayOf: number): boolean {
  return Number.isInteger(dayOf) && dayOf >= 1 && dayOf <= (frequency === 'monthly' ? 28 : 7);
}

/** Whether the service falls on `day`. Biweekly counts fortnights from the plan's first week. */
export function fallsOn(r: Recurrence, day: string): boolean {
  if (day < r.startsOn || (r.endsOn !== null && day > r.endsOn)) return false;
  if (r.frequency === 'monthly') return Number(day.slice(8, 10)) === r.dayOf;
  if (weekdayOf(day) !== r.dayOf) return false;
  if (r.frequency === 'weekly') return true;
  const firstWeekMonday = addDays(r.startsOn, 1 - weekdayOf(r.startsOn));
  return Math.floor(daysBetween(firstWeekMonday, day) / 7) % 2 === 0;
}

/** The first day on or after `from` the service falls on, or null when the plan ends before one. */
export function nextOn(r: Recurrence, from: string): string | null {
  let day = from < r.startsOn ? r.startsOn : from;
  if (r.frequency === 'monthly') {
    // at most two month starts to look at: the rest of this month, then the next month's day
    for (let i = 0; i < 2; i++) {
      const candidate = `${day.slice(0, 8)}${String(r.dayOf).padStart(2, '0')}`;
      if (candidate >= day && fallsOn(r, candidate)) return candidate;
      if (r.endsOn !== null && candidate > r.endsOn) return null;
      const next = new Date(toUtc(`${day.slice(0, 8)}01`));
      next.setUTCMonth(next.getUTCMonth() + 1);
      day = fromUtc(next.getTime());
    }
    return null;
  }
  for (let i = 0; i < 14; i++, day = addDays(day, 1)) {
    if (r.endsOn !== null && day > r.endsOn) return null;
    if (fallsOn(r, day)) return day;
  }
  return null;
}

/** When the service of a day begins and ends (the order's wanted window): `startTime` is Shanghai's. */
export function windowOf(day: string, startTime: string, durationMinutes: number): { from: Date; to: Date } {
  const from = new Date(`${day}T${startTime}:00+08:00`);
  return { from, to: new Date(from.getTime() + durationMinutes * 60_000) };
}
