import { shanghaiDay } from '../../platform/clock/clock.js';

/*
 * The big screen's periods, in Asia/Shanghai (one zone, no daylight saving: +08:00 is exact): this
 * year, this month, and the last 12 months this one included — which always hold every month of this
 * year, so the year's received and completed are the sums of the trend's months of this year.
 */

export const TREND_MONTHS = 12;

/** The instant a Shanghai day starts. */
const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`));
/** YYYY-MM of a month counted from January of `year` (0: January; negative: the years before). */
const monthLabel = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex, 1)).toISOString().slice(0, 7);
const lastDay = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex + 1, 0)).toISOString().slice(0, 10);

export type ScreenPeriods = {
  year: { year: number; from: string; to: string; start: Date; end: Date };
  month: { month: string; from: string; to: string };
  /** Oldest first; `bounds` has one more entry than `months`: month i runs from bounds[i] to bounds[i + 1]. */
  trend: { months: string[]; bounds: Date[] };
};

export function screenPeriods(now: Date): ScreenPeriods {
  const today = shanghaiDay(now);
  const year = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1;
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => monthLabel(year, m - (TREND_MONTHS - 1) + i));
  const bounds = [...months, monthLabel(year, m + 1)].map((label) => dayStart(`${label}-01`));
  return {
    year: { year, from: `${year}-01-01`, to: `${year}-12-31`, start: dayStart(`${year}-01-01`), end: dayStart(`${year + 1}-01-01`) },
    month: { month: today.slice(0, 7), from: `${today.slice(0, 7)}-01`, to: lastDay(year, m) },
    trend: { months, bounds },
  };
}
