import type { Role } from '../platform/auth/roles.js';
import { fixedAccounts } from './fixed-accounts.js';
import type { DemoPerson } from './plan.js';
import type { DemoRegion, RegionPlan } from './plan.js';

/** Who's who in the planned district, indexed the ways the teams and needs generators look people up. */
export type Cast = {
  regions: RegionPlan;
  byId: Map<string, DemoRegion>;
  /** Building → its grid, community and street (people and needs hang on buildings). */
  gridOf: Map<string, DemoRegion>;
  communityOf: Map<string, DemoRegion>;
  streetOf: Map<string, DemoRegion>;
  buildingsIn: Map<string, DemoRegion[]>;
  /** Residents (volunteers included) and volunteers, by community id. */
  residentsIn: Map<string, DemoPerson[]>;
  volunteersIn: Map<string, DemoPerson[]>;
  /** The staff account bound to a node (street admin, community admin, grid worker). */
  staffAt: Map<string, DemoPerson>;
  fixed: Record<'districtAdmin' | 'streetAdmin' | 'communityAdmin' | 'gridWorker' | 'teamLeader' | 'volunteer' | 'resident', DemoPerson>;
};

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

const fixedPhone = (role: Role) => fixedAccounts.find((a) => a.roles[0] === role)!.phone;

export function castOf(regions: RegionPlan, people: DemoPerson[]): Cast {
  const byId = new Map([regions.district, ...regions.streets, ...regions.communities, ...regions.grids, ...regions.buildings].map((r) => [r.id, r]));
  const gridOf = new Map<string, DemoRegion>();
  const communityOf = new Map<string, DemoRegion>();
  const streetOf = new Map<string, DemoRegion>();
  const buildingsIn = new Map<string, DemoRegion[]>();
  for (const b of regions.buildings) {
    const grid = byId.get(b.parentId!)!;
    const community = byId.get(grid.parentId!)!;
    gridOf.set(b.id, grid);
    communityOf.set(b.id, community);
    streetOf.set(b.id, byId.get(community.parentId!)!);
    push(buildingsIn, community.id, b);
  }
  const residentsIn = new Map<string, DemoPerson[]>();
  const volunteersIn = new Map<string, DemoPerson[]>();
  const staffAt = new Map<string, DemoPerson>();
  const byPhone = new Map<string, DemoPerson>();
  for (const p of people) {
    byPhone.set(p.phone, p);
    const community = communityOf.get(p.regionId);
    if (!community) {
      // the fixed demo staff come first, so they act for their nodes and their names show on
      // community 1's timelines; every other node gets its generated staff account
      if (!staffAt.has(p.regionId) && !p.roles.includes('partner')) staffAt.set(p.regionId, p);
      continue;
    }
    if (p.roles.includes('resident')) push(residentsIn, community.id, p);
    if (p.roles.includes('volunteer')) push(volunteersIn, community.id, p);
  }
  const fixed = {
    districtAdmin: byPhone.get(fixedPhone('districtAdmin'))!,
    streetAdmin: byPhone.get(fixedPhone('streetAdmin'))!,
    communityAdmin: byPhone.get(fixedPhone('communityAdmin'))!,
    gridWorker: byPhone.get(fixedPhone('gridWorker'))!,
    teamLeader: byPhone.get(fixedPhone('teamLeader'))!,
    volunteer: byPhone.get(fixedPhone('volunteer'))!,
    resident: byPhone.get(fixedPhone('resident'))!,
  };
  return { regions, byId, gridOf, communityOf, streetOf, buildingsIn, residentsIn, volunteersIn, staffAt, fixed };
}
