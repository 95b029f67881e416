import { sql } from 'drizzle-orm';
import { queryRows } from '../platform/db/client.js';
import type { DemoContext, DemoStep } from './context.js';
import { IN_SERVICE_PARTY_MEMBER } from './names.js';

/** Work units of the in-service party members (在职党员), who report to their residence community. */
const workUnits = ['县税务局', '县人民医院', '县第一中学', '县自然资源局', '县供电公司', '县农商银行', '县市场监督管理局', '县交通运输局', '县住建局', '县人社局', '县实验小学', '县卫健局'];
const rejections = ['联系电话无法接通，请核实后重新申请', '住址不在本社区，请向居住地社区申请'];

/**
 * The registry of the demo district: every holder of the volunteer role becomes an active registered
 * volunteer, numbered in the order they joined (the day the demo year's accounts were made); those the
 * plan marked as in-service party members report with their work unit (and lose the marker skill);
 * about a quarter are party members. Their confirmed order hours go on their record, as the order
 * chain's confirmation writes them, and set their verified hours. A few residents per community have
 * applied and wait for the community; a few were refused, two are suspended.
 * Everything is derived in SQL from what the earlier steps wrote, by stable hashes: the same each time.
 */
export const volunteersStep: DemoStep = {
  name: 'volunteers',
  title: '志愿者注册与服务记录 | volunteers and their service',
  async run({ tx, plan }) {
    const districtId = plan.regions.district.id;
    const units = sql.raw(`ARRAY[${workUnits.map((u) => `'${u}'`).join(',')}]`);
    await tx.execute(sql`
      INSERT INTO volunteers (district_id, account_id, number, status, region_id, community_id, political_status, in_service, work_unit, availability, service_radius_m, applied_at, decided_at)
      SELECT a.district_id, a.id, 'LX' || lpad((row_number() OVER (ORDER BY a.created_at, a.phone))::text, 6, '0'), 'active', a.region_id, c.id,
             CASE WHEN ${IN_SERVICE_PARTY_MEMBER} = ANY(a.skills) THEN 'party'
                  WHEN abs(hashtext(a.id::text)) % 100 < 12 THEN 'party'
                  WHEN abs(hashtext(a.id::text)) % 100 < 15 THEN 'probationary'
                  WHEN a.birth_year >= 1998 AND abs(hashtext(a.id::text)) % 100 < 60 THEN 'league'
                  ELSE 'masses' END,
             ${IN_SERVICE_PARTY_MEMBER} = ANY(a.skills),
             CASE WHEN ${IN_SERVICE_PARTY_MEMBER} = ANY(a.skills) THEN (${units})[1 + abs(hashtext(a.phone)) % ${workUnits.length}] END,
             jsonb_build_array(jsonb_build_object('weekday', 1 + abs(hashtext(a.phone)) % 7, 'from', '08:30', 'to', '11:30'),
                               jsonb_build_object('weekday', 6, 'from', '14:00', 'to', '17:00')),
             (ARRAY[500, 1000, 1000, 1500, 3000])[1 + abs(hashtext(a.id::text || 'r')) % 5],
             joined.at, joined.at + make_interval(days => 1 + abs(hashtext(a.phone)) % 5)
      FROM accounts a
      -- registered one week to four years before the demo's first need: before any service or activity on their record
      CROSS JOIN (SELECT coalesce(min(created_at), now()) AS first FROM needs WHERE district_id = ${districtId}) since
      CROSS JOIN LATERAL (SELECT since.first - make_interval(days => 7 + abs(hashtext(a.id::text || 'since')) % 1460) AS at) joined
      JOIN regions h ON h.id = a.region_id
      JOIN regions c ON c.type = 'community' AND starts_with(h.path, c.path)
      WHERE a.district_id = ${districtId} AND 'volunteer' = ANY(a.roles)`);
    await tx.execute(sql`UPDATE accounts SET skills = array_remove(skills, ${IN_SERVICE_PARTY_MEMBER}) WHERE district_id = ${districtId} AND ${IN_SERVICE_PARTY_MEMBER} = ANY(skills)`);
    // orders confirmed in the demo year: on the record as confirmHours writes them (title and number, the Shanghai day served)
    await tx.execute(sql`
      INSERT INTO volunteer_service_entries (district_id, account_id, source, source_id, title, served_on, hours, facts, verified_at)
      SELECT h.district_id, h.volunteer_id, 'order', h.need_id, left(n.title || '（' || n.number || '）', 200),
             to_char(coalesce(n.completed_at, h.confirmed_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'), h.hours,
             jsonb_build_object('rating', n.rating, 'severity', n.severity), coalesce(h.confirmed_at, n.completed_at)
      FROM service_hours h
      JOIN needs n ON n.district_id = h.district_id AND n.id = h.need_id
      JOIN volunteers v ON v.district_id = h.district_id AND v.account_id = h.volunteer_id
      WHERE h.district_id = ${districtId} AND h.status = 'confirmed'`);
    await refreshVerifiedHours(tx, districtId);
    // residents who applied lately: three per community wait for approval, one was refused
    const applied = await queryRows<{ n: number }>(tx, sql`
      WITH pick AS (
        SELECT a.id, a.region_id, c.id AS community_id, a.created_at,
               row_number() OVER (PARTITION BY c.id ORDER BY hashtext(a.id::text)) AS k
        FROM accounts a
        JOIN regions h ON h.id = a.region_id
        JOIN regions c ON c.type = 'community' AND starts_with(h.path, c.path)
        WHERE a.district_id = ${districtId} AND a.roles = ARRAY['resident'] AND a.birth_year BETWEEN 1960 AND 2004
      )
      INSERT INTO volunteers (district_id, account_id, status, status_reason, region_id, community_id, political_status, availability, applied_at, decided_at)
      SELECT ${districtId}, id, CASE WHEN k = 4 THEN 'refused' ELSE 'applied' END,
             CASE WHEN k = 4 THEN (${sql.raw(`ARRAY[${rejections.map((r) => `'${r}'`).join(',')}]`)})[1 + abs(hashtext(id::text)) % 2] END,
             region_id, community_id, CASE WHEN k = 1 THEN 'league' ELSE 'masses' END,
             jsonb_build_array(jsonb_build_object('weekday', 6, 'from', '09:00', 'to', '12:00')),
             timestamptz '2026-11-20 02:00:00+00' + (k * interval '1 day'), CASE WHEN k = 4 THEN timestamptz '2026-11-27 02:00:00+00' END
      FROM pick WHERE k <= 4
      RETURNING 1 AS n`);
    // two volunteers of the first community suspended after complaints (their role goes with it)
    const suspended = await queryRows<{ account_id: string }>(tx, sql`
      UPDATE volunteers SET status = 'suspended', status_reason = '接单后多次未按约定上门服务，经核实暂停服务三个月', decided_at = timestamptz '2026-11-15 06:00:00+00'
      WHERE district_id = ${districtId} AND account_id IN (
        SELECT account_id FROM volunteers WHERE district_id = ${districtId} AND status = 'active' AND community_id = ${plan.regions.communities[0]!.id}
          AND account_id NOT IN (SELECT id FROM accounts WHERE district_id = ${districtId} AND phone LIKE '1380000%')
          AND account_id NOT IN (SELECT leader_id FROM teams WHERE district_id = ${districtId})
        ORDER BY hashtext(account_id::text) LIMIT 2)
      RETURNING account_id`);
    for (const s of suspended) await tx.execute(sql`UPDATE accounts SET roles = array_remove(roles, 'volunteer') WHERE district_id = ${districtId} AND id = ${s.account_id}`);
    await tx.execute(sql`
      INSERT INTO volunteer_settings (district_id, next_number)
      SELECT ${districtId}, count(number) + 1 FROM volunteers WHERE district_id = ${districtId}
      ON CONFLICT (district_id) DO UPDATE SET next_number = excluded.next_number`);
    const [counts] = await queryRows<{ registered: number; entries: number; starred: number }>(tx, sql`
      SELECT (SELECT count(*)::int FROM volunteers WHERE district_id = ${districtId} AND number IS NOT NULL) AS registered,
             (SELECT count(*)::int FROM volunteer_service_entries WHERE district_id = ${districtId}) AS entries,
             (SELECT count(*)::int FROM volunteers WHERE district_id = ${districtId} AND verified_hours >= 100) AS starred`);
    return { volunteers: counts!.registered, applications: applied.length, serviceEntries: counts!.entries, starred: counts!.starred };
  },
};

