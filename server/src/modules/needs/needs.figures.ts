import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { pathInScope, subtreeOf } from '../../platform/scope/scope.js';
import { regions } from '../../platform/scope/regions.table.js';
import { scopeError } from '../../platform/scope/scope.errors.js';
import type { TeamsService } from '../teams/teams.service.js';
import { deadlineRunningStatuses } from './needs.lifecycle.js';
import { DUE_SOON_MS, nextDueChange } from './needs.queries.js';
import { needEvents, needs } from './needs.table.js';

/*
 * The counts behind the figures page (办理考核, modules/figures), in one aggregate statement per call.
 * What each count means — modules/figures/figures.definitions.ts states it for people:
 *   received          needs submitted (created_at) in the period
 *   accepted          needs accepted (accepted_at) in the period; response hours = accepted_at − created_at
 *   completed         needs whose current completion (completed_at) is in the period; a reopen clears
 *                     completed_at, so a need counts once, with the round that got it done
 *   withDeadline / onTime   of those, the ones with a deadline / done by it (completed_at <= deadline_at)
 *   reopened          of those, the ones reopened before (round > 1: a poor rating sent them back)
 *   rated / satisfied ratings given in the period (the timeline's `rate` events: the need keeps only its
 *                     latest rating and no time for it) / those of 4–5 stars
 *   overdue / dueSoon open needs (not completed, rated, closed, cancelled, rejected or merged) whose
 *                     deadline has passed at `now` / falls within the next 24 hours
 * A need counts in the group of its place's ancestor of the chosen level (regions' materialised path),
 * or of its team; needs with none (a need at a street node, grouped by grid; not dispatched) make
 * the group `null`. The totals row counts every need once.
 */

/** Overdue counts only while the deadline runs: the same states the lists and warnings use, a paused clock (挂起) not. */
const running = sql.join(deadlineRunningStatuses.map((s) => sql`${s}`), sql`, `);

export type FigureGrouping = { by: 'team' } | { by: 'region'; level: 'street' | 'community' | 'grid' };
export type FigureQuery = {
  /** The subtree counted: the caller's own, or a node inside it. */
  regionPath: string;
  start: Date;
  end: Date;
  now: Date;
  group: FigureGrouping;
};

export type FigureCounts = {
  received: number;
  accepted: number;
  responseMedianHours: number | null;
  responseMeanHours: number | null;
  completed: number;
  withDeadline: number;
  onTime: number;
  reopened: number;
  rated: number;
  satisfied: number;
  overdue: number;
  dueSoon: number;
};
/** A group: its node (or team) and, for a node, the name of the node above it (grids are often named alike). */
export type FigureGroup = FigureCounts & { id: string | null; name: string | null; parentName: string | null };

export type FigureResult = { total: FigureCounts; groups: FigureGroup[] };
/**
 * The counts as at `from` (the query's now), which stay exactly these until `until` unless something
 * is written: the first moment the clock alone moves a need into "due soon" or "overdue" (ms since 1970).
 */
export type CountedFigures = { counts: FigureResult; from: number; until: number };

type Row = {
  next_change: number | null;
  gid: string | null; gname: string | null; gparent: string | null; total: number; received: number; accepted: number; response_median: number | string | null; response_mean: number | string | null;
  completed: number; with_deadline: number; on_time: number; reopened: number; rated: number; satisfied: number; overdue: number; due_soon: number;
};

export type FigureDeps = { db: Db; teams: TeamsService };

export function assertWithin(actor: Actor, path: string): void {
  // the figures module looks the node up in the caller's scope first; this keeps the rule here too
  if (!pathInScope(actor, path)) throw scopeError('regions.not_found');
}

const num = (v: number | string | null) => (v === null ? null : Number(v));
const open = sql`${needs.status} IN (${running}) AND ${needs.pausedAt} IS NULL`;
const between = (col: SQL | typeof needs.createdAt, q: FigureQuery) => sql`(${col} >= ${q.start.toISOString()}::timestamptz AND ${col} < ${q.end.toISOString()}::timestamptz)`;

/** The group of each region in scope: its ancestor-or-self of the level (the path's ids, hash-joined). */
function regionGroups(districtId: string, level: string): SQL {
  return sql`SELECT s.id AS region_id, g.id AS group_id, g.name AS group_name, p.name AS parent_name
    FROM scoped s
    CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from s.path), '/')) AS a(seg)
    JOIN ${regions} g ON g.id::text = a.seg AND g.type = ${level} AND g.district_id = ${districtId}
    LEFT JOIN ${regions} p ON p.id = g.parent_id`;
}

