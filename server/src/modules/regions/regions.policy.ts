/**
 * The levels of the tree, top to bottom. A child must sit at a deeper level than its parent; levels
 * may be skipped, which is how districts with 3, 4 or 5 levels below the street are configured
 * (e.g. 街道-社区-幸福庭院-网格-楼栋 uses "courtyard"; a village without grids skips "grid").
 */
export const regionTypes = ['district', 'street', 'community', 'courtyard', 'grid', 'building'] as const;
export type RegionType = (typeof regionTypes)[number];

export const MAX_DEPTH = 6;

export function canNest(parent: RegionType, child: RegionType): boolean {
  return regionTypes.indexOf(child) > regionTypes.indexOf(parent);
}

/** Where residents may say they live when registering. */
export function isHomeLevel(type: string): boolean {
  return ['community', 'courtyard', 'grid', 'building'].includes(type);
}
