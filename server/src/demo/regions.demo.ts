import { regions } from '../platform/scope/regions.table.js';
import { inBatches, type DemoStep, type ScaleSizes } from './context.js';
import { demoUuid } from './identity.js';
import { buildingName, communityNames, DISTRICT, gridName, streetSpecs } from './places.js';
import type { DemoRegion, DemoRegionType, RegionPlan } from './plan.js';
import { streamRng, type Rng } from './random.js';




// How far children spread around their parent's centre, in degrees (~0.01° ≈ 1 km here).
const spread: Record<DemoRegionType, number> = { district: 0, street: 0.04, community: 0.012, grid: 0.004, building: 0.0012 };

type NodeMaker = (parent: DemoRegion, spec: { code: string; name: string; type: DemoRegionType; sortOrder: number; rural: boolean }) => DemoRegion;

function nodeMaker(seed: number, rng: Rng): NodeMaker {
  const jitter = (value: number, by: number) => Math.round((value + (rng.next() * 2 - 1) * by) * 1e6) / 1e6;
  return (parent, spec) => {
    const id = demoUuid(seed, `region:${spec.code}`);
    return {
      ...spec,
      id,
      parentId: parent.id,
      districtId: parent.districtId,
      depth: parent.depth + 1,
      path: `${parent.path}${id}/`,
      centre: { lng: jitter(parent.centre.lng, spread[spec.type]), lat: jitter(parent.centre.lat, spread[spec.type]) },
    };
  };
}

/** Spreads `total` grids over the communities: everyone gets the floor, a random few one more. */
function gridsPerCommunity(rng: Rng, communities: number, total: number): number[] {
  const counts = new Array<number>(communities).fill(Math.floor(total / communities));
  for (const i of rng.sample([...counts.keys()], total % communities)) counts[i]! += 1;
  return counts;
}

/**
 * Codes follow the national pattern: district 370402, street 370402001, community 370402001001;
 * grids and buildings extend their parent's code with G01 / B01 so a code alone locates a node.
 */
export function planRegions(seed: number, sizes: ScaleSizes): RegionPlan {
  const rng = streamRng(seed, 'regions');
  const make = nodeMaker(seed, rng);
  const districtId = demoUuid(seed, `region:${DISTRICT.code}`);
  const district: DemoRegion = {
    id: districtId,
    parentId: null,
    districtId,
    code: DISTRICT.code,
    name: DISTRICT.name,
    type: 'district',
    depth: 0,
    path: `/${districtId}/`,
    centre: { ...DISTRICT.centre },
    sortOrder: 0,
    rural: false,
  };
  const plan: RegionPlan = { district, streets: [], communities: [], grids: [], buildings: [] };
  const usedNames = new Set<string>();
  streetSpecs.slice(0, sizes.streets).forEach((spec, s) => {
    const street = make(district, { code: `${DISTRICT.code}${String(s + 1).padStart(3, '0')}`, name: spec.name, type: 'street', sortOrder: s, rural: spec.rural });
    plan.streets.push(street);
    communityNames(rng, spec, sizes.communitiesPerStreet, usedNames).forEach((name, c) => {
      const code = `${street.code}${String(c + 1).padStart(3, '0')}`;
      plan.communities.push(make(street, { code, name, type: 'community', sortOrder: c, rural: name.endsWith('村') }));
    });
  });
  const gridCounts = gridsPerCommunity(rng, plan.communities.length, sizes.grids);
  plan.communities.forEach((community, c) => {
    let buildingNo = 0; // numbered across the whole community, as door plates are
    for (let g = 1; g <= gridCounts[c]!; g++) {
      const grid = make(community, { code: `${community.code}G${String(g).padStart(2, '0')}`, name: gridName(g), type: 'grid', sortOrder: g, rural: community.rural });
      plan.grids.push(grid);
      const buildings = rng.int(...sizes.buildingsPerGrid);
      for (let b = 1; b <= buildings; b++) {
        buildingNo += 1;
        const code = `${grid.code}B${String(b).padStart(2, '0')}`;
        plan.buildings.push(make(grid, { code, name: buildingName(buildingNo, community.rural), type: 'building', sortOrder: b, rural: community.rural }));
      }
    }
  });
  return plan;
}

export function allRegions(plan: RegionPlan): DemoRegion[] {
  return [plan.district, ...plan.streets, ...plan.communities, ...plan.grids, ...plan.buildings];
}

/** Parents before children, so the parent_id foreign key holds row by row. */
export const regionsStep: DemoStep = {
  name: 'regions',
  title: '区域与网格 | regions and grids',
  async run({ tx, plan }) {
    const rows = allRegions(plan.regions).map(({ rural: _rural, ...row }) => row);
    await inBatches(rows, (batch) => tx.insert(regions).values(batch));
    const r = plan.regions;
    return { streets: r.streets.length, communities: r.communities.length, grids: r.grids.length, buildings: r.buildings.length };
  },
};
