import { sql } from 'drizzle-orm';
import { queryRows } from '../platform/db/client.js';
import { deadlineRunningStatuses } from '../modules/needs/needs.lifecycle.js';
import { WARN_JOB } from '../modules/supervision/supervision.jobs.js';
import { escalationRoles, handlerRoles } from '../modules/supervision/supervision.policy.js';
import type { DemoStep } from './context.js';

const running = sql.join(deadlineRunningStatuses.map((s) => sql`${s}`), sql`, `);
const handlers = sql.raw(`ARRAY[${handlerRoles.map((r) => `'${r}'`).join(',')}]::text[]`);
const everyone = sql.raw(`ARRAY[${[...handlerRoles, ...escalationRoles].map((r) => `'${r}'`).join(',')}]::text[]`);
/** The key the warning job and its inbox messages carry: need, window (its deadline as JS writes it), threshold. */
const windowIso = sql`to_char(n.deadline_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The deadline watch's history on the demo's open needs, written in bulk the way the warning jobs
 * would have left it (modules/supervision): for each threshold already passed, its alert and the
 * inbox messages of everyone it told (the older ones read); for each still ahead, its job, which
 * the server fires on time. The recipients follow supervision.policy (handlers; the street once
 * overdue). Thresholds fall at the wall-clock share of the window (the demo's rules count calendar days).
 */
export const deadlinesWatchStep: DemoStep = {
  name: 'deadline watch',
  title: '“2310”时限提醒 | the 2310 deadlines',
  async run({ tx, plan }) {
    const districtId = plan.regions.district.id;
    // the window runs from acceptance, or from its restart (a reopening); a paused clock warns no one
    const at = sql`coalesce(n.window_started_at, n.accepted_at) + (n.deadline_at - coalesce(n.window_started_at, n.accepted_at)) * th.threshold / 100`;
    await tx.execute(sql`
      CREATE TEMP TABLE demo_thresholds ON COMMIT DROP AS
      SELECT n.district_id, n.id AS need_id, n.number, n.title, n.deadline_at, ${windowIso} AS window_iso, th.threshold, ${at} AS due_at,
        ARRAY(
          SELECT DISTINCT x FROM (
            SELECT t.leader_id AS x FROM teams t WHERE t.district_id = n.district_id AND t.id = n.team_id
            UNION SELECT a.volunteer_id FROM need_assignments a
              WHERE a.district_id = n.district_id AND a.need_id = n.id AND a.round = n.round AND a.status NOT IN ('released', 'done')
            UNION SELECT ac.id FROM accounts ac
              WHERE ac.district_id = n.district_id AND ac.status = 'active'
                AND ac.region_id = ANY (string_to_array(trim(both '/' from r.path), '/')::uuid[])
                AND ac.roles && (CASE WHEN th.threshold = 100 THEN ${everyone} ELSE ${handlers} END)
          ) s WHERE x IS NOT NULL
        ) AS recipients
      FROM needs n
      JOIN regions r ON r.id = n.region_id
      CROSS JOIN (VALUES (50), (80), (100)) AS th(threshold)
      WHERE n.district_id = ${districtId} AND n.status IN (${running}) AND n.accepted_at IS NOT NULL AND n.deadline_at IS NOT NULL AND n.paused_at IS NULL`);
    await tx.execute(sql`
      INSERT INTO deadline_alerts (district_id, need_id, deadline_at, threshold, fired_at, recipients)
      SELECT district_id, need_id, deadline_at, threshold, due_at, recipients FROM demo_thresholds WHERE due_at <= now()`);
    await tx.execute(sql`
      INSERT INTO inbox_messages (district_id, account_id, source_key, type, subject_type, subject_id, subject_label, params, created_at, read_at)
      SELECT d.district_id, rcpt, 'deadline:' || d.need_id || ':' || d.window_iso || ':' || d.threshold,
        CASE WHEN d.threshold = 100 THEN 'deadline.overdue' ELSE 'deadline.warn' || d.threshold END,
        'need', d.need_id, d.number, jsonb_build_object('needTitle', d.title), d.due_at,
        CASE WHEN d.due_at < now() - interval '2 days' THEN d.due_at + interval '3 hours' END
      FROM demo_thresholds d CROSS JOIN LATERAL unnest(d.recipients) AS rcpt
      WHERE d.due_at <= now()`);
    await tx.execute(sql`
      INSERT INTO jobs (district_id, name, key, run_at, payload)
      SELECT district_id, ${WARN_JOB}, need_id || ':' || window_iso || ':' || threshold, due_at,
        jsonb_build_object('needId', need_id, 'deadlineAt', window_iso, 'threshold', threshold)
      FROM demo_thresholds WHERE due_at > now()`);
    const [counts] = await queryRows<{ fired: number; ahead: number }>(
      tx,
      sql`SELECT count(*) FILTER (WHERE due_at <= now())::int AS fired, count(*) FILTER (WHERE due_at > now())::int AS ahead FROM demo_thresholds`,
    );
    return { alerts: counts!.fired, scheduled: counts!.ahead };
  },
};
