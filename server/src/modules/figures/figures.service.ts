import type { Actor } from '../../platform/auth/actor.js';
import type { PlatformDeps } from '../../platform/deps.js';
import { regionInScope } from '../../platform/scope/scope.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FigureCounts, FigureGroup, FigureGrouping } from '../needs/needs.figures.js';
import type { NeedsService } from '../needs/needs.service.js';
import { periodOf } from './figures.period.js';
import type { GroupBy } from './figures.schemas.js';

/*
 * 办理考核 — the figures of the order chain for a period and a subtree, per grid, community, street or
 * team, and in total. The definitions (the page's help text says the same, locales figures.help.*):
 *   response time   submitted → accepted, median and mean hours, over needs accepted in the period
 *   on-time rate    按时办结率: of needs completed in the period that had a deadline, the share
 *                   completed by it (completed_at <= deadline_at)
 *   satisfaction    满意率: of the ratings given in the period, the share of 4 or 5 stars
 *   reopen rate     重办率: of needs completed in the period, the share that had been reopened first
 *                   (a poor rating sent them back: round > 1)
 *   overdue         open needs (not completed, closed, cancelled, rejected or merged) past their
 *                   deadline now, by the platform clock; due soon: within the next 24 hours
 * A rate is null when nothing was counted (no 0 % for an empty community). The counts are made in
 * one statement by the needs module (needs.figures.ts), which owns the tables.
 */

export type SummaryQuery = { from?: string; to?: string; regionId?: string; groupBy?: GroupBy };
export type OverdueListQuery = { regionId?: string; window?: 'overdue' | 'dueSoon'; page: number; pageSize: number };

type Deps = PlatformDeps & { needs: NeedsService; audit: AuditService };

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function withRates(c: FigureCounts) {
  return { ...c, onTimeRate: rate(c.onTime, c.withDeadline), satisfactionRate: rate(c.satisfied, c.rated), reopenRate: rate(c.reopened, c.completed) };
}
export type Figures = ReturnType<typeof withRates>;

const grouping = (by: GroupBy): FigureGrouping => (by === 'team' ? { by: 'team' } : { by: 'region', level: by });

/** Higher on-time rate first, then satisfaction, then fewer overdue; groups with nothing to rate last. */
function compareGroups(a: Figures & { name: string | null }, b: Figures & { name: string | null }): number {
  const desc = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : y - x);
  return desc(a.onTimeRate, b.onTimeRate) || desc(a.satisfactionRate, b.satisfactionRate) || a.overdue - b.overdue || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'zh-CN');
}

export function rank(groups: FigureGroup[], groupBy: GroupBy) {
  return groups
    .map((g) => withRates(g) as Figures & { id: string | null; name: string | null; parentName: string | null })
    .sort(compareGroups)
    // grids are named alike across communities ("第一网格"): only they carry the name of their parent
    .map((g, i) => ({ rank: i + 1, ...g, parentName: groupBy === 'grid' ? g.parentName : null }));
}

export function createFiguresService(deps: Deps) {
  /** The node counted: the filter (in the caller's scope, else 404) or the caller's own node. */
  async function subtree(actor: Actor, regionId: string | undefined) {
    const node = await regionInScope(deps.db, actor, regionId ?? actor.regionId);
    return node;
  }

  async function summary(actor: Actor, q: SummaryQuery) {
    const now = deps.clock.now();
    const period = periodOf(q, now);
    const node = await subtree(actor, q.regionId);
    const groupBy = q.groupBy ?? 'community';
    const counts = await deps.needs.figureCounts(actor, { regionPath: node.path, start: period.start, end: period.end, now, group: grouping(groupBy) });
    return {
      from: period.from,
      to: period.to,
      groupBy,
      regionId: node.id,
      regionName: node.name,
      now: now.toISOString(),
      totals: withRates(counts.total),
      groups: rank(counts.groups, groupBy),
    };
  }

  async function overdue(actor: Actor, q: OverdueListQuery) {
    const now = deps.clock.now();
    const node = await subtree(actor, q.regionId);
    const { items, total } = await deps.needs.overdueNeeds(actor, { regionPath: node.path, now, window: q.window ?? 'overdue', limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    const hoursPast = (deadlineAt: string) => Math.round((now.getTime() - Date.parse(deadlineAt)) / 360_000) / 10;
    return { items: items.map((i) => ({ ...i, hoursPast: hoursPast(i.deadlineAt) })), total, page: q.page, pageSize: q.pageSize };
  }

  return {
    summary,
    overdue,
    /** What the workbook holds: the summary and every overdue need (up to `cap`), audited before a byte leaves. */
    async forExport(actor: Actor, q: SummaryQuery, cap: number) {
      const sum = await summary(actor, q);
      const list = await overdue(actor, { regionId: sum.regionId, window: 'overdue', page: 1, pageSize: cap });
      await deps.audit.record(actor, {
        action: 'figures.export',
        objectType: 'figures',
        regionId: sum.regionId,
        details: { from: sum.from, to: sum.to, groupBy: sum.groupBy, groups: sum.groups.length, overdue: list.items.length },
      });
      return { summary: sum, overdue: list.items };
    },
  };
}

export type FiguresService = ReturnType<typeof createFiguresService>;
