import { shanghaiDay } from '../../platform/clock/clock.js';

/** The first month the board goes back to: before it no district ran on the platform. */
export const EARLIEST_MONTH = '2020-01';

/**
 * The month a board's figures and honour roll count, in Asia/Shanghai: the one asked for, or the last
 * whole month (the 通报 of a month is read in the next). Undefined for a month still to come or
 * before the platform; the caller answers 400 naming `month`.
 */
export function boardMonth(month: string | undefined, now: Date): { month: string; from: string; to: string } | undefined {
  const today = shanghaiDay(now);
  const current = today.slice(0, 7);
  const [cy, cm] = current.split('-').map(Number) as [number, number];
  const chosen = month ?? (cm === 1 ? `${cy - 1}-12` : `${cy}-${String(cm - 1).padStart(2, '0')}`);
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(chosen);
  if (!m || chosen > current || chosen < EARLIEST_MONTH) return undefined;
  const [y, mm] = [Number(m[1]), Number(m[2])];
  const last = new Date(Date.UTC(y, mm, 0)).toISOString().slice(0, 10);
  // the current month counts up to today
  return { month: chosen, from: `${chosen}-01`, to: chosen === current ? today : last };
}
