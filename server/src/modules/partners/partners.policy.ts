import type { Actor } from '../../platform/auth/actor.js';

export const partnerTypes = ['organ', 'institution', 'soe', 'private', 'social', 'other'] as const;
export type PartnerType = (typeof partnerTypes)[number];
export const reminderKinds = ['monthly', 'manual'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** The month the yearly-minimum reminders start (September: a third of the year is left to catch up). */
export const REMIND_FROM_MONTH = 9;

/** Who registers and edits partner units: the street's and the district's admins. */
export function canManageUnits(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('streetAdmin') || actor.roles.includes('districtAdmin');
}

/** Staff who read units and the in-service lists: the admins of a community, street or the district. */
export function readsUnits(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('communityAdmin') || canManageUnits(actor);
}

type UnitPlace = { regionPath: string; communityPaths: string[]; contactAccountId: string | null };

/**
 * How a caller stands to a unit: `manage` (an admin whose subtree holds the unit's own region),
 * `read` (staff over the unit's region or one of its paired communities; the unit's contact), or
 * `none` — answered 404, like a missing unit.
 */
export function standing(actor: Pick<Actor, 'roles' | 'regionPath' | 'accountId'>, unit: UnitPlace): 'manage' | 'read' | 'none' {
  const within = (path: string) => path.startsWith(actor.regionPath);
  if (canManageUnits(actor) && within(unit.regionPath)) return 'manage';
  if (readsUnits(actor) && (within(unit.regionPath) || unit.communityPaths.some(within))) return 'read';
  if (unit.contactAccountId !== null && unit.contactAccountId === actor.accountId) return 'read';
  return 'none';
}

/** Behind the yearly minimum: fewer verified hours this year than the district asks. */
export const isBehind = (hours: number, minimum: number) => hours < minimum;

/** Shanghai calendar parts of an instant (UTC+8, no daylight saving): year, month, `YYYY-MM`, `YYYY-MM-DD`. */
export function shanghaiParts(at: Date) {
  const day = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), monthKey: day.slice(0, 7), day };
}

/** The sweep reminds from September on, once per month (the slot is the month). */
export function monthlySlot(at: Date): string | null {
  const p = shanghaiParts(at);
  return p.month >= REMIND_FROM_MONTH ? `month:${p.monthKey}` : null;
}

export const manualSlot = (at: Date) => `day:${shanghaiParts(at).day}`;
