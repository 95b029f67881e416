import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { queryRows } from '../../platform/db/client.js';
import { subtreeOf } from '../../platform/scope/scope.js';
import { regions } from '../../platform/scope/regions.table.js';
import { assertWithin, type FigureDeps } from './needs.figures.js';
import { deadlineRunningStatuses, needStatuses, type NeedStatus } from './needs.lifecycle.js';
import { nextDueChange } from './needs.queries.js';
import { needs } from './needs.table.js';

/*
 * The counts behind the big screen (大屏, modules/dashboard) that the figures' statement does not make:
 *   trend       needs received (created_at) and completed (completed_at, the current completion, as the
 *               figures count it) per month of a run of months — one statement, the months' bounds
 *               passed in (Shanghai months are worked out by the caller: no time zone in the database)
 *   categories  needs received in a period per category (the caller rolls them up to their classes)
 *   grids       each grid of a subtree with its centre and its open and overdue needs now; open = not
 *               yet done or stopped (completed, rated, closed, rejected, merged, cancelled are not),
 *               overdue = what the figures call overdue (deadline running, not paused, past it)
 */

const ended: readonly NeedStatus[] = ['completed', 'rated', 'closed', 'rejected', 'merged', 'cancelled'];
const openStatuses = needStatuses.filter((s) => !ended.includes(s));
const list = (xs: readonly string[]) => sql.join(xs.map((s) => sql`${s}`), sql`, `);

export type ScreenCountsQuery = {
  regionPath: string;
  /** The months' bounds, oldest first: month i runs from bounds[i] to bounds[i + 1]. */
  monthBounds: Date[];
  /** The period the categories count received needs in. */
  categoriesFrom: Date;
  categoriesTo: Date;
};
export type ScreenCounts = {
  months: { received: number; completed: number }[];
  categories: { categoryId: string; received: number }[];
};

const scoped = (d: string, path: string) => sql`scoped AS MATERIALIZED (SELECT ${regions.id} AS id FROM ${regions} WHERE ${regions.districtId} = ${d} AND ${subtreeOf(path)})`;

/** The month series and the categories in one statement (one round trip, each part one scan of a period's needs). */
export async function screenCounts(deps: FigureDeps, actor: Actor, q: ScreenCountsQuery): Promise<ScreenCounts> {
  assertWithin(actor, q.regionPath);
  const d = actor.districtId;
  const bounds = sql`ARRAY[${sql.join(q.monthBounds.map((b) => sql`${b.toISOString()}::timestamptz`), sql`, `)}]`;
  const first = q.monthBounds[0]!.toISOString();
  const last = q.monthBounds.at(-1)!.toISOString();
  const inScope = sql`n.district_id = ${d} AND n.region_id IN (SELECT id FROM scoped)`;
  // width_bucket: 1 for the first month, n for the last (the WHERE keeps 0 and n + 1 out)
  const rows = await queryRows<{ part: 'r' | 'c' | 'k'; key: string; n: number }>(
    deps.db,
    sql`WITH ${scoped(d, q.regionPath)}
      SELECT 'r' AS part, width_bucket(n.created_at, ${bounds})::text AS key, count(*)::int AS n FROM ${needs} n
        WHERE ${inScope} AND n.created_at >= ${first}::timestamptz AND n.created_at < ${last}::timestamptz GROUP BY 2
      UNION ALL
      SELECT 'c', width_bucket(n.completed_at, ${bounds})::text, count(*)::int FROM ${needs} n
        WHERE ${inScope} AND n.completed_at >= ${first}::timestamptz AND n.completed_at < ${last}::timestamptz GROUP BY 2
      UNION ALL
      SELECT 'k', n.category_id::text, count(*)::int FROM ${needs} n
        WHERE ${inScope} AND n.created_at >= ${q.categoriesFrom.toISOString()}::timestamptz AND n.created_at < ${q.categoriesTo.toISOString()}::timestamptz GROUP BY 2`,
  );
  const months = q.monthBounds.slice(1).map(() => ({ received: 0, completed: 0 }));
  const categories: ScreenCounts['categories'] = [];
  for (const r of rows) {
    if (r.part === 'k') categories.push({ categoryId: r.key, received: r.n });
    else {
      const m = months[Number(r.key) - 1];
      if (m) m[r.part === 'r' ? 'received' : 'completed'] += r.n;
    }
  }
  return { months, categories };
}

