import type { TFunction } from 'i18next';
import { TIME_ZONE } from '../../lib/time';
import type { Plan } from './care.api';

/** The weekdays as the plan counts them (1 = Monday), as keys of the words. */
export const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;

const DAY = 86_400_000;
const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Whole Beijing days between an instant and now: a visit this morning is "today", last night's "1 day ago". */
export function daysSince(iso: string, now = new Date()): number {
  const day = (d: Date) => Date.parse(`${shanghaiDay.format(d)}T00:00:00Z`);
  return Math.max(0, Math.round((day(now) - day(new Date(iso))) / DAY));
}

/** "3天前", "今天", "从未走访" — how long since the last visit. */
export function sinceText(t: TFunction<'care'>, iso: string | null, now = new Date()): string {
  if (!iso) return t('never');
  const days = daysSince(iso, now);
  return days === 0 ? t('today') : t('daysAgo', { count: days });
}

/** "每周三 09:30，60分钟" — a plan's rule in words. */
export function planRule(t: TFunction<'care'>, plan: Pick<Plan, 'frequency' | 'dayOf' | 'startTime' | 'durationMinutes'>): string {
  const day = plan.frequency === 'monthly' ? String(plan.dayOf) : t(`plan.weekday.${weekdays[(plan.dayOf - 1) % 7]!}`);
  return t(`plan.every.${plan.frequency}`, { day, time: plan.startTime, minutes: plan.durationMinutes });
}

/** Age in years this year (the record keeps the year of birth only). */
export function ageOf(birthYear: number | null, now = new Date()): number | null {
  return birthYear === null ? null : Number(shanghaiDay.format(now).slice(0, 4)) - birthYear;
}
