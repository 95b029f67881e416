import type { TFunction } from 'i18next';
import { TIME_ZONE } from '../../../lib/time';
import type { Recipient } from '../care.api';

const DAY = 86_400_000;
const beijingDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Whole Beijing calendar days from an instant to now: a visit at 23:30 last night is "1 day ago" at
 * 00:30, one this morning is "today", whatever zone the phone is set to.
 */
export function daysSince(iso: string, now = new Date()): number {
  const day = (d: Date) => Date.parse(`${beijingDay.format(d)}T00:00:00Z`);
  return Math.max(0, Math.round((day(now) - day(new Date(iso))) / DAY));
}

/** "上次走访：3天前" / "上次走访：今天", or "还没有人走访过". */
export function lastVisitText(t: TFunction<'care'>, iso: string | null, now = new Date()): string {
  if (!iso) return t('phone.neverVisited');
  const days = daysSince(iso, now);
  return days === 0 ? t('phone.lastVisitToday') : t('phone.lastVisit', { when: t('daysAgo', { count: days }) });
}

/** The volunteers paired with the person besides me (二对一): who to talk to about them. */
export function otherVolunteers(paired: Recipient['paired'], me: string): string[] {
  return paired.filter((p) => p.volunteerId !== me).map((p) => p.name);
}

/** "张三和李四" / "Zhang San and Li Si": the language's own way of listing names. */
export function listNames(names: string[], language: string): string {
  return new Intl.ListFormat(language === 'en' ? 'en' : 'zh-CN', { type: 'conjunction' }).format(names);
}