/**
 * Per group and in total: one scan of the scope's needs, with the period's ratings joined per need.
 * The roll-ups are materialised: each is worked out once, not again for every need scanned. The
 * planner plans the statement as it likes: pricing nested loops out (as this did
 * until 2026-12-03, against a nested plan of over ten minutes before the roll-ups were materialised)
 * made a community's figures take 0.9–1.1 s on PostgreSQL, against 5 ms planned freely, and 53–102 ms
 * on PGlite against 36. The plan does need the region tree's statistics: a district's figures took 12 s
 * on PostgreSQL (32 s on PGlite) with none at all, 0.1–0.4 s with `regions` analysed and nothing else.
 * The demo analyses it before the app opens (demo/history.pace.ts); otherwise autovacuum, or on PGlite
 * the upkeep's minute pass, does within a minute of a big import.
 */
export async function countFigures(deps: FigureDeps, actor: Actor, q: FigureQuery): Promise<CountedFigures> {
  assertWithin(actor, q.regionPath);
  const d = actor.districtId;
  const now = q.now.toISOString();
  const soon = new Date(q.now.getTime() + DUE_SOON_MS).toISOString();
  const byRegion = q.group.by === 'region';
  const response = sql`extract(epoch FROM (n.accepted_at - n.created_at)) / 3600.0`;
  const acceptedIn = between(sql`n.accepted_at`, q);
  const completedIn = between(sql`n.completed_at`, q);
  // a paused clock (挂起) is neither overdue nor due soon
  const openN = sql`n.status IN (${running}) AND n.paused_at IS NULL`;
  const rows = await queryRows<Row>(
    deps.db,
    sql`WITH scoped AS MATERIALIZED (SELECT ${regions.id} AS id, ${regions.path} AS path FROM ${regions} WHERE ${regions.districtId} = ${d} AND ${subtreeOf(q.regionPath)}),
      grp AS MATERIALIZED (${byRegion ? regionGroups(d, q.group.by === 'region' ? q.group.level : '') : sql`SELECT NULL::uuid AS region_id, NULL::uuid AS group_id, NULL::text AS group_name, NULL::text AS parent_name WHERE false`}),
      rt AS MATERIALIZED (
        SELECT e.need_id, count(*)::int AS rated, (count(*) FILTER (WHERE (e.data->>'rating')::int >= 4))::int AS satisfied
        FROM ${needEvents} e
        WHERE e.district_id = ${d} AND e.action = 'rate' AND ${between(sql`e.at`, q)}
        GROUP BY e.need_id),
      base AS (
        SELECT n.*, ${byRegion ? sql`grp.group_id` : sql`n.team_id`} AS gid, ${byRegion ? sql`grp.group_name` : sql`NULL::text`} AS gname, grp.parent_name AS gparent,
          coalesce(rt.rated, 0) AS n_rated, coalesce(rt.satisfied, 0) AS n_satisfied
        FROM ${needs} n
        JOIN scoped s ON s.id = n.region_id
        LEFT JOIN grp ON grp.region_id = n.region_id
        LEFT JOIN rt ON rt.need_id = n.id
        WHERE n.district_id = ${d}
          AND (${between(sql`n.created_at`, q)} OR ${acceptedIn} OR ${completedIn} OR rt.need_id IS NOT NULL
               OR (${openN} AND n.deadline_at < ${soon}::timestamptz)))
      SELECT ${nextDueChange(sql`${needs.districtId} = ${d} AND ${needs.regionId} IN (SELECT id FROM scoped)`, q.now)} AS next_change, n.gid, n.gname, n.gparent, GROUPING(n.gid, n.gname, n.gparent)::int AS total,
        (count(*) FILTER (WHERE ${between(sql`n.created_at`, q)}))::int AS received,
        (count(*) FILTER (WHERE ${acceptedIn}))::int AS accepted,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${response}) FILTER (WHERE ${acceptedIn}) AS response_median,
        avg(${response}) FILTER (WHERE ${acceptedIn}) AS response_mean,
        (count(*) FILTER (WHERE ${completedIn}))::int AS completed,
        (count(*) FILTER (WHERE ${completedIn} AND n.deadline_at IS NOT NULL))::int AS with_deadline,
        (count(*) FILTER (WHERE ${completedIn} AND n.completed_at <= n.deadline_at))::int AS on_time,
        (count(*) FILTER (WHERE ${completedIn} AND n.round > 1))::int AS reopened,
        coalesce(sum(n.n_rated), 0)::int AS rated,
        coalesce(sum(n.n_satisfied), 0)::int AS satisfied,
        (count(*) FILTER (WHERE ${openN} AND n.deadline_at < ${now}::timestamptz))::int AS overdue,
        (count(*) FILTER (WHERE ${openN} AND n.deadline_at >= ${now}::timestamptz AND n.deadline_at < ${soon}::timestamptz))::int AS due_soon
      FROM base n
      GROUP BY GROUPING SETS ((n.gid, n.gname, n.gparent), ())`,
  );
  const toCounts = (r: Row | undefined): FigureCounts => ({
    received: r?.received ?? 0, accepted: r?.accepted ?? 0, responseMedianHours: num(r?.response_median ?? null), responseMeanHours: num(r?.response_mean ?? null),
    completed: r?.completed ?? 0, withDeadline: r?.with_deadline ?? 0, onTime: r?.on_time ?? 0, reopened: r?.reopened ?? 0, rated: r?.rated ?? 0,
    satisfied: r?.satisfied ?? 0, overdue: r?.overdue ?? 0, dueSoon: r?.due_soon ?? 0,
  });
  const groupRows = rows.filter((r) => Number(r.total) === 0);
  const teamNames = byRegion ? new Map<string, string>() : await deps.teams.namesOf(d, groupRows.map((r) => r.gid).filter((id): id is string => !!id));
  const counts = {
    total: toCounts(rows.find((r) => Number(r.total) !== 0)),
    groups: groupRows.map((r) => ({ id: r.gid, name: byRegion ? r.gname : r.gid ? (teamNames.get(r.gid) ?? null) : null, parentName: r.gparent, ...toCounts(r) })),
  };
  // the totals row is always there; with no open deadline ahead only a write changes the counts
  const next = rows[0]?.next_change;
  return { counts, from: q.now.getTime(), until: next === null || next === undefined ? Infinity : Number(next) };
}

