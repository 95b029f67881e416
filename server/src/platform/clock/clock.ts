/**
 * The one source of "now" for every rule that depends on time (deadlines, warnings, the 3-day
 * confirmation, check-in times, quotas by day). Tests move a manual clock instead of sleeping.
 * Row bookkeeping (`updated_at`, session expiry) may keep the wall clock.
 */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export type ManualClock = Clock & { set(at: Date | string): void; advance(ms: number): void };

/** A clock that moves only when told (tests). */
export function manualClock(start: Date | string = new Date()): ManualClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (at) => void (t = new Date(at).getTime()),
    advance: (ms) => void (t += ms),
  };
}

/** The wall clock, moved forward or back when told (API tests: time still passes between requests). */
export function movableClock(): ManualClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    set: (at) => void (offset = new Date(at).getTime() - Date.now()),
    advance: (ms) => void (offset += ms),
  };
}

/**
 * A wall clock shifted by an offset read on every call (several test processes share a moved time
 * through `CLOCK_OFFSET_MS`); the offset is fixed for a process, as production has none.
 */
export function offsetClock(offsetMs: number): Clock {
  return offsetMs === 0 ? systemClock : { now: () => new Date(Date.now() + offsetMs) };
}

/**
 * The day an instant falls on in Asia/Shanghai ("2026-03-01"): the day people count in (a quota by
 * day, a file's date, a passbook line's day). UTC+8 all year, no daylight saving.
 */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
