import type { TFunction } from 'i18next';
import type { Recipient } from '../care.api';
import { daysSince } from '../care.format';

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
