import type { NeedSummary } from './needs.api';

/** States where the deadline still runs (not finished, not stopped); the server's `deadlineRunningStatuses`. */
export const runningStates: readonly string[] = ['accepted', 'dispatched', 'pooled', 'taken', 'claimed', 'in_service', 'reopened', 'escalated'];

/**
 * Time left to the deadline (剩余时间), or past it, in whole days and hours; none once the clock stops.
 * While the clock is paused (挂起) no time runs: `paused`, and no count that would only mislead (the
 * deadline moves on by the pause when it resumes), which is also why "overdue first" ranks it below.
 */
export type TimeLeft = { over: boolean; days: number; hours: number; paused?: boolean };

export function timeLeft(need: Pick<NeedSummary, 'status' | 'deadlineAt'> & { overdue?: boolean; paused?: boolean }, now = Date.now()): TimeLeft | null {
  if (!need.deadlineAt || !runningStates.includes(need.status)) return null;
  if (need.paused) return { over: false, days: 0, hours: 0, paused: true };
  const ms = new Date(need.deadlineAt).getTime() - now;
  const over = need.overdue ?? ms < 0;
  // whole hours, rounded towards "less time": 59 minutes left reads as 0 hours left
  const hours = over ? Math.ceil(Math.abs(ms) / 3_600_000) : Math.floor(Math.max(0, ms) / 3_600_000);
  return { over, days: Math.floor(hours / 24), hours: hours % 24 };
}

/** The words for a time left, in the needs namespace: "剩 1 天 3 小时" / "超期 5 小时". */
export function timeLeftKey(left: TimeLeft): 'timeLeft.paused' | 'timeLeft.over' | 'timeLeft.overHours' | 'timeLeft.left' | 'timeLeft.leftHours' {
  if (left.paused) return 'timeLeft.paused';
  if (left.over) return left.days > 0 ? 'timeLeft.over' : 'timeLeft.overHours';
  return left.days > 0 ? 'timeLeft.left' : 'timeLeft.leftHours';
}
