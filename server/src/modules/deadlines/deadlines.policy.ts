import type { SeverityCode } from '../needs/needs.enums.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

/*
 * The 2310 deadline rules, pure: working-day arithmetic on the district's holiday calendar, the
 * choice of the rule that applies to a need, and where 50 / 80 / 100 % of a window fall.
 *
 * Dates are Asia/Shanghai local dates ("YYYY-MM-DD"). China has kept UTC+8 without daylight saving
 * since 1991, so a fixed offset is exact for every date this product handles and needs no tz data.
 */

export const windowUnits = ['calendar_days', 'working_days'] as const;
export type WindowUnit = (typeof windowUnits)[number];
export const dayKinds = ['holiday', 'workday'] as const;
/** holiday: 放假 (a weekday off); workday: 调休上班 (a Saturday or Sunday worked). */
export type DayKind = (typeof dayKinds)[number];
/** The district's exceptions to Mon–Fri, by local date. */
export type Calendar = ReadonlyMap<string, DayKind>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHANGHAI_OFFSET = 8 * HOUR;


/** 00:00 Shanghai on a local date, as an instant. */
export function shanghaiMidnight(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET);
}

/** The local date `n` days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** Whether a real calendar date is written as YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
}

/** Mon–Fri unless the calendar says 放假; Sat/Sun when the calendar says 调休上班. */
export function isWorkingDay(day: string, calendar: Calendar): boolean {
  const kind = calendar.get(day);
  if (kind === 'holiday') return false;
  if (kind === 'workday') return true;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The local date of the `n`th working day after `day` (`day` itself never counts). */
export function nthWorkingDayAfter(day: string, n: number, calendar: Calendar): string {
  let d = day;
  for (let found = 0; found < n; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) found += 1;
  }
  return d;
}

/**
 * When a window opened at `start` closes.
 *
 * Calendar days: `start + amount × 24 h`, as the order chain has always counted them (a need
 * accepted Monday 15:00 with 2 days is due Wednesday 15:00) — 2310's "2 days" is read as 48 hours.
 *
 * Working days: 24:00 Shanghai at the end of the `amount`th working day after the acceptance day.
 * That is how Chinese offices count "N个工作日内办结": the day a period starts is not counted, it runs
 * from the next day, and its last day ends at 24:00 (民法典 第二百零一条、第二百零三条; 行政许可法
 * 第八十二条 counts only working days). So a need accepted on Friday afternoon with 3 working days is
 * due at the end of Wednesday, however late on Friday it came in; accepted on a holiday or a weekend,
 * its first day is the next working day; a make-up Saturday (调休上班) counts like any working day.
 */
export function addWindow(start: Date, amount: number, unit: WindowUnit, calendar: Calendar): Date {
  if (unit === 'calendar_days') return new Date(start.getTime() + amount * DAY);
  const last = nthWorkingDayAfter(shanghaiDay(start), amount, calendar);
  return shanghaiMidnight(addDays(last, 1));
}

/** How many calendar days ahead of `start` a working-day window may reach (what to load). */
export function calendarHorizon(amount: number, unit: WindowUnit): number {
  // the longest run of days off in China is about 9 (Spring Festival with its weekend): two weeks of
  // slack per five working days is far more than any calendar can consume
  return unit === 'calendar_days' ? amount + 1 : amount * 3 + 30;
}

/**
 * The instant at which `fraction` (0..1) of the window [acceptedAt, deadlineAt] has elapsed.
 *
 * Calendar days (`calendar` null): linear over the wall-clock span.
 * Working days: linear over working time — each working day counts its 24 hours, days off count
 * nothing — so the 50 % warning of a window spanning Spring Festival falls on a working day, not
 * in the middle of the holiday. The instant is the first moment that much working time has passed
 * (hence never inside a day off unless the fraction is 0).
 */
export function thresholdAt(acceptedAt: Date, deadlineAt: Date, fraction: number, calendar: Calendar | null): Date {
  const from = acceptedAt.getTime();
  const to = deadlineAt.getTime();
  if (to <= from || fraction <= 0) return new Date(from);
  if (fraction >= 1) return new Date(to);
  if (!calendar) return new Date(from + Math.round((to - from) * fraction));
  const segments = workingSegments(from, to, calendar);
  const total = segments.reduce((sum, [a, b]) => sum + (b - a), 0);
  if (total === 0) return new Date(from + Math.round((to - from) * fraction));
  let left = total * fraction;
  for (const [a, b] of segments) {
    if (left <= b - a) return new Date(a + Math.round(left));
    left -= b - a;
  }
  return new Date(to);
}

/*
 * Pauses and extensions (挂起 · 延期) count in the window's own unit: a calendar-day window's clock is
 * the wall clock; a working-day window's clock runs only on working days (each counts its 24 hours,
 * as in `thresholdAt`). So a pause over a weekend costs a working-day window nothing, and one working
 * day of pause moves its deadline by one working day, across holidays and make-up days alike. The
 * time is exact, not rounded to days: a pause of two working hours gives two working hours back, so
 * a moved working-day deadline may fall within a day rather than at 24:00.
 */

/** How much of the window's clock runs in [from, to): wall-clock ms, or working-day ms. */
export function runningTime(from: Date, to: Date, unit: WindowUnit, calendar: Calendar): number {
  if (to.getTime() <= from.getTime()) return 0;
  if (unit === 'calendar_days') return to.getTime() - from.getTime();
  return workingSegments(from.getTime(), to.getTime(), calendar).reduce((sum, [a, b]) => sum + (b - a), 0);
}

