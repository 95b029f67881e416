import dayjs from 'dayjs';
import { TIME_ZONE } from '../../../lib/time';
import type { NewNeed } from '../needs.api';

/* The wanted window of a need typed on the phone (我要点单): a day and a part of it, in Beijing time. */
export const periods = ['any', 'morning', 'afternoon', 'evening'] as const;
export type Period = (typeof periods)[number];
export type Wanted = { date?: Date; period: Period };

/** Hours each part of the day stands for, in Beijing time. */
const hours: Record<Period, [number, number]> = { any: [8, 21], morning: [8, 12], afternoon: [12, 18], evening: [18, 21] };

/** The wanted window for the API; no date means "as soon as possible" (no window). */
export function wantedWindow(wanted: Wanted | undefined): { wantedFrom?: string; wantedTo?: string } {
  if (!wanted?.date) return {};
  const day = dayjs(wanted.date).format('YYYY-MM-DD');
  const [from, to] = hours[wanted.period];
  const at = (hour: number) => dayjs.tz(`${day}T${String(hour).padStart(2, '0')}:00:00`, TIME_ZONE).toISOString();
  return { wantedFrom: at(from), wantedTo: at(to) };
}

/** Whether that part of that day is over (its end, Beijing time, has passed): 上午 at 22:35 is. */
export function periodOver(date: Date, period: Period, now = Date.now()): boolean {
  return Date.parse(wantedWindow({ date, period }).wantedTo!) <= now;
}

/** Whether a picked window is over already (the form's rule: a page left open past it). */
export const wantedOver = (wanted: Wanted | undefined, now = Date.now()): boolean => !!wanted?.date && periodOver(wanted.date, wanted.period, now);

/**
 * A need kept on the phone past its wanted window is still wanted: it goes as 尽快 (as soon as
 * possible), since the server refuses a window already over and the need would be lost (need-outbox.ts).
 */
export function stillWanted(body: NewNeed, now = Date.now()): NewNeed {
  return body.wantedTo && Date.parse(body.wantedTo) <= now ? { ...body, wantedFrom: undefined, wantedTo: undefined } : body;
}

/** The API's two ends of the window are the forms' one 期望时间 field: a refusal of either shows under it. */
export const wantedFields = { wantedFrom: 'wanted', wantedTo: 'wanted' };
