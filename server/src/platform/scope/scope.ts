import { and, eq, inArray, like, sql, type Column, type SQL } from 'drizzle-orm';
import { regions, type RegionRow } from './regions.table.js';
import type { Actor } from '../auth/actor.js';
import { staffRoles, type Role } from '../auth/roles.js';
import type { DbOrTx } from '../db/client.js';
import { scopeError } from './scope.errors.js';

/*
 * Data scope (数据权限) — the one choke point. Every read and write of a district-owned row is
 * limited here: same district AND the row's region inside a subtree (the caller's own for staff, the
 * caller's community for residents and volunteers). Anything outside answers 404 exactly like a
 * missing row, so existence never leaks across communities. Modules build their "rows this actor may
 * see" only from these pieces; the region tree is a reference table, so that stays one join.
 * Changes here need two reviewers; `scope.test.ts` and the generated cross-tenant test guard them.
 */

/** `path LIKE '<prefix>%'`: a subtree of the region tree, its root included. */
export function subtreeOf(pathPrefix: string): SQL {
  return like(regions.path, `${escapeLike(pathPrefix)}%`);
}

/** `path LIKE '<actor path>%'` — the caller's subtree, the caller's own node included. */
export function regionSubtree(actor: Actor): SQL {
  return subtreeOf(actor.regionPath);
}

/** `col IN (regions within <pathPrefix>)`: a region column inside a subtree. */
export function regionWithin(col: Column | SQL, pathPrefix: string): SQL {
  return sql`${col} IN (SELECT ${regions.id} FROM ${regions} WHERE ${subtreeOf(pathPrefix)})`;
}

/** Condition for a table with (district_id, region_id): the row hangs inside the caller's subtree. */
export function inScope(actor: Actor, cols: { districtId: Column; regionId: Column }): SQL {
  return and(eq(cols.districtId, actor.districtId), regionWithin(cols.regionId, actor.regionPath))!;
}

/** True when `path` lies in the caller's subtree (for rows already loaded). */
export function pathInScope(actor: Actor, path: string): boolean {
  return path.startsWith(actor.regionPath);
}

/** The staff roles the caller holds over a row at `path` (none when the row is outside their subtree). */
export function staffRolesOver(actor: Actor, path: string): Role[] {
  return pathInScope(actor, path) ? actor.roles.filter((r): r is Role => r !== 'system' && staffRoles.includes(r)) : [];
}

/** Loads a region the caller may see, or 404s. */
export async function regionInScope(db: DbOrTx, actor: Actor, regionId: string): Promise<RegionRow> {
  const [row] = await db
    .select()
    .from(regions)
    .where(and(eq(regions.id, regionId), eq(regions.districtId, actor.districtId), regionSubtree(actor)));
  if (!row) throw scopeError('regions.not_found');
  return row;
}

/**
 * The path of the ancestor of `path` with the given type (a resident's community, a need's grid),
 * or `path` itself when there is none — so a condition built on it never widens beyond `path`.
 *
 * Asked on every request that works out a viewer, and a pure function of its arguments: a region's
 * type never changes (a patch cannot set it) and ids are never reused, so the answer for a path
 * stays right for as long as that path exists — on every instance. Kept in a bounded map.
 */
export async function ancestorPathOf(db: DbOrTx, path: string, type: string): Promise<string> {
  const key = `${type}|${path}`;
  const known = ancestorPaths.get(key);
  if (known !== undefined) return known;
  const ids = path.split('/').filter(Boolean);
  if (ids.length === 0) return path;
  const [row] = await db
    .select({ path: regions.path })
    .from(regions)
    .where(and(inArray(regions.id, ids), eq(regions.type, type)))
    .limit(1);
  const found = row?.path ?? path;
  if (ancestorPaths.size >= 20_000) ancestorPaths.clear();
  ancestorPaths.set(key, found);
  return found;
}

const ancestorPaths = new Map<string, string>();

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
