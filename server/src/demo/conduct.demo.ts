import { sql } from 'drizzle-orm';
import { LIFT_JOB } from '../modules/conduct/conduct.record.js';
import { queryRows } from '../platform/db/client.js';
import type { DemoStep } from './context.js';

/**
 * A few conduct incidents in the first community, recorded by its admin (王秀梅): the two volunteers
 * the registry suspended after complaints each hold their suspension through an incident (lifted by
 * its job on 15 February), three are points only, one appeal waits for the street (孙立新), and one
 * appeal was upheld by it. Picked by stable hashes among ordinary volunteers (not the fixed accounts,
 * whose stories the other tests tell), so the same each time. No inbox messages or domain events: the
 * demo's history, not news.
 */
export const conductStep: DemoStep = {
  name: 'conduct',
  title: '负面言行记录 | conduct incidents',
  async run({ tx, plan }) {
    const districtId = plan.regions.district.id;
    const communityId = plan.regions.communities[0]!.id;
    const rows = await queryRows<{ id: string; suspension: string }>(tx, sql`
      WITH staff AS (
        SELECT (SELECT id FROM accounts WHERE district_id = ${districtId} AND phone = '13800000002') AS recorder,
               (SELECT id FROM accounts WHERE district_id = ${districtId} AND phone = '13800000001') AS street
      ),
      suspended AS (
        SELECT account_id, region_id, row_number() OVER (ORDER BY hashtext(account_id::text)) AS k
        FROM volunteers WHERE district_id = ${districtId} AND community_id = ${communityId} AND status = 'suspended'
      ),
      active AS (
        SELECT account_id, region_id, row_number() OVER (ORDER BY hashtext(account_id::text || 'conduct')) AS k
        FROM volunteers WHERE district_id = ${districtId} AND community_id = ${communityId} AND status = 'active'
          AND account_id NOT IN (SELECT id FROM accounts WHERE district_id = ${districtId} AND phone LIKE '1380000%')
      ),
      story (who, k, code, what, at, suspension, until, status, statement, outcome, reason) AS (VALUES
        ('suspended', 1, 'noShowAfterTaking', '11月内三次领取上门服务任务后未到岗，也未提前请假，居民多次投诉。', timestamptz '2026-11-15 06:00:00+00', 'active', '2027-02-15', 'recorded', NULL, NULL, NULL),
        ('suspended', 2, 'noShowAfterTaking', '领取助老陪诊任务后无故未到，导致老人错过门诊预约。', timestamptz '2026-11-15 06:00:00+00', 'active', '2027-02-15', 'recorded', NULL, NULL, NULL),
        ('active', 1, 'lateOrEarly', '周末环境整治活动迟到四十分钟。', timestamptz '2026-10-18 01:40:00+00', 'none', NULL, 'recorded', NULL, NULL, NULL),
        ('active', 2, 'noShowActivity', '报名“28日主题党日”活动后未到场，也未取消报名。', timestamptz '2026-10-28 01:00:00+00', 'none', NULL, 'recorded', NULL, NULL, NULL),
        ('active', 3, 'rudeness', '入户走访时与居民发生争执，言语不当。', timestamptz '2026-11-08 07:30:00+00', 'none', NULL, 'recorded', NULL, NULL, NULL),
        ('active', 4, 'proxyCheckIn', '11月22日活动签到记录显示其签到，但现场照片中无本人。', timestamptz '2026-11-22 01:00:00+00', 'none', NULL, 'appealing', '当天我到场了，只是站在拍照区域外，带队的队长可以作证。', NULL, NULL),
        ('active', 5, 'rudeness', '被反映在便民服务点态度生硬。', timestamptz '2026-11-03 02:00:00+00', 'none', NULL, 'annulled', '当时是居民情绪激动，我一直耐心解释，有监控录像可查。', 'upheld', '经调阅监控，志愿者态度并无不当，记录撤销。')
      ),
      picked AS (
        SELECT s.*, coalesce(su.account_id, a.account_id) AS account_id, coalesce(su.region_id, a.region_id) AS region_id, e.id AS entry_id, e.points
        FROM story s
        LEFT JOIN suspended su ON s.who = 'suspended' AND su.k = s.k
        LEFT JOIN active a ON s.who = 'active' AND a.k = s.k
        JOIN conduct_entries e ON e.district_id = ${districtId} AND e.code = s.code
        WHERE coalesce(su.account_id, a.account_id) IS NOT NULL
      )
      INSERT INTO conduct_incidents (district_id, account_id, region_id, entry_id, what, occurred_at, points, suspension, suspend_until, status,
                                     recorded_by, recorder_rank, recorded_at, appeal_statement, appealed_at, outcome, outcome_reason, decided_by, decided_at)
      SELECT ${districtId}, p.account_id, p.region_id, p.entry_id, p.what, p.at, p.points, p.suspension, p.until, p.status,
             staff.recorder, 2, p.at + interval '3 hours', p.statement, CASE WHEN p.statement IS NOT NULL THEN p.at + interval '2 days' END,
             p.outcome, p.reason, CASE WHEN p.outcome IS NOT NULL THEN staff.street END, CASE WHEN p.outcome IS NOT NULL THEN p.at + interval '4 days' END
      FROM picked p CROSS JOIN staff
      RETURNING id, suspension`);
    // the suspensions end on their day: the lifting job, keyed by the incident as the service schedules it
    await tx.execute(sql`
      INSERT INTO jobs (district_id, name, key, run_at, payload)
      SELECT district_id, ${LIFT_JOB}, id::text, (suspend_until || 'T00:00:00+08:00')::timestamptz, jsonb_build_object('incidentId', id)
      FROM conduct_incidents WHERE district_id = ${districtId} AND suspension = 'active' AND suspend_until IS NOT NULL`);
    return { conductIncidents: rows.length, conductSuspensions: rows.filter((r) => r.suspension === 'active').length };
  },
};