export type OverdueQuery = { regionPath: string; now: Date; window: 'overdue' | 'dueSoon'; limit: number; offset: number };
export type OverdueNeed = { id: string; number: string; title: string; status: string; severity: string; regionName: string; place: string[]; teamId: string | null; teamName: string | null; deadlineAt: string };

/** Open needs past their deadline (most overdue first), or due within 24 hours (soonest first). */
export async function overdueNeeds(deps: FigureDeps, actor: Actor, q: OverdueQuery): Promise<{ items: OverdueNeed[]; total: number }> {
  assertWithin(actor, q.regionPath);
  const now = q.now.toISOString();
  const soon = new Date(q.now.getTime() + DUE_SOON_MS).toISOString();
  const due = q.window === 'overdue' ? sql`${needs.deadlineAt} < ${now}::timestamptz` : sql`${needs.deadlineAt} >= ${now}::timestamptz AND ${needs.deadlineAt} < ${soon}::timestamptz`;
  const where = sql`${needs.districtId} = ${actor.districtId} AND ${open} AND ${due} AND ${regions.districtId} = ${actor.districtId} AND ${subtreeOf(q.regionPath)}`;
  const [rows, [count]] = await Promise.all([
    queryRows<{ id: string; number: string; title: string; status: string; severity: string; region_name: string; place: string[]; team_id: string | null; deadline_at: string | Date }>(
      deps.db,
      sql`SELECT ${needs.id} AS id, ${needs.number} AS number, ${needs.title} AS title, ${needs.status} AS status, ${needs.severity} AS severity,
            ${regions.name} AS region_name, ${regions.place} AS place, ${needs.teamId} AS team_id, ${needs.deadlineAt} AS deadline_at
          FROM ${needs} JOIN ${regions} ON ${regions.id} = ${needs.regionId}
          WHERE ${where}
          ORDER BY ${needs.deadlineAt} ASC, ${needs.id} ASC
          LIMIT ${q.limit} OFFSET ${q.offset}`,
    ),
    queryRows<{ n: number }>(deps.db, sql`SELECT count(*)::int AS n FROM ${needs} JOIN ${regions} ON ${regions.id} = ${needs.regionId} WHERE ${where}`),
  ]);
  const teamNames = await deps.teams.namesOf(actor.districtId, [...new Set(rows.map((r) => r.team_id).filter((t): t is string => !!t))]);
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id, number: r.number, title: r.title, status: r.status, severity: r.severity, regionName: r.region_name, place: r.place, teamId: r.team_id,
      teamName: r.team_id ? (teamNames.get(r.team_id) ?? null) : null, deadlineAt: new Date(r.deadline_at).toISOString(),
    })),
  };
}
