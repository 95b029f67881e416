import dayjs from 'dayjs';
import { TIME_ZONE } from '../../lib/time';

export type Month = { label: string; from: string; to: string };

/**
 * The last `count` calendar months up to the server's now (Asia/Shanghai), the current one up to
 * today: the periods the trend asks the figures page's own summary for, one each.
 */
export function lastMonths(nowIso: string, count: number): Month[] {
  const today = dayjs(nowIso).tz(TIME_ZONE);
  return Array.from({ length: count }, (_, i) => {
    const start = today.subtract(count - 1 - i, 'month').startOf('month');
    const end = i === count - 1 ? today : start.endOf('month');
    return { label: start.format('YYYY-MM'), from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') };
  });
}
