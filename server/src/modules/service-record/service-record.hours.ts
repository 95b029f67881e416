/** Hours between check-in and check-out, to the quarter hour, at least 0.25 h and at most 24 h. */
export function servedHours(checkIn: Date, checkOut: Date): number {
  const hours = (checkOut.getTime() - checkIn.getTime()) / 3_600_000;
  return Math.min(24, Math.max(0.25, Math.round(hours * 4) / 4));
}

/** One volunteer's time on a task, as the task's slots record it. */
export type ServedTime = { volunteerId: string; checkInAt: Date | null; checkOutAt: Date | null };
