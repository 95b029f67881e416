import { JOBS } from '../modules/activities/activities.jobs.js';
import { createSink } from './bulk.js';
import { castOf } from './cast.js';
import type { DemoStep } from './context.js';
import { demoUuid } from './identity.js';
import type { DemoPerson } from './plan.js';
import { streamRng, type Rng } from './random.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR; // Asia/Shanghai, all year

const routines = [
  { title: '周六楼道清洁志愿服务', category: 'environment', place: '社区广场集合', description: '清理楼道杂物和小广告，整理公共区域。' },
  { title: '周六助老探访', category: 'elderly', place: '社区党群服务中心', description: '走访独居老人，陪伴聊天，代买生活用品。' },
];
const themes = ['主题党日：重温入党誓词', '主题党日：垃圾分类宣传', '主题党日：消防安全进楼栋', '主题党日：关爱困难群众'];
const summaries = ['本次活动顺利开展，志愿者分组入户，居民反响良好。', '活动共清理楼道杂物二十余处，发放宣传资料一百余份。', '党员志愿者带头参与，现场秩序井然，活动圆满完成。'];

/** 00:00 Shanghai of the day `at` falls on, as epoch ms. */
const localMidnight = (at: number) => Math.floor((at + OFFSET) / DAY) * DAY - OFFSET;
const localDayOfMonth = (at: number) => new Date(at + OFFSET).getUTCDate();
const localWeekday = (at: number) => ((new Date(at + OFFSET).getUTCDay() + 6) % 7) + 1;

type Occurrence = { series: 'weekly' | 'themed'; startsAt: number; title: string; category: string; place: string; description: string };

/** A year back and a month ahead of one community: the Saturday routine and the themed days on the 15th and 28th. */
function occurrencesOf(rng: Rng, now: number): Occurrence[] {
  const routine = rng.pick(routines);
  const out: Occurrence[] = [];
  for (let day = localMidnight(now - 365 * DAY); day <= now + 30 * DAY; day += DAY) {
    if (localWeekday(day) === 6) out.push({ series: 'weekly', startsAt: day + 9 * HOUR, ...routine });
    const dom = localDayOfMonth(day);
    if (dom === 15 || dom === 28) out.push({ series: 'themed', startsAt: day + 14.5 * HOUR, title: rng.pick(themes), category: 'elderly', place: '社区党群服务中心', description: '党员志愿者集中开展主题党日活动。' });
  }
  return out;
}

/**
 * 志愿活动 of every community over the past year and the month ahead: the weekly routine on Saturday
 * mornings and the themed days (主题党日) on the 15th and the 28th, each series a row of
 * `activity_series`. Past ones are finished with their sign-ups, check-ins by code (a few by roll
 * call, a few no-shows) and approved hours (the last fortnight's still waiting for the organiser);
 * coming ones are open with a few sign-ups and their timers scheduled. Written column-wise in bulk.
 */
