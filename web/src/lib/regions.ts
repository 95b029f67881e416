import { allValues, type ApiResponse } from '../api/api';

/** A level of the region tree (server/src/modules/regions/regions.policy.ts). */
export type RegionType = ApiResponse<'/api/regions/{id}', 'get'>['type'];
/** The levels top to bottom; the compiler holds the list to the API's. */
export const regionTypes = allValues<RegionType>()(['district', 'street', 'community', 'courtyard', 'grid', 'building']);

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