/** Verified hours are the sum of the record (a later demo step that adds entries calls this again). */
export async function refreshVerifiedHours(tx: DemoContext['tx'], districtId: string): Promise<void> {
  await tx.execute(sql`
    UPDATE volunteers v SET verified_hours = coalesce(s.h, 0)
    FROM (SELECT account_id, sum(hours) AS h FROM volunteer_service_entries WHERE district_id = ${districtId} GROUP BY account_id) s
    WHERE v.district_id = ${districtId} AND v.account_id = s.account_id`);
}

/**
 * The demo year's approved activity hours on the volunteers' record, as the registry's subscriber
 * writes them from `activities.hoursApproved` (the demo's activities are bulk-written, not approved
 * one by one), and the verified totals — so the stars follow activities and orders together.
 */
export const activityRecordStep: DemoStep = {
  name: 'activityRecord',
  title: '活动签到与服务时长 | activity check-ins and hours',
  async run({ tx, plan }) {
    const districtId = plan.regions.district.id;
    const written = await queryRows<{ n: number }>(tx, sql`
      INSERT INTO volunteer_service_entries (district_id, account_id, source, source_id, title, served_on, hours, facts, verified_at)
      SELECT s.district_id, s.account_id, 'activity', s.activity_id, left(a.title, 200),
             to_char(a.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'), s.hours, jsonb_build_object('themed', a.themed), coalesce(s.decided_at, a.starts_at)
      FROM activity_signups s
      JOIN activities a ON a.district_id = s.district_id AND a.id = s.activity_id
      JOIN volunteers v ON v.district_id = s.district_id AND v.account_id = s.account_id
      WHERE s.district_id = ${districtId} AND s.hours_status = 'approved' AND s.hours > 0
      ON CONFLICT DO NOTHING
      RETURNING 1 AS n`);
    await refreshVerifiedHours(tx, districtId);
    const [starred] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM volunteers WHERE district_id = ${districtId} AND verified_hours >= 100`);
    return { activityEntries: written.length, starredVolunteers: starred!.n };
  },
};
