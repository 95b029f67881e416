import { figuresError } from './figures.errors.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

/*
 * The period of the figures: whole days in Asia/Shanghai (China has one zone and no daylight saving,
 * so +08:00 is exact), `from` and `to` both included. Without dates it is the current month of the
 * platform clock; with only one of them, the other stays in the same month.
 */

const DAY_MS = 86_400_000;
export const MAX_PERIOD_DAYS = 366;

export type Period = { from: string; to: string; start: Date; end: Date };

/** The instant a Shanghai day starts. */
const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`));

function monthOf(day: string): { first: string; last: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { first: `${day.slice(0, 7)}-01`, last };
}

export function periodOf(q: { from?: string; to?: string }, now: Date): Period {
  const anchor = q.from ?? q.to ?? shanghaiDay(now);
  const from = q.from ?? monthOf(q.to ?? anchor).first;
  const to = q.to ?? monthOf(anchor).last;
  const start = dayStart(from);
  const end = new Date(dayStart(to).getTime() + DAY_MS);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw figuresError('figures.bad_period', { field: Number.isNaN(start.getTime()) ? 'from' : 'to' });
  if (end <= start) throw figuresError('figures.bad_period', { field: 'from' });
  if (end.getTime() - start.getTime() > MAX_PERIOD_DAYS * DAY_MS) throw figuresError('figures.period_too_long', { field: 'from', params: { days: MAX_PERIOD_DAYS } });
  return { from, to, start, end };
}