export const activitiesStep: DemoStep = {
  name: 'activities',
  title: '志愿服务活动 | activities',
  async run({ tx, plan, deps }) {
    const districtId = plan.regions.district.id;
    const cast = castOf(plan.regions, plan.people);
    const rng = streamRng(plan.seed, 'activities');
    const now = deps.clock.now().getTime();
    const series = createSink(tx, 'activity_series', { district_id: 'uuid', id: 'uuid', recurrence: 'jsonb', created_by: 'uuid', created_at: 'timestamptz' });
    const rows = createSink(tx, 'activities', {
      district_id: 'uuid', id: 'uuid', series_id: 'uuid', region_id: 'uuid', title: 'text', description: 'text', category_code: 'text', place: 'text',
      starts_at: 'timestamptz', ends_at: 'timestamptz', capacity: 'int4', signed_count: 'int4', themed: 'bool', status: 'text', summary: 'text', created_by: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz',
    });
    const signups = createSink(tx, 'activity_signups', {
      district_id: 'uuid', activity_id: 'uuid', account_id: 'uuid', status: 'text', signed_up_at: 'timestamptz', no_show: 'bool', checked_in_at: 'timestamptz', check_in_via: 'text',
      checked_out_at: 'timestamptz', check_out_via: 'text', hours: 'numeric', hours_status: 'text', decided_by: 'uuid', decided_at: 'timestamptz',
    });
    const timers = createSink(tx, 'jobs', { district_id: 'uuid', name: 'text', key: 'text', payload: 'jsonb', run_at: 'timestamptz' });
    const until = new Date(now + 30 * DAY + OFFSET).toISOString().slice(0, 10);

    for (const community of cast.regions.communities) {
      const organiser = cast.staffAt.get(community.id) ?? cast.fixed.communityAdmin;
      const volunteers: DemoPerson[] = cast.volunteersIn.get(community.id) ?? [];
      const seriesId = { weekly: demoUuid(plan.seed, `activity-series:${community.id}:weekly`), themed: demoUuid(plan.seed, `activity-series:${community.id}:themed`) };
      const created = new Date(now - 366 * DAY).toISOString();
      series.push({ district_id: districtId, id: seriesId.weekly, recurrence: JSON.stringify({ kind: 'weekly', weekdays: [6], until }), created_by: organiser.id, created_at: created });
      series.push({ district_id: districtId, id: seriesId.themed, recurrence: JSON.stringify({ kind: 'monthly', days: [15, 28], until }), created_by: organiser.id, created_at: created });

      occurrencesOf(rng, now).forEach((o, i) => {
        const id = demoUuid(plan.seed, `activity:${community.id}:${i}`);
        const startsAt = o.startsAt;
        const endsAt = startsAt + 2 * HOUR;
        const past = endsAt < now;
        const capacity = o.series === 'themed' ? 30 : 15;
        const people = rng.sample(volunteers, Math.min(volunteers.length, past ? rng.int(4, 12) : rng.int(0, 5)));
        for (const p of people) {
          const signedUpAt = new Date(startsAt - rng.int(1, 6) * DAY).toISOString();
          if (!past) {
            signups.push({ district_id: districtId, activity_id: id, account_id: p.id, status: 'signed', signed_up_at: signedUpAt, no_show: false });
            continue;
          }
          const noShow = rng.chance(0.05);
          const checkIn = startsAt + rng.int(-15, 10) * 60_000;
          const checkOut = endsAt + rng.int(-20, 10) * 60_000;
          const hours = (Math.min(checkOut - checkIn, 2 * HOUR) / HOUR).toFixed(2);
          const recent = now - endsAt < 14 * DAY;
          signups.push({
            district_id: districtId, activity_id: id, account_id: p.id, status: 'signed', signed_up_at: signedUpAt, no_show: noShow,
            ...(noShow ? {} : { checked_in_at: new Date(checkIn).toISOString(), check_in_via: rng.chance(0.1) ? 'rollcall' : 'qr', checked_out_at: new Date(checkOut).toISOString(), check_out_via: 'qr', hours, hours_status: recent ? 'pending' : 'approved', decided_by: recent ? null : organiser.id, decided_at: recent ? null : new Date(endsAt + DAY).toISOString() }),
          });
        }
        rows.push({
          district_id: districtId, id, series_id: seriesId[o.series], region_id: community.id, title: o.title, description: o.description, category_code: o.category, place: o.place,
          starts_at: new Date(startsAt).toISOString(), ends_at: new Date(endsAt).toISOString(), capacity, signed_count: people.length, themed: o.series === 'themed',
          status: past ? 'finished' : 'published', summary: past && o.series === 'themed' ? rng.pick(summaries) : null, created_by: organiser.id, created_at: created, updated_at: created,
        });
        if (!past) {
          const payload = JSON.stringify({ activityId: id, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() });
          const at = (ms: number) => new Date(ms).toISOString();
          timers.push({ district_id: districtId, name: JOBS.reminder, key: `${id}:${at(startsAt)}`, payload, run_at: at(Math.max(now, startsAt - 2 * HOUR)) });
          timers.push({ district_id: districtId, name: JOBS.finish, key: `${id}:${at(endsAt)}`, payload, run_at: at(endsAt) });
          timers.push({ district_id: districtId, name: JOBS.autoCheckout, key: `${id}:${at(endsAt)}`, payload, run_at: at(endsAt + 2 * HOUR) });
        }
      });
      // parents first: the series, then the activities, then their sign-ups
      if (rows.pending > 5_000) {
        await series.flush();
        await rows.flush();
        await signups.flush();
      }
    }
    await series.flush();
    await rows.flush();
    await signups.flush();
    await timers.flush();
    return { activities: rows.written, activitySignups: signups.written, activityTimers: timers.written };
  },
};
