/** Levels of the region tree, top to bottom (server/src/modules/regions/regions.policy.ts). */
export const regionTypes = ['district', 'street', 'community', 'courtyard', 'grid', 'building'] as const;
export type RegionType = (typeof regionTypes)[number];

/** Levels a child of `parent` may have: any deeper level (districts may skip levels). */
export function childTypesOf(parent: string): RegionType[] {
  const index = regionTypes.indexOf(parent as RegionType);
  return regionTypes.slice(index + 1);
}

/** Where a resident may say they live (mirrors the server's isHomeLevel). */
export function isHomeLevel(type: string): boolean {
  return ['community', 'courtyard', 'grid', 'building'].includes(type);
}

/** One colour per level so the tree reads at a glance. */
export const regionTypeColor: Record<string, string> = {
  district: 'red',
  street: 'volcano',
  community: 'gold',
  courtyard: 'lime',
  grid: 'green',
  building: 'blue',
};
