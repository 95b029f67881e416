import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Every time is shown in China Standard Time, whatever the browser's zone: staff compare audit
 * entries and deadlines with what residents were told on the phone, which is always Beijing time.
 */
export const TIME_ZONE = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DD HH:mm:ss') : '';
}

/** To the minute, for dense tables (deadlines are set in days; seconds only add noise). */
export function formatMinute(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DD HH:mm') : '';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DD') : '';
}

/** A wall-clock time picked in a date picker, read as Beijing time, as an ISO instant for the API. */
export function wallClockToIso(value: Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), TIME_ZONE).toISOString();
}

/** The inverse of wallClockToIso, for putting an ISO instant from the URL back into a picker. */
export function isoToWallClock(iso: string): Dayjs {
  return dayjs(dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DDTHH:mm:ss'));
}

export function setDateLocale(language: string): void {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
}
