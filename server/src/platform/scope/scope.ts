import { and, eq, inArray, like, sql, type Column, type SQL } from 'drizzle-orm';
import { regions, type RegionRow } from './regions.table.js';
import type { Actor } from '../auth/actor.js';
import { staffRoles, type Role } from '../auth/roles.js';
import type { DbOrTx } from '../db/client.js';
import { arrayOf } from '../db/arrays.js';
import { scopeError } from './scope.errors.js';

/*
 * Data scope (数据权限) — the one choke point. Every read and write of a district-owned row is
 * limited here: same district AND the row's region inside a subtree (the caller's own for staff, the
 * caller's community for residents and volunteers). Anything outside answers 404 exactly like a
 * missing row, so existence never leaks across communities. Modules build their "rows this actor may
 * see" only from these pieces; the region tree is a reference table, so that stays one join.
 * One piece (regionAmong) takes a subtree's ids read beforehand and kept between requests: those follow
 * the tree at once on this instance, on others when the database's signal arrives (a missed signal: a
 * minute at most, regions.service.ts `subtree`).
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

/**
 * A subtree's nodes as their ids, read beforehand (the regions service keeps them between requests,
 * let go of by any change to the tree, on every instance): `path` is its root's.
 */
export type Subtree = { path: string; ids: readonly string[] };

/**
 * `col = ANY(<ids>)`: the same rows as `regionWithin(col, subtree.path)` for the tree as it was read.
 *
 * Why: with the subquery, PostgreSQL plans the statement anew on each run, as the best plan depends on
 * the pattern's prefix, and on the embedded database planning a community ledger's page cost more than
 * running it. With the ids as one array parameter the prepared statement mostly keeps one plan:
 * bench:reads' community pages in turn, PGlite's thread 2.4 → 1.8 ms a page (docs/ARCHITECTURE.md).
 */
export function regionAmong(col: Column | SQL, subtree: Subtree): SQL {
  return sql`${col} = ANY(${arrayOf(subtree.ids, 'uuid')})`;
}

/** A region column within `path`: compared with the subtree's ids when they were read for that path, else the subquery. */
export function regionUnder(col: Column | SQL, path: string, subtree: Subtree | undefined): SQL {
  return subtree && subtree.path === path ? regionAmong(col, subtree) : regionWithin(col, path);
}

/** Whether the caller's subtree is their whole district: their node is the district's root. */
export function holdsDistrict(actor: Actor): boolean {
  return actor.regionPath === `/${actor.districtId}/`;
}

/**
 * Condition for a table with (district_id, region_id): the row hangs inside the caller's subtree.
 *
 * At the district's root that is every row of the district, and the subtree's subquery is left out:
 * a row's region is of its own district (regionRef: a foreign key on (district_id, region_id)) and
 * every region of a district lies under its root (regions_path_in_district). The subquery cost the
 * district's ledger an exact count joined to all its regions (50,000 needs: 12 ms, 4 without), and
 * shared its text with the lower levels, so PostgreSQL planned all of them alike: after five runs it
 * kept the plan that suits a community for the whole district too (36 ms a page). A nullable region
 * column (the audit log) keeps the subquery, which leaves its rows without a region out.
 */
export function inScope(actor: Actor, cols: { districtId: Column; regionId: Column }, subtree?: Subtree): SQL {
  const district = eq(cols.districtId, actor.districtId);
  // the promise is kept for a table's `region_id` (tenancy.test.ts checks each NOT NULL one has it)
  if (holdsDistrict(actor) && cols.regionId.name === 'region_id' && cols.regionId.notNull) return district;
  // with the caller's subtree read beforehand, its ids (only for the caller's own path, never another's)
  return and(district, regionUnder(cols.regionId, actor.regionPath, subtree))!;
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

/** A region read beforehand (a kept copy), if the caller may see it; else 404s as regionInScope does. */
export function regionSeenBy(actor: Actor, row: RegionRow | undefined): RegionRow {
  if (!row || row.districtId !== actor.districtId || !pathInScope(actor, row.path)) throw scopeError('regions.not_found');
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
