import { and, eq, like, sql, type Column, type SQL } from 'drizzle-orm';
import { regions, type RegionRow } from '../../modules/regions/regions.table.js';
import type { Actor } from '../auth/actor.js';
import type { DbOrTx } from '../db/client.js';
import { notFound } from '../errors/app-error.js';

/*
 * Data scope (数据权限) — the one choke point. Every staff read and write of a district-owned row goes
 * through these helpers: same district AND the row's region inside the caller's subtree. Anything
 * outside answers 404 exactly like a missing row, so existence never leaks across communities.
 * Changes here need two reviewers.
 */

/** `path LIKE '<actor path>%'` — the caller's subtree, the caller's own node included. */
export function regionSubtree(actor: Actor): SQL {
  return like(regions.path, `${escapeLike(actor.regionPath)}%`);
}

/** Condition for a table with (district_id, region_id): the row hangs inside the caller's subtree. */
export function inScope(actor: Actor, cols: { districtId: Column; regionId: Column }): SQL {
  return and(
    eq(cols.districtId, actor.districtId),
    sql`${cols.regionId} IN (SELECT ${regions.id} FROM ${regions} WHERE ${regionSubtree(actor)})`,
  )!;
}

/** True when `path` lies in the caller's subtree (for rows already loaded). */
export function pathInScope(actor: Actor, path: string): boolean {
  return path.startsWith(actor.regionPath);
}

/** Loads a region the caller may see, or 404s. */
export async function regionInScope(db: DbOrTx, actor: Actor, regionId: string): Promise<RegionRow> {
  const [row] = await db
    .select()
    .from(regions)
    .where(and(eq(regions.id, regionId), eq(regions.districtId, actor.districtId), regionSubtree(actor)));
  if (!row) throw notFound('regions');
  return row;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
