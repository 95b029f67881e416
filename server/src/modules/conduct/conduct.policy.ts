import type { Actor } from '../../platform/auth/actor.js';
import { highestRank, roleRank } from '../../platform/auth/roles.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

/*
 * The conduct rules, pure: statuses, who records and who decides an appeal, suspension dates, when
 * repeated no-shows need a look from staff.
 */

/** recorded 已记录 → appealing 申诉中 → annulled 申诉成立·已撤销 | confirmed 申诉驳回·维持 */
export const incidentStatuses = ['recorded', 'appealing', 'annulled', 'confirmed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const appealOutcomes = ['upheld', 'dismissed'] as const;
export type AppealOutcome = (typeof appealOutcomes)[number];

/** none: points only · active: holds the volunteer suspended · ended: lifted on its date (or by staff) · annulled: appeal upheld */
export const suspensionStates = ['none', 'active', 'ended', 'annulled'] as const;
export type SuspensionState = (typeof suspensionStates)[number];

export const factKinds = ['lateCancellation', 'noShow'] as const;
export type FactKind = (typeof factKinds)[number];

export const reviewStates = ['open', 'done'] as const;
export type ReviewState = (typeof reviewStates)[number];

/** The activities module's events that become conduct facts. */
export const factEvents: Record<string, FactKind> = { 'activities.lateCancellation': 'lateCancellation', 'activities.noShow': 'noShow' };

export const MAX_POINTS = 100;

/** Community admins and above record incidents (the volunteer's home must be in their subtree: checked by the registry). */
export function canRecord(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.some((r) => r === 'communityAdmin' || r === 'streetAdmin' || r === 'districtAdmin');
}

/**
 * An appeal is decided above whoever recorded the incident: a street admin over the community
 * decides on what a community admin recorded; the district admin decides on anything (also what a
 * street or district admin recorded — there is no one above them). Scope is checked by the caller.
 */
export function canDecide(actor: Pick<Actor, 'roles'>, incident: { recorderRank: number }): boolean {
  if (actor.roles.includes('districtAdmin')) return true;
  return actor.roles.includes('streetAdmin') && roleRank.streetAdmin > incident.recorderRank;
}

export function rankOf(actor: Pick<Actor, 'roles'>): number {
  return highestRank(actor.roles);
}


/** The start of a Shanghai day: when a suspension "until" that day is lifted. */
export function startOfShanghaiDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The day a suspension of `days` days that starts now ends (it is lifted at that day's start). */
export function suspendUntilFor(now: Date, days: number): string {
  return shanghaiDay(new Date(now.getTime() + days * 86_400_000));
}

/** A chosen end day must lie after today (Shanghai): a suspension that ended already suspends nothing. */
export function isValidUntil(day: string, now: Date): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(startOfShanghaiDay(day).getTime()) && day > shanghaiDay(now);
}

/** Repeated no-shows reach the district's threshold: staff should have a look (a suggestion, never a suspension). */
export function needsReview(noShowsInWindow: number, threshold: number): boolean {
  return threshold > 0 && noShowsInWindow >= threshold;
}
