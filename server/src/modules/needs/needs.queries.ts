import { isStaff } from '../../platform/auth/roles.js';
import { and, asc, desc, eq, gte, ilike, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../../platform/clock/clock.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { accessError } from '../../platform/auth/auth.errors.js';
import { currentTransaction } from '../../platform/db/unit-of-work.js';
import { regionUnder } from '../../platform/scope/scope.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { TeamsService } from '../teams/teams.service.js';
import { needAssignments } from './assignments.table.js';
import type { CategoriesService, CategoryLabel } from '../need-categories/categories.service.js';
import type { NeedRow } from './needs.access.js';
import { deadlineRunningStatuses, type NeedStatus } from './needs.lifecycle.js';
import { requesterDisclosure } from './needs.policy.js';
import { needEvents, needs } from './needs.table.js';
import type { NeedView } from './needs.enums.js';
import { listViewerOf, partiesOf, viewConditions, type Subtrees, type Viewer } from './needs.scope.js';
import { toNeedSummary, type SummaryRow, type WhistleState } from './needs.view.js';
import { totalOf, type ListTotals } from './needs.list-totals.js';
import { whereKey } from './needs.kept-counts.js';
import { keepsPage, pageKey, type KeptPage, type ListPages } from './needs.list-pages.js';

export type NeedListQuery = {
  view: NeedView;
  status?: string;
  categoryId?: string;
  regionId?: string;
  channel?: string;
  kind?: string;
  from?: string;
  to?: string;
  q?: string;
  /** overdue (超期) or due within 24 hours (即将超期), both only while the deadline runs. */
  due?: 'overdue' | 'within24h';
  /** newest first (default; the pool: oldest first), the nearest deadline first, or running deadlines first (overdue on top). */
  sort?: 'newest' | 'deadline' | 'overdueFirst';
  page: number;
  pageSize: number;
};

type Deps = { db: Db; clock: Clock; teams: TeamsService; categories: CategoriesService; regions: Subtrees; totals?: ListTotals; pages?: ListPages<PageRow> };

/** The list a caller may see in one view (see needs.scope.ts); "all" is the staff ledger. */
export function viewCondition(viewer: Viewer, view: NeedListQuery['view']): SQL {
  if (view === 'all' && !isStaff(viewer.actor.roles)) throw accessError('auth.forbidden');
  if (view === 'pool' && !viewer.actor.roles.includes('volunteer')) throw accessError('auth.forbidden');
  return and(eq(needs.districtId, viewer.actor.districtId), viewConditions[view](viewer))!;
}

export async function filters(deps: Deps, actor: Actor, q: NeedListQuery): Promise<SQL[]> {
  const conds: SQL[] = [];
  if (q.status) conds.push(inArray(needs.status, q.status.split(',')));
  if (q.categoryId) {
    conds.push(inArray(needs.categoryId, await deps.categories.withChildren(actor.districtId, q.categoryId)));
  }
  if (q.regionId) {
    const node = await deps.regions.keptNodeInScope(actor, q.regionId);
    conds.push(regionUnder(needs.regionId, node.path, await deps.regions.subtree(actor.districtId, node.path)));
  }
  if (q.channel) conds.push(eq(needs.channel, q.channel));
  if (q.kind) conds.push(eq(needs.kind, q.kind));
  if (q.from) conds.push(gte(needs.createdAt, new Date(q.from)));
  if (q.to) conds.push(lte(needs.createdAt, new Date(q.to)));
  if (q.due) conds.push(dueCondition(q.due, deps.clock.now()));
  // a number matches by any part, in either case: staff type the end a resident reads out (EX63BR), or
  // the day's prefix (XQ20261205); the title is scanned for the words anyway, so the number costs nothing more
  if (q.q) {
    const words = `%${q.q.replace(/[\\%_]/g, '\\$&')}%`;
    conds.push(or(ilike(needs.title, words), ilike(needs.number, words))!);
  }
  return conds;
}

/** "Due soon" (即将超期): a running deadline within this long of now; the lists, tabs and figures all count by it. */
export const DUE_SOON_MS = 24 * 3_600_000;

/** Overdue (超期) or due within 24 hours (即将超期): only while the deadline runs and its clock is not paused. */
export function dueCondition(due: 'overdue' | 'within24h', now: Date): SQL {
  const window = due === 'overdue' ? lt(needs.deadlineAt, now) : and(gte(needs.deadlineAt, now), lt(needs.deadlineAt, new Date(now.getTime() + DUE_SOON_MS)));
  return and(inArray(needs.status, [...deadlineRunningStatuses]), isNull(needs.pausedAt), window)!;
}

/**
 * The first moment at or after `now` when the clock alone moves one of the needs `where` picks into
 * "within 24 hours" (its deadline 24 hours ahead) or into "overdue" (its deadline passed): as ms since
 * 1970, rounded down, or null when no running deadline lies ahead. Until then dueCondition picks the
 * same needs, so counts made with it hold (needs.counts.ts, needs.figures.ts keep theirs that long).
 */
export function nextDueChange(where: SQL | undefined, now: Date): SQL<number | null> {
  const ahead = sql`${needs.deadlineAt} - make_interval(secs => ${DUE_SOON_MS / 1000})`;
  return sql<number | null>`(SELECT floor(extract(epoch FROM min(CASE WHEN ${ahead} >= ${now.toISOString()}::timestamptz THEN ${ahead} ELSE ${needs.deadlineAt} END)) * 1000)::float8
    FROM ${needs} WHERE ${where} AND ${inArray(needs.status, [...deadlineRunningStatuses])} AND ${needs.pausedAt} IS NULL AND ${needs.deadlineAt} >= ${now.toISOString()}::timestamptz)`;
}

/** The deadline still runs (受理 → 结单, not paused): what "overdue first" puts at the top. */
const deadlineRunning = sql`(${needs.deadlineAt} IS NOT NULL AND ${needs.pausedAt} IS NULL AND ${inArray(needs.status, [...deadlineRunningStatuses])})`;

function listOrder(q: NeedListQuery): SQL[] {
  // the running deadlines first, nearest on top, then the rest by their deadline: on 全部, a need closed a
  // year ago has the earliest deadline of all, and 期限最近 opened on last December's finished needs
  if (q.sort === 'deadline') return [sql`${deadlineRunning} DESC`, sql`${needs.deadlineAt} ASC NULLS LAST`];
  // running deadlines first, the earliest (so the overdue) on top; then the rest, newest first
  if (q.sort === 'overdueFirst') return [sql`${deadlineRunning} DESC`, sql`CASE WHEN ${deadlineRunning} THEN ${needs.deadlineAt} END ASC`, desc(needs.createdAt)];
  return [q.view === 'pool' ? asc(needs.createdAt) : desc(needs.createdAt)];
}

/**
 * The columns a list row is made of rather than the whole need: decoding the rows was the larger part
 * of a list's (and an export's) CPU, and half of it went to columns no row shows. `satisfies` keeps it
 * complete when the summary grows.
 */
export const rowColumns = {
  need: {
    id: needs.id, number: needs.number, kind: needs.kind, categoryId: needs.categoryId, title: needs.title, status: needs.status, severity: needs.severity,
    channel: needs.channel, regionId: needs.regionId, address: needs.address, requesterId: needs.requesterId, requesterName: needs.requesterName,
    requesterPhone: needs.requesterPhone, slots: needs.slots, filled: needs.filled, teamId: needs.teamId, rulingPending: needs.rulingPending,
    duplicateOf: needs.duplicateOf, rating: needs.rating, createdAt: needs.createdAt, acceptedAt: needs.acceptedAt, deadlineAt: needs.deadlineAt,
    pausedAt: needs.pausedAt, completedAt: needs.completedAt, whistle: whistleWhileEscalated(),
  } satisfies Record<keyof ListRow['need'], unknown>,
  regionName: regions.name,
  regionPath: regions.path,
};

/**
 * The state of an escalated need's latest whistle, read from its timeline as the detail reads it
 * (`whistleOf`): the tag 已吹哨 becomes 已结束吹哨 once the street closes it. Only for an escalated
 * row, the one state whose tag it changes: a page's other rows cost nothing, an escalated one a walk
 * back over its own timeline rows (the primary key's (district, need, seq)). Null for the others.
 */
function whistleWhileEscalated() {
  return sql<WhistleState>`CASE WHEN ${needs.status} = 'escalated' THEN (SELECT CASE e.action WHEN 'whistle' THEN 'open' ELSE 'closed' END FROM ${needEvents} e
    WHERE e.district_id = ${needs.districtId} AND e.need_id = ${needs.id} AND e.action IN ('whistle', 'whistleClose') ORDER BY e.seq DESC LIMIT 1) END`;
}

/** Whether the caller holds a live slot of the current round: what the detail calls "assignee". */
export const liveSlotOf = (actor: Actor) =>
  sql<boolean>`EXISTS (SELECT 1 FROM ${needAssignments} a WHERE a.district_id = ${needs.districtId} AND a.need_id = ${needs.id} AND a.round = ${needs.round} AND a.volunteer_id = ${actor.accountId} AND a.status <> 'released')`;

export async function listNeeds(deps: Deps, actor: Actor, q: NeedListQuery) {
  const viewer = await listViewerOf(deps.db, deps, actor);
  const now = deps.clock.now();
  const where = and(viewCondition(viewer, q.view), ...(await filters(deps, actor, q)));
  const [limit, offset] = [q.pageSize, (q.page - 1) * q.pageSize];
  // a staff ledger's page and its total, kept until what they show changes (needs.list-pages.ts, needs.list-totals.ts)
  const keeping = keepsPage(q, Boolean(currentTransaction()));
  const key = keeping && (deps.totals || deps.pages) ? whereKey(deps.db, where) : undefined;
  const read = () => readPage(deps, actor, q, where, limit, offset, key !== undefined ? deps.totals : undefined, key);
  const { rows, total } = key !== undefined && deps.pages ? await deps.pages.keptOrCounted(pageKey(actor, key, q, limit, offset), actor.districtId, () => true, read) : await read();
  const teamNames = new Map(rows.filter((r) => r.need.teamId && r.teamName !== null).map((r) => [r.need.teamId!, r.teamName!]));
  // the categories' labels as they are now, kept apart from the page (categories.service.ts labelsOf)
  const categories = await deps.categories.labelsOf(actor.districtId, [...new Set(rows.map((r) => r.need.categoryId))]);
  // each row carries its full place (街道 › 社区 › 网格 › 楼栋) from the same statement
  const items = rows.map((r) => ({ ...toListItem(viewer, r, teamNames, categories, now), place: r.place }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** A list row with its full place and its team's name (its category's label is read per request: listNeeds). */
export type PageRow = ListRow & { place: string[]; teamName: string | null };

/** One page of the list and the list's total, from the database (the total kept in `totals` under `key`). */
async function readPage(deps: Deps, actor: Actor, q: NeedListQuery, where: SQL | undefined, limit: number, offset: number, totals?: ListTotals, key?: string): Promise<KeptPage<PageRow>> {
  const order = [...listOrder(q), desc(needs.id)];
  // The page's ids first, sorted and cut on the need alone; the place, the names and the caller's slot
  // are then worked out for those rows only. In one statement PostgreSQL worked them out for every row
  // it skipped too: the last page of a community's 900 needs took 24 ms instead of 4.
  const page = deps.db.select({ id: needs.id }).from(needs).where(where).orderBy(...order).limit(limit).offset(offset);
  const kept = totals && key !== undefined ? totals.get(key) : undefined;
  const generation = totals?.generation() ?? 0;
  // the page, its places and total in one statement (the total is one uncorrelated subquery)
  const rows = await deps.db
    .select({
      ...rowColumns,
      place: regions.place,
      liveSlot: liveSlotOf(actor),
      total: kept === undefined ? totalOf(where) : sql<number>`NULL::int`,
    })
    .from(needs)
    .innerJoin(regions, eq(regions.id, needs.regionId))
    .where(and(eq(needs.districtId, actor.districtId), inArray(needs.id, page)))
    .orderBy(...order);
  // past the last page there is no row to carry the total
  const total = kept ?? (rows.length ? rows[0]!.total : offset === 0 ? 0 : ((await deps.db.select({ n: sql<number>`count(*)::int` }).from(needs).where(where))[0]?.n ?? 0));
  if (totals && key !== undefined && kept === undefined) totals.set(key, total, generation, actor.districtId);
  // the teams' names from the district's kept names (teams.service.ts namesOf), kept with the page as the
  // page's own read gave them: with a subquery per row for them, PostgreSQL planned the statement at every run
  const names = await deps.teams.namesOf(actor.districtId, [...new Set(rows.flatMap((r) => (r.need.teamId ? [r.need.teamId] : [])))]);
  return { rows: rows.map((r) => ({ ...r, teamName: r.need.teamId ? (names.get(r.need.teamId) ?? null) : null })), total };
}

/** A row as a list reads it: the need's summary columns (or all of them), its place, and the caller's slot. */
export type ListRow = {
  need: Omit<SummaryRow, 'regionName'> & Pick<NeedRow, 'requesterId'>;
  regionName: string;
  regionPath: string;
  liveSlot: boolean;
};

/**
 * One row of a list as the caller may see it: the same relation the detail page works out
 * (partiesOf), so a list — or the export, which writes the same — never shows more than the detail.
 */
export function toListItem(viewer: Viewer, r: ListRow, teamNames: Map<string, string>, categories: Map<string, CategoryLabel>, now: Date) {
  const row: SummaryRow = { ...r.need, regionName: r.regionName };
  const parties = partiesOf(viewer, { ...r.need, regionPath: r.regionPath, liveSlot: r.liveSlot });
  const disclosure = requesterDisclosure(parties, r.need.status as NeedStatus);
  return toNeedSummary(row, { category: categories.get(r.need.categoryId), teamName: r.need.teamId ? teamNames.get(r.need.teamId) : null }, now, disclosure);
}

/** Open tasks per member for a leader's roster. */
export async function openTasksOf(db: Db, districtId: string, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: needAssignments.volunteerId, n: sql<number>`count(*)::int` })
    .from(needAssignments)
    .where(and(eq(needAssignments.districtId, districtId), inArray(needAssignments.volunteerId, ids), inArray(needAssignments.status, ['claimed', 'serving'])))
    .groupBy(needAssignments.volunteerId);
  return new Map(rows.map((r) => [r.id, r.n]));
}
