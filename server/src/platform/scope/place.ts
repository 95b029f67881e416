/**
 * A place as a reader names it: its full path below the district (东街道 › 光明社区 › 光明一网格 ›
 * 光明1号楼, the regions' stored `place`), so a district's sheet tells one 1号楼 from another; the
 * node's own name when the path is not stored.
 */
export function placeText(place: readonly string[], name: string): string {
  return (place.length > 0 ? place : [name]).join(' › ');
}