export type GridLoad = { id: string; name: string; parentName: string | null; centre: { lng: number; lat: number } | null; open: number; overdue: number };
/** The grids and the subtree's totals (needs in no grid too), as at `from`, the same up to `until` unless something is written. */
export type CountedGrids = { grids: GridLoad[]; open: number; overdue: number; from: number; until: number };

/** Each grid of the subtree with its open and overdue needs now, and the subtree's totals (needs in no grid too). */
export async function gridLoads(deps: FigureDeps, actor: Actor, q: { regionPath: string; now: Date }): Promise<CountedGrids> {
  assertWithin(actor, q.regionPath);
  const d = actor.districtId;
  const overdue = sql`n.status IN (${list(deadlineRunningStatuses)}) AND n.paused_at IS NULL AND n.deadline_at < ${q.now.toISOString()}::timestamptz`;
  const rows = await queryRows<{ id: string | null; name: string | null; parent_name: string | null; centre: { lng: number; lat: number } | null; open: number; overdue: number; next_change: number | null }>(
    deps.db,
    sql`WITH scoped AS MATERIALIZED (SELECT ${regions.id} AS id, ${regions.path} AS path FROM ${regions} WHERE ${regions.districtId} = ${d} AND ${subtreeOf(q.regionPath)}),
      grid AS MATERIALIZED (
        SELECT s.id AS region_id, g.id AS grid_id FROM scoped s
        CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from s.path), '/')) AS a(seg)
        JOIN ${regions} g ON g.id::text = a.seg AND g.type = 'grid' AND g.district_id = ${d}),
      counted AS MATERIALIZED (
        SELECT grid.grid_id, count(*)::int AS open, (count(*) FILTER (WHERE ${overdue}))::int AS overdue
        FROM ${needs} n JOIN scoped s ON s.id = n.region_id LEFT JOIN grid ON grid.region_id = n.region_id
        WHERE n.district_id = ${d} AND n.status IN (${list(openStatuses)})
        GROUP BY grid.grid_id)
      SELECT g.id, g.name, p.name AS parent_name, g.centre, coalesce(c.open, 0) AS open, coalesce(c.overdue, 0) AS overdue, NULL::float8 AS next_change
        FROM ${regions} g JOIN scoped s ON s.id = g.id LEFT JOIN ${regions} p ON p.id = g.parent_id LEFT JOIN counted c ON c.grid_id = g.id
        WHERE g.type = 'grid'
      UNION ALL
      SELECT NULL, NULL, NULL, NULL, coalesce(sum(open), 0)::int, coalesce(sum(overdue), 0)::int,
        ${nextDueChange(sql`${needs.districtId} = ${d} AND ${needs.regionId} IN (SELECT id FROM scoped)`, q.now)}
        FROM counted`,
  );
  const total = rows.find((r) => r.id === null);
  const grids = rows
    .filter((r) => r.id !== null)
    .map((r) => ({ id: r.id!, name: r.name ?? '', parentName: r.parent_name, centre: r.centre, open: r.open, overdue: r.overdue }))
    .sort((a, b) => (a.parentName ?? '').localeCompare(b.parentName ?? '', 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
  const next = total?.next_change;
  return { grids, open: total?.open ?? 0, overdue: total?.overdue ?? 0, from: q.now.getTime(), until: next === null || next === undefined ? Infinity : Number(next) };
}
