import { systemActor } from '../../platform/auth/actor.js';
import { cacheOnFirstUse, keptRead } from '../../platform/db/change-cache.js';
import type { PlatformDeps } from '../../platform/deps.js';
import type { FilesService } from '../files/files.service.js';
import type { FiguresService } from '../figures/figures.service.js';
import type { BoardSection } from '../needs/needs.board.js';
import type { NeedsService } from '../needs/needs.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import type { TeamsService } from '../teams/teams.service.js';
import type { VolunteersService } from '../volunteers/volunteers.service.js';
import { boardError } from './board.errors.js';
import { boardMonth } from './board.policy.js';

/*
 * 公示 — a district's public board (SPEC §10), read without signing in: the wish wall, accepted needs
 * and results (anonymised, only what the requester consented to and the community did not take down),
 * each community's figures for a month and the honour roll. It owns no table: it asks the order chain,
 * the figures, the volunteer registry and the teams, each through its service, as the system of the
 * district. Nothing here is personal beyond an honoured volunteer's name.
 */

type Deps = PlatformDeps & { regions: RegionsService; needs: NeedsService; figures: FiguresService; volunteers: VolunteersService; teams: TeamsService; files: FilesService };

export type BoardNeedsQuery = { regionId?: string; section: BoardSection; page: number; pageSize: number };
export type BoardMonthQuery = { regionId?: string; month?: string };

const HONOURED_VOLUNTEERS = 10;
const HONOURED_TEAMS = 5;

/*
 * Anyone may ask, signed in or not, so what the board answers is kept between requests: a crowd opening
 * the board reads the database once per page, month and place. Let go of by this instance's writes to
 * what it reads and by the other instances' notifications on needs, teams, regions and categories; the
 * verified hours (the honour roll) send none, so another instance's are seen within the minute.
 */
const BOARD_TABLES = ['needs', 'need_events', 'need_assignments', 'regions', 'teams', 'need_categories', 'volunteers', 'volunteer_service_entries', 'accounts'];

export function createBoardService(deps: Deps) {
  const kept = cacheOnFirstUse<unknown>(deps.database, { name: 'public board cache', tables: BOARD_TABLES, channels: ['lianxin_needs', 'lianxin_teams', 'lianxin_regions', 'lianxin_categories'], maxEntries: 2_000, maxAgeMs: 60_000 });
  const keep = <T>(key: string, read: () => Promise<T>) => keptRead(kept.cache(), key, read) as Promise<T>;

  /** The district (a root of the region tree) and the place asked for within it, else 404. */
  async function placeOf(districtId: string, regionId?: string) {
    const district = await deps.regions.publicNode(districtId);
    if (!district || district.parentId !== null || district.id !== district.districtId) throw boardError('board.not_found');
    if (!regionId || regionId === district.id) return { district, node: district };
    const node = await deps.regions.publicNode(regionId);
    // only the district's streets and communities: a grid or a building would point at a door
    if (!node || node.districtId !== district.id || (node.type !== 'street' && node.type !== 'community')) throw boardError('board.region_not_found', { field: 'regionId' });
    return { district, node };
  }

  function monthOf(month: string | undefined) {
    const period = boardMonth(month, deps.clock.now());
    if (!period) throw boardError('board.bad_month', { field: 'month' });
    return period;
  }

  return {
    async needs(districtId: string, q: BoardNeedsQuery) {
      const { district, node } = await placeOf(districtId, q.regionId);
      const read = () =>
        deps.needs.boardNeeds({ districtId: district.id, regionPath: node === district ? null : node.path, section: q.section, limit: q.pageSize, offset: (q.page - 1) * q.pageSize, now: deps.clock.now() });
      const page = await keep(`needs|${node.id}|${q.section}|${q.page}|${q.pageSize}`, read);
      return { ...page, page: q.page, pageSize: q.pageSize };
    },

    /** A photo of a shown result: the need must be on the board and the photo its completion's. */
    async photo(districtId: string, needId: string, photoId: string) {
      const { district } = await placeOf(districtId);
      if (!(await deps.needs.isBoardPhoto(district.id, needId, photoId))) throw boardError('board.not_found');
      return deps.files.read(systemActor(district.id, district.path), photoId);
    },

    /** Each community's (or, under a community, its own) figures of the month: what the 每月通报 says. */
    async figures(districtId: string, q: BoardMonthQuery) {
      const { district, node } = await placeOf(districtId, q.regionId);
      const period = monthOf(q.month);
      return keep(`figures|${node.id}|${period.month}|${period.to}`, async () => {
      const sum = await deps.figures.summary(systemActor(district.id, district.path), { from: period.from, to: period.to, regionId: node.id, groupBy: 'community' });
      const pick = (f: (typeof sum)['totals']) => ({ received: f.received, accepted: f.accepted, completed: f.completed, onTimeRate: f.onTimeRate, satisfactionRate: f.satisfactionRate, rated: f.rated });
      return {
        month: period.month, from: period.from, to: period.to, regionName: node.name,
        totals: pick(sum.totals),
        // needs of no community (recorded on the street itself) are in the totals only
        communities: sum.groups.filter((g) => g.id !== null).map((g) => ({ id: g.id!, name: g.name ?? '', ...pick(g) })),
      };
      });
    },

    /** 光荣榜: the month's volunteers by verified hours and teams by orders completed. */
    async honours(districtId: string, q: BoardMonthQuery) {
      const { district, node } = await placeOf(districtId, q.regionId);
      const period = monthOf(q.month);
      const regionPath = node === district ? null : node.path;
      return keep(`honours|${node.id}|${period.month}|${period.to}`, async () => {
      const [volunteers, teams] = await Promise.all([
        deps.volunteers.honours({ districtId: district.id, regionPath, from: period.from, to: period.to, limit: HONOURED_VOLUNTEERS }),
        deps.figures.summary(systemActor(district.id, district.path), { from: period.from, to: period.to, regionId: node.id, groupBy: 'team' }),
      ]);
      const ranked = teams.groups
        .filter((g) => g.id !== null && g.completed > 0)
        .sort((a, b) => b.completed - a.completed || (b.satisfactionRate ?? -1) - (a.satisfactionRate ?? -1))
        .slice(0, HONOURED_TEAMS)
        .map((g, i) => ({ rank: i + 1, name: g.name ?? '', completed: g.completed, satisfactionRate: g.satisfactionRate }));
      return { month: period.month, regionName: node.name, volunteers, teams: ranked };
      });
    },

    /** Settles once answers are kept (PostgreSQL: once this instance hears of changes). */
    keeping: kept.ready,
    close: kept.close,
  };
}

export type BoardService = ReturnType<typeof createBoardService>;
