import type { Actor } from '../../platform/auth/actor.js';
import type { PlatformDeps } from '../../platform/deps.js';
import { regionInScope } from '../../platform/scope/scope.js';
import type { CategoriesService } from '../need-categories/categories.service.js';
import type { FiguresService } from '../figures/figures.service.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import type { NeedsService } from '../needs/needs.service.js';
import type { TeamsService } from '../teams/teams.service.js';
import type { VolunteersService } from '../volunteers/volunteers.service.js';
import { topCategories, topTeams } from './dashboard.policy.js';
import { screenPeriods } from './dashboard.period.js';

/*
 * 大屏 — the command centre's wall screen (SPEC §10) over the caller's subtree, or a node inside it
 * (else 404, as the figures answer): this year's totals, the last 12 months, the year's categories,
 * the grid map, this month's on-time rate, satisfaction and best teams and volunteers, the year's
 * points. It owns no table: the order chain counts needs (kept between requests, so a wall of screens
 * refreshing every minute costs one count per change), the figures rate this month, the registry,
 * the teams and the ledger answer for what is theirs.
 */

type Deps = PlatformDeps & { needs: NeedsService; figures: FiguresService; volunteers: VolunteersService; teams: TeamsService; ledger: LedgerService; categories: CategoriesService };

const TOP_VOLUNTEERS = 10;

export function createDashboardService(deps: Deps) {
  /** The year's needs per top-level category, named in both languages (the screen picks its reader's). */
  async function categoriesOf(districtId: string, counts: { categoryId: string; received: number }[]) {
    const all = await deps.categories.list(districtId);
    return topCategories(all, counts);
  }

  return {
    async screen(actor: Actor, q: { regionId?: string }) {
      const node = await regionInScope(deps.db, actor, q.regionId ?? actor.regionId);
      const now = deps.clock.now();
      const p = screenPeriods(now);
      const within = { districtId: actor.districtId, regionPath: node.path };
      const [counts, grids, month, volunteers, activeVolunteers, teams, hours, points] = await Promise.all([
        deps.needs.screenCounts(actor, { regionPath: node.path, monthBounds: p.trend.bounds, categoriesFrom: p.year.start, categoriesTo: p.year.end }),
        deps.needs.gridLoads(actor, { regionPath: node.path, now }),
        // this month's rates and teams as the assessment page counts them (its counts are kept too)
        deps.figures.summary(actor, { from: p.month.from, to: p.month.to, regionId: node.id, groupBy: 'team' }),
        // the district's root holds every volunteer: no subtree condition to plan
        deps.volunteers.honours({ districtId: actor.districtId, regionPath: node.parentId === null ? null : node.path, from: p.month.from, to: p.month.to, limit: TOP_VOLUNTEERS }),
        deps.volunteers.countActive(actor.districtId, node.path),
        deps.teams.countActive(actor.districtId, node.path),
        deps.volunteers.hoursVerified({ ...within, from: p.year.from, to: p.year.to }),
        deps.ledger.pointsTotals(actor.districtId, { regionPath: node.path, from: p.year.from, to: p.year.to }),
      ]);
      const trend = p.trend.months.map((m, i) => ({ month: m, ...counts.months[i]! }));
      const thisYear = trend.filter((t) => t.month.startsWith(`${p.year.year}-`));
      const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
      return {
        regionId: node.id,
        regionName: node.name,
        now: now.toISOString(),
        year: p.year.year,
        month: p.month.month,
        totals: {
          received: sum(thisYear, (t) => t.received),
          completed: sum(thisYear, (t) => t.completed),
          open: grids.open,
          overdue: grids.overdue,
          onTimeRate: month.totals.onTimeRate,
          satisfactionRate: month.totals.satisfactionRate,
          activeVolunteers,
          teams,
          verifiedHours: Math.round(hours * 10) / 10,
          pointsIssued: points.issued,
          pointsRedeemed: points.redeemed,
        },
        trend,
        categories: await categoriesOf(actor.districtId, counts.categories),
        grids: grids.grids,
        teams: topTeams(month.groups),
        volunteers,
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
