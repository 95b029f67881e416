import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client';
import { formatMinute, TIME_ZONE } from '../../lib/time';
import type { NeedDetail, NeedEvent, NeedStatus, NeedSummary } from './needs.api';
import { runningStates } from './deadline';

export { timeLeft, type TimeLeft } from './deadline';

/** How a state reads at a glance; each UI kit maps tones to its own colours. */
export type StatusTone = 'new' | 'working' | 'waiting' | 'done' | 'stopped' | 'alert';

const tones: Record<NeedStatus, StatusTone> = {
  submitted: 'new', verifying: 'new', accepted: 'working', dispatched: 'working', pooled: 'working', taken: 'working',
  claimed: 'working', in_service: 'working', completed: 'waiting', rated: 'done', closed: 'done',
  reopened: 'alert', escalated: 'alert', rejected: 'stopped', merged: 'stopped', cancelled: 'stopped',
};

export const statusTone = (status: string): StatusTone => tones[status as NeedStatus] ?? 'new';

/**
 * An escalated need whose whistle the street has closed: it reads 已结束吹哨 (back with the community,
 * a waiting tone), not 已吹哨. Lists and pages alike carry `whistle` (a list row while escalated).
 */
export const whistleClosed = (need: { status: string; whistle?: NeedSummary['whistle'] }): boolean => need.status === 'escalated' && need.whistle === 'closed';


/** Overdue (超期): the server's verdict by its clock, else worked out here (a need seen before the server said). */
export function isOverdue(need: Pick<NeedSummary, 'status' | 'deadlineAt'> & { overdue?: boolean }, now = Date.now()): boolean {
  if (need.overdue !== undefined) return need.overdue;
  return Boolean(need.deadlineAt && runningStates.includes(need.status) && new Date(need.deadlineAt).getTime() < now);
}

export function categoryLabel(need: Pick<NeedSummary, 'categoryName' | 'categoryNameEn'>, language: string): string {
  return (language === 'en' ? need.categoryNameEn : need.categoryName) ?? '';
}

/** "2026-11-25 08:00 – 12:00", or with both dates when the window spans days. */
export function formatWindow(from: string | null, to: string | null): string {
  if (!from && !to) return '';
  const start = from ? dayjs(from).tz(TIME_ZONE) : null;
  const end = to ? dayjs(to).tz(TIME_ZONE) : null;
  if (start && end) return `${start.format('YYYY-MM-DD HH:mm')} – ${end.format(start.isSame(end, 'day') ? 'HH:mm' : 'YYYY-MM-DD HH:mm')}`;
  return (start ?? end)!.format('YYYY-MM-DD HH:mm');
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** The extra facts of one timeline entry, as short localised lines ("派给：红马甲服务队"). */
export function eventFacts(event: NeedEvent, need: Pick<NeedDetail, 'assignments'>, t: TFunction<'needs'>): string[] {
  const d = event.data ?? {};
  const nameOf = (id: unknown) => need.assignments.find((a) => a.volunteerId === id)?.volunteerName ?? '';
  switch (event.action) {
    case 'submit':
      return [t('fact.channel', { channel: t(`channel.${text(d.channel) || 'self'}`, { defaultValue: text(d.channel) }) })];
    case 'accept':
      return [t('fact.severity', { severity: t(`severity.${text(d.severity) || 'general'}`, { defaultValue: text(d.severity) }) }), t('fact.deadline', { at: formatMinute(text(d.deadlineAt)) })];
    case 'dispatch':
    case 'rule':
      return [t('fact.team', { team: text(d.teamName) })];
    case 'decline':
      return [t('fact.declined', { reason: t(`declineReason.${text(d.reasonCode)}`, { defaultValue: text(d.reason) }), count: Number(d.declineCount) || 1 })];
    case 'assign':
      return [t('fact.assigned', { name: nameOf(d.volunteerId), slot: text(d.slot) })];
    case 'grab':
      return [t('fact.grabbed', { slot: text(d.slot) })];
    case 'merge':
      return [t('fact.mergedInto', { number: text(d.mergedInto) })];
    case 'mergeIn':
      return [t('fact.mergedFrom', { number: text(d.mergedFrom) })];
    case 'checkIn':
      return d.lng !== undefined ? [t('fact.located')] : [];
    case 'complete':
      return d.summary ? [t('fact.summary', { summary: text(d.summary) })] : [];
    case 'rate':
      return [t('fact.rating', { rating: text(d.rating) }), t(d.solved === false ? 'fact.unsolved' : 'fact.solved')];
    // the deadline's moves (modules/oversight, and a reopening's new window)
    case 'reopen':
    case 'extendApprove':
      return d.deadlineAt ? [t('fact.newDeadline', { at: formatMinute(text(d.deadlineAt)) })] : [];
    case 'resume':
      return [
        ...(d.by === 'expected' ? [t('fact.resumedBySystem')] : []),
        t('fact.pausedHours', { hours: Math.round((Number(d.pausedMs) || 0) / 360_000) / 10 }),
        t('fact.newDeadline', { at: formatMinute(text(d.deadlineAt)) }),
      ];
    case 'extendAsk':
      return [t('fact.askedDeadline', { at: formatMinute(text(d.newDeadline)) })];
    case 'pauseAsk':
    case 'pauseApprove':
      return d.resumeOn ? [t('fact.resumeOn', { day: text(d.resumeOn) })] : [];
    case 'supervise':
      return [t('fact.supervision', { kind: t(`supervisionKind.${text(d.kind)}`, { defaultValue: text(d.kind) }) })];
    case 'callback':
      return [t('fact.satisfaction', { satisfaction: t(`satisfaction.${text(d.satisfaction)}`, { defaultValue: text(d.satisfaction) }) })];
    default:
      return [];
  }
}

/** Who acted: the role in this order, then the name (masked where the viewer may not see it). */
/** A timeline step in words; a step a newer module records before the web names it reads "other update", never its code. */
export function eventWord(event: Pick<NeedEvent, 'action'>, t: TFunction<'needs'>): string {
  return t(`event.${event.action}`, { defaultValue: t('event.other') });
}

export function eventActor(event: NeedEvent, t: TFunction<'needs'>): string {
  const role = t(`actor.${event.actorRole}`, { defaultValue: t(`common:roles.${event.actorRole}`, { defaultValue: t('actor.other') }) });
  return event.actorName ? `${role} ${event.actorName}` : role;
}

/**
 * A refused action in words. Losing a grab race gets the plain "too slow" of the brief; a refused
 * transition says the page has been refreshed (the caller refetches it).
 */
export function needErrorText(error: unknown, t: TFunction<'needs'>): string {
  if (isApiError(error, 'needs.already_taken')) return t('errors.alreadyTaken');
  if (isApiError(error, 'needs.illegal_transition') || isApiError(error, 'needs.ruling_pending')) return `${error.message}${t('errors.refreshed')}`;
  return error instanceof Error && error.message ? error.message : t('common:errors.unknown');
}