/** The instant at which `ms` more of the window's clock has run after `at` (the inverse of `runningTime`). */
export function addRunningTime(at: Date, ms: number, unit: WindowUnit, calendar: Calendar): Date {
  if (ms <= 0 || unit === 'calendar_days') return new Date(at.getTime() + Math.max(0, ms));
  let left = ms;
  for (let day = shanghaiDay(at); ; day = addDays(day, 1)) {
    if (!isWorkingDay(day, calendar)) continue;
    const a = Math.max(at.getTime(), shanghaiMidnight(day).getTime());
    const b = shanghaiMidnight(day).getTime() + DAY;
    if (left <= b - a) return new Date(a + left);
    left -= b - a;
  }
}

/** A window as a need stores it: when its clock (re)started, its deadline, its unit. */
export type Window = { startedAt: Date; deadlineAt: Date; unit: WindowUnit };

/**
 * The window after a pause from `pausedAt` to `resumedAt`: the paused time, in the window's unit,
 * is given back by moving both ends on by it. The deadline is what the handler sees; the start moves
 * with it so that the window keeps its running length (deadline − start, in its unit) and the 50 % and
 * 80 % warnings of what remains fall where the clock, stopped meanwhile, says they do.
 */
export function resumeWindow(w: Window, pausedAt: Date, resumedAt: Date, calendar: Calendar): Window & { pausedMs: number } {
  const pausedMs = runningTime(pausedAt, resumedAt, w.unit, calendar);
  return { startedAt: addRunningTime(w.startedAt, pausedMs, w.unit, calendar), deadlineAt: addRunningTime(w.deadlineAt, pausedMs, w.unit, calendar), unit: w.unit, pausedMs };
}

/** A deadline extended by `days` of the window's unit (a working-day deadline at 24:00 moves to 24:00 of the Nth working day on). */
export function extendDeadline(deadlineAt: Date, days: number, unit: WindowUnit, calendar: Calendar): Date {
  return addRunningTime(deadlineAt, days * DAY, unit, calendar);
}

/** The parts of [from, to) that fall on working days, as [start, end) instants, in order. */
function workingSegments(from: number, to: number, calendar: Calendar): [number, number][] {
  const out: [number, number][] = [];
  for (let day = shanghaiDay(new Date(from)); shanghaiMidnight(day).getTime() < to; day = addDays(day, 1)) {
    if (!isWorkingDay(day, calendar)) continue;
    const a = Math.max(from, shanghaiMidnight(day).getTime());
    const b = Math.min(to, shanghaiMidnight(day).getTime() + DAY);
    if (b > a) out.push([a, b]);
  }
  return out;
}

/** One rule as the chooser sees it: null region or category means "any". */
export type RuleKey = { regionId: string | null; categoryId: string | null; severity: SeverityCode };
/** What the chooser knows about a need: its region's ancestry (root first) and its category's parent. */
export type NeedKey = { regionPath: readonly string[]; categoryId: string; categoryParentId: string | null; severity: SeverityCode };

/**
 * The rule that applies to a need: among the rules for its severity whose region is on the need's
 * region path (or null) and whose category is the need's own, its parent, or null, the most specific
 * wins — the deepest region first, then category exact › parent › any. (district, region, category,
 * severity) is unique, so there is never a tie. Undefined when no rule matches.
 */
export function chooseRule<R extends RuleKey>(rules: readonly R[], need: NeedKey): R | undefined {
  let best: R | undefined;
  let bestScore = -Infinity;
  for (const rule of rules) {
    if (rule.severity !== need.severity) continue;
    const depth = rule.regionId === null ? -1 : need.regionPath.indexOf(rule.regionId);
    if (rule.regionId !== null && depth < 0) continue;
    const category = rule.categoryId === null ? 0 : rule.categoryId === need.categoryId ? 2 : rule.categoryId === need.categoryParentId ? 1 : -1;
    if (category < 0) continue;
    const score = (depth + 1) * 3 + category;
    if (score > bestScore) [best, bestScore] = [rule, score];
  }
  return best;
}

/** A rule with its window. */
export type Rule = RuleKey & { amount: number; unit: WindowUnit };

/**
 * A need's window from `from`: the most specific rule, else the SPEC default for its severity (a
 * district always has district-wide rules, which cannot be deleted; the default is a last resort).
 */
export function windowFor<R extends Rule>(rules: readonly R[], calendar: Calendar, need: NeedKey, from: Date): { deadlineAt: Date; amount: number; unit: WindowUnit; rule: R | undefined } {
  const rule = chooseRule(rules, need);
  const { amount, unit } = rule ?? defaultWindows[need.severity];
  return { deadlineAt: addWindow(from, amount, unit, calendar), amount, unit, rule };
}

/**
 * Who may see and who may change a rule, by the path of its region (a district-wide rule's path is
 * the district's own): staff see the rules of their subtree and those above it that apply to them;
 * the district admin edits any, a street admin those inside their own street.
 */
export function mayReadRule(actor: { regionPath: string }, rulePath: string): boolean {
  return rulePath.startsWith(actor.regionPath) || actor.regionPath.startsWith(rulePath);
}

export function mayEditRule(actor: { roles: readonly string[]; regionPath: string }, rulePath: string): boolean {
  return actor.roles.some((r) => r === 'districtAdmin' || r === 'streetAdmin') && rulePath.startsWith(actor.regionPath);
}

/** SPEC §5: general 一般 2 days, important 重要 3, major 重大 10; calendar days unless a district says otherwise. */
export const defaultWindows: Record<SeverityCode, { amount: number; unit: WindowUnit }> = {
  general: { amount: 2, unit: 'calendar_days' },
  important: { amount: 3, unit: 'calendar_days' },
  major: { amount: 10, unit: 'calendar_days' },
};
