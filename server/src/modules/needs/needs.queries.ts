import { and, asc, desc, eq, gte, ilike, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { isStaff } from '../../platform/auth/roles.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { inScope, regionInScope } from '../../platform/scope/scope.js';
import type { RegionsService } from '../regions/regions.service.js';
import { regions } from '../regions/regions.table.js';
import type { TeamsService } from '../teams/teams.service.js';
import { needAssignments } from './assignments.table.js';
import { needCategories } from './categories.table.js';
import type { NeedRow } from './needs.access.js';
import type { NeedStatus } from './needs.lifecycle.js';
import { requesterDisclosure } from './needs.policy.js';
import { needs } from './needs.table.js';
import type { NeedView } from './needs.enums.js';
import { toNeedSummary, type SummaryRow } from './needs.view.js';

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
  page: number;
  pageSize: number;
};

type Deps = { db: Db; regions: RegionsService; teams: TeamsService };

/** The list a caller may see: staff their subtree, residents their own, leaders their team's, volunteers the pool and their tasks. */
export async function viewCondition(deps: Deps, actor: Actor, view: NeedListQuery['view']): Promise<SQL> {
  const mine = (col: typeof needs.requesterId) => eq(col, actor.accountId);
  switch (view) {
    case 'all':
      if (!isStaff(actor.roles)) throw new AppError('auth.forbidden', 403);
      return inScope(actor, needs);
    case 'mine':
      return and(
        eq(needs.districtId, actor.districtId),
        or(mine(needs.requesterId), sql`${needs.id} IN (SELECT need_id FROM need_followers WHERE district_id = ${actor.districtId} AND account_id = ${actor.accountId})`),
      )!;
    case 'team': {
      const teamIds = (await deps.teams.ledBy(actor)).map((t) => t.id);
      return and(eq(needs.districtId, actor.districtId), teamIds.length ? inArray(needs.teamId, teamIds) : sql`false`)!;
    }
    case 'pool': {
      if (!actor.roles.includes('volunteer')) throw new AppError('auth.forbidden', 403);
      const area = await deps.regions.ancestorPath(actor.regionPath, 'community');
      return and(
        eq(needs.districtId, actor.districtId),
        isNull(needs.teamId),
        inArray(needs.status, ['pooled', 'claimed']),
        lt(needs.filled, needs.slots),
        sql`${needs.regionId} IN (SELECT id FROM regions WHERE path LIKE ${area + '%'})`,
      )!;
    }
    case 'tasks':
      return and(
        eq(needs.districtId, actor.districtId),
        sql`${needs.id} IN (SELECT need_id FROM need_assignments WHERE district_id = ${actor.districtId} AND volunteer_id = ${actor.accountId})`,
      )!;
  }
}

export async function filters(deps: Deps, actor: Actor, q: NeedListQuery): Promise<SQL[]> {
  const conds: SQL[] = [];
  if (q.status) conds.push(inArray(needs.status, q.status.split(',')));
  if (q.categoryId) {
    conds.push(sql`${needs.categoryId} IN (SELECT id FROM need_categories WHERE district_id = ${actor.districtId} AND (id = ${q.categoryId} OR parent_id = ${q.categoryId}))`);
  }
  if (q.regionId) {
    const node = await regionInScope(deps.db, actor, q.regionId);
    conds.push(sql`${needs.regionId} IN (SELECT id FROM regions WHERE path LIKE ${node.path + '%'})`);
  }
  if (q.channel) conds.push(eq(needs.channel, q.channel));
  if (q.kind) conds.push(eq(needs.kind, q.kind));
  if (q.from) conds.push(gte(needs.createdAt, new Date(q.from)));
  if (q.to) conds.push(lte(needs.createdAt, new Date(q.to)));
  if (q.q) conds.push(or(ilike(needs.title, `%${q.q.replace(/[\\%_]/g, '\\$&')}%`), eq(needs.number, q.q))!);
  return conds;
}

const listColumns = { need: needs, regionPath: regions.path, regionName: regions.name, categoryName: needCategories.name, categoryNameEn: needCategories.nameEn, categoryCode: needCategories.code };

export async function listNeeds(deps: Deps, actor: Actor, q: NeedListQuery, limit = q.pageSize, offset = (q.page - 1) * q.pageSize) {
  const where = and(await viewCondition(deps, actor, q.view), ...(await filters(deps, actor, q)));
  const [rows, [count]] = await Promise.all([
    deps.db
      .select(listColumns)
      .from(needs)
      .innerJoin(regions, eq(regions.id, needs.regionId))
      .innerJoin(needCategories, and(eq(needCategories.districtId, needs.districtId), eq(needCategories.id, needs.categoryId)))
      .where(where)
      .orderBy(q.view === 'pool' ? asc(needs.createdAt) : desc(needs.createdAt), desc(needs.id))
      .limit(limit)
      .offset(offset),
    deps.db.select({ n: sql<number>`count(*)::int` }).from(needs).where(where),
  ]);
  const teamNames = await deps.teams.namesOf(actor.districtId, [...new Set(rows.map((r) => r.need.teamId).filter((t): t is string => !!t))]);
  const items = rows.map((r) => toListItem(actor, q.view, r, teamNames));
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** A row as a list reads it: the need's summary columns (or all of them), its place and category. */
export type ListRow = {
  need: Omit<SummaryRow, 'regionName'> & Pick<NeedRow, 'requesterId'>;
  regionName: string;
  categoryName: string;
  categoryNameEn: string;
  categoryCode: string;
};

/** One row of a list as the caller may see it (the export writes the same, so both mask alike). */
export function toListItem(actor: Actor, view: NeedView, r: ListRow, teamNames: Map<string, string>) {
  const row: SummaryRow = { ...r.need, regionName: r.regionName };
  const parties = new Set(
    view === 'all' ? (['communityAdmin'] as const) : view === 'team' ? (['teamLeader'] as const) : view === 'tasks' ? (['assignee'] as const) : r.need.requesterId === actor.accountId ? (['requester'] as const) : ([] as const),
  );
  const disclosure = requesterDisclosure(parties, r.need.status as NeedStatus);
  return toNeedSummary(row, { category: { name: r.categoryName, nameEn: r.categoryNameEn, code: r.categoryCode }, teamName: r.need.teamId ? teamNames.get(r.need.teamId) : null }, disclosure);
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
