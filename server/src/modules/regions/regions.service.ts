import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import type { PlatformDeps } from '../../platform/deps.js';
import { fixedQuery } from '../../platform/db/fixed-query.js';
import { cacheOnFirstUse, keptRead } from '../../platform/db/change-cache.js';
import type { Actor } from '../../platform/auth/actor.js';
import { regionInScope, regionSeenBy, regionSubtree, subtreeOf, type Subtree } from '../../platform/scope/scope.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import type { AuditService } from '../audit/audit.service.js';
import { canNest, isHomeLevel, MAX_DEPTH, type RegionType } from './regions.policy.js';
import { regions, type RegionRow } from '../../platform/scope/regions.table.js';
import { regionsError } from './regions.errors.js';

/** Ids sent as one parameter at most (a community's tree is a few dozen nodes). */
export const MAX_SUBTREE_IDS = 500;

export type PeopleCounts = { people: number; volunteers: number; staff: number };
/** Counts people per child of a node; supplied by the accounts module (which owns people). */
export type PeopleCounter = (actor: Actor, parent: RegionRow) => Promise<Map<string, PeopleCounts>>;

export type RegionInput = {
  parentId: string;
  code: string;
  name: string;
  type: RegionType;
  centre?: { lng: number; lat: number };
  boundary?: Record<string, unknown>;
  sortOrder?: number;
};
export type RegionPatch = Partial<Pick<RegionInput, 'code' | 'name' | 'centre' | 'boundary' | 'sortOrder'>>;

export type RegionNode = {
  id: string;
  code: string;
  name: string;
  type: RegionType;
  depth: number;
  parentId: string | null;
  centre: { lng: number; lat: number } | null;
  childCount: number;
} & Partial<PeopleCounts>;

/** A level of a breadcrumb: "文化社区", a community. */
export type RegionLevel = { id: string; name: string; type: RegionType };

// the type column is plain text; create and the seeds write only regionTypes' values
const toLevel = (r: { id: string; name: string; type: string }): RegionLevel => ({ id: r.id, name: r.name, type: r.type as RegionType });

/** The levels of a path (its ids), built once: every `GET /api/auth/me` reads them (fixed-query.ts). */
const levelsOf = fixedQuery(['ids'], (db, p) =>
  db.select({ id: regions.id, name: regions.name, type: regions.type, depth: regions.depth }).from(regions).where(sql`${regions.id} = ANY(${p.ids}::uuid[])`),
);

const toNode = (r: RegionRow, childCount = 0): RegionNode => ({
  id: r.id,
  code: r.code,
  name: r.name,
  type: r.type as RegionType,
  depth: r.depth,
  parentId: r.parentId,
  centre: r.centre ?? null,
  childCount,
});

type Deps = PlatformDeps & { audit: AuditService; peopleCounter: () => PeopleCounter; hasPeople: () => (regionId: string, districtId: string) => Promise<boolean> };

export function createRegionsService(deps: Deps) {
  const { db } = deps;
  // a node as a resident's post reads it, kept until the tree changes (platform/db/change-cache.ts;
  // migration 0038 signals other instances)
  const kept = cacheOnFirstUse<{ row: RegionRow | undefined }>(deps.database, { name: 'region cache', tables: ['regions'], channels: ['lianxin_regions'], maxEntries: 20_000, maxAgeMs: 60_000 });

  // a subtree's node ids as lists compare a need's region with them (platform/scope/scope.ts regionAmong),
  // kept and let go of like the nodes; none for a subtree too large to send as one parameter
  // (one per staff root, community and filtered node in use: 1,000 of up to 500 ids is some 20 MB at worst)
  const keptSubtrees = cacheOnFirstUse<{ subtree: Subtree | undefined }>(deps.database, { name: 'region subtree cache', tables: ['regions'], channels: ['lianxin_regions'], maxEntries: 1_000, maxAgeMs: 60_000 });

  async function keptNode(id: string): Promise<RegionRow | undefined> {
    const { row } = await keptRead(kept.cache(), id, async () => ({ row: (await currentDb(db).select().from(regions).where(eq(regions.id, id)))[0] }));
    return row;
  }

  async function childCounts(parentIds: string[]): Promise<Map<string, number>> {
    if (parentIds.length === 0) return new Map();
    const rows = await db
      .select({ parentId: regions.parentId, n: sql<number>`count(*)::int` })
      .from(regions)
      .where(inArray(regions.parentId, parentIds))
      .groupBy(regions.parentId);
    return new Map(rows.map((r) => [r.parentId!, r.n]));
  }

  async function assertCodeFree(code: string, exceptId?: string) {
    const [hit] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, code));
    if (hit && hit.id !== exceptId) throw regionsError('regions.code_taken', { field: 'code' });
  }

  return {
    /** The caller's own node: the root of everything they may see. */
    async scopeRoot(actor: Actor): Promise<RegionNode & { ancestors: RegionLevel[] }> {
      return this.get(actor, actor.regionId);
    },

    /** One node with its breadcrumb (names of the levels above, for orientation). */
    async get(actor: Actor, id: string) {
      const node = await regionInScope(db, actor, id);
      const ancestorIds = node.path.split('/').filter(Boolean).slice(0, -1);
      const ancestors = ancestorIds.length
        ? await db.select({ id: regions.id, name: regions.name, type: regions.type, depth: regions.depth }).from(regions).where(inArray(regions.id, ancestorIds))
        : [];
      const counts = await childCounts([node.id]);
      return { ...toNode(node, counts.get(node.id) ?? 0), ancestors: ancestors.sort((a, b) => a.depth - b.depth).map(toLevel) };
    },

    /** Children of a node in scope, each with its child count and people in its subtree. */
    async children(actor: Actor, parentId: string): Promise<RegionNode[]> {
      const parent = await regionInScope(db, actor, parentId);
      const rows = await db.select().from(regions).where(eq(regions.parentId, parent.id)).orderBy(asc(regions.sortOrder), asc(regions.code));
      const [counts, people] = await Promise.all([childCounts(rows.map((r) => r.id)), deps.peopleCounter()(actor, parent)]);
      return rows.map((r) => ({ ...toNode(r, counts.get(r.id) ?? 0), ...(people.get(r.id) ?? { people: 0, volunteers: 0, staff: 0 }) }));
    },

    /** Name search inside the caller's subtree (for pickers). */
    async search(actor: Actor, q: string, limit = 20): Promise<RegionNode[]> {
      const rows = await db
        .select()
        .from(regions)
        .where(and(eq(regions.districtId, actor.districtId), regionSubtree(actor), like(regions.name, `%${q.replace(/[\\%_]/g, '\\$&')}%`)))
        .orderBy(asc(regions.depth), asc(regions.code))
        .limit(limit);
      return rows.map((r) => toNode(r));
    },

    async create(actor: Actor, input: RegionInput): Promise<RegionNode> {
      const parent = await regionInScope(db, actor, input.parentId);
      if (!canNest(parent.type as RegionType, input.type)) {
        throw regionsError('regions.bad_level', { params: { parent: parent.type, child: input.type }, field: 'type' });
      }
      if (parent.depth + 1 >= MAX_DEPTH) throw regionsError('regions.too_deep', { params: { limit: MAX_DEPTH }, field: 'parentId' });
      await assertCodeFree(input.code);
      return db.transaction(async (tx) => {
        const id = globalThis.crypto.randomUUID();
        const [row] = await tx
          .insert(regions)
          .values({ ...input, id, districtId: parent.districtId, depth: parent.depth + 1, path: `${parent.path}${id}/` })
          .returning();
        await deps.audit.record(actor, { action: 'regions.create', objectType: 'region', objectId: id, regionId: id, details: { code: input.code, name: input.name, type: input.type } });
        return toNode(row!);
      });
    },

    /** Rename / recode / redraw. Audited with before and after. */
    async update(actor: Actor, id: string, patch: RegionPatch): Promise<RegionNode> {
      const node = await regionInScope(db, actor, id);
      if (patch.code && patch.code !== node.code) await assertCodeFree(patch.code, id);
      return db.transaction(async (tx) => {
        const [row] = await tx.update(regions).set({ ...patch, updatedAt: new Date() }).where(eq(regions.id, id)).returning();
        await deps.audit.record(actor, {
          action: 'regions.update',
          objectType: 'region',
          objectId: id,
          regionId: id,
          details: { before: { code: node.code, name: node.name }, after: { code: row!.code, name: row!.name } },
        });
        return toNode(row!);
      });
    },

    /** Moves a subtree under a new parent: one UPDATE rewrites every path below it. */
    async move(actor: Actor, id: string, newParentId: string): Promise<RegionNode> {
      const node = await regionInScope(db, actor, id);
      if (node.parentId === null) throw regionsError('regions.root_fixed', { field: 'id' });
      const parent = await regionInScope(db, actor, newParentId);
      if (parent.path.startsWith(node.path)) throw regionsError('regions.move_into_self', { field: 'parentId' });
      if (!canNest(parent.type as RegionType, node.type as RegionType)) {
        throw regionsError('regions.bad_level', { params: { parent: parent.type, child: node.type }, field: 'parentId' });
      }
      const newPath = `${parent.path}${node.id}/`;
      const delta = parent.depth + 1 - node.depth;
      return db.transaction(async (tx) => {
        const [deepest] = await tx.select({ d: sql<number>`max(depth)::int` }).from(regions).where(subtreeOf(node.path));
        if ((deepest?.d ?? node.depth) + delta >= MAX_DEPTH) throw regionsError('regions.too_deep', { params: { limit: MAX_DEPTH }, field: 'parentId' });
        await tx.execute(sql`
          UPDATE regions SET path = ${newPath} || substr(path, ${node.path.length + 1}), depth = depth + ${delta}, updated_at = now()
          WHERE ${subtreeOf(node.path)}`);
        await tx.update(regions).set({ parentId: parent.id }).where(eq(regions.id, id));
        await deps.audit.record(actor, {
          action: 'regions.move',
          objectType: 'region',
          objectId: id,
          regionId: id,
          details: { fromParentId: node.parentId, toParentId: parent.id },
        });
        const [row] = await tx.select().from(regions).where(eq(regions.id, id));
        return toNode(row!);
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const node = await regionInScope(db, actor, id);
      if (node.parentId === null) throw regionsError('regions.root_fixed', { field: 'id' });
      const counts = await childCounts([id]);
      if ((counts.get(id) ?? 0) > 0 || (await deps.hasPeople()(id, node.districtId))) throw regionsError('regions.not_empty');
      await db.transaction(async (tx) => {
        await tx.delete(regions).where(eq(regions.id, id));
        await deps.audit.record(actor, { action: 'regions.delete', objectType: 'region', objectId: id, regionId: node.parentId!, details: { code: node.code, name: node.name } });
      });
    },

    /**
     * The path of the nearest ancestor-or-self of the given type, e.g. the community a building is in
     * (a volunteer's service area). Falls back to the node's own path.
     */

    /** Names of the nodes on a materialised path, top first (for "where am I" labels). */
    async pathNames(path: string): Promise<RegionLevel[]> {
      const ids = path.split('/').filter(Boolean);
      if (ids.length === 0) return [];
      const rows = await levelsOf(db, { ids });
      return rows.sort((a, b) => a.depth - b.depth).map(toLevel);
    },

    // ---- public (no session): the registration page's community picker ----

    async publicChildren(parentId?: string): Promise<RegionNode[]> {
      const where = parentId ? eq(regions.parentId, parentId) : sql`${regions.parentId} IS NULL`;
      const rows = await db.select().from(regions).where(where).orderBy(asc(regions.sortOrder), asc(regions.code)).limit(500);
      const counts = await childCounts(rows.map((r) => r.id));
      return rows.map((r) => toNode(r, counts.get(r.id) ?? 0));
    },

    /** A node by its id, whoever asks (kept between requests). Not to be changed by the caller: it is shared. */
    publicNode: keptNode,

    /** A node the caller may see, from the kept copy (a list's region filter), or 404s. Not to be changed: it is shared. */
    async keptNodeInScope(actor: Actor, id: string): Promise<RegionRow> {
      return regionSeenBy(actor, await keptNode(id));
    },

    /**
     * The ids of the nodes under `path` (it included) in the district, kept between requests; undefined
     * past MAX_SUBTREE_IDS nodes (a street's thousands of buildings), where the subquery serves better.
     * Joins the caller's transaction (and is then read, not kept).
     */
    async subtree(districtId: string, path: string): Promise<Subtree | undefined> {
      const read = async () => {
        const rows = await currentDb(db)
          .select({ id: regions.id })
          .from(regions)
          .where(and(eq(regions.districtId, districtId), subtreeOf(path)))
          // in one order every time: the list's kept pages and counts are keyed by its values (whereKey)
          .orderBy(asc(regions.id))
          .limit(MAX_SUBTREE_IDS + 1);
        return { subtree: rows.length > MAX_SUBTREE_IDS ? undefined : { path, ids: rows.map((r) => r.id) } };
      };
      return (await keptRead(keptSubtrees.cache(), `${districtId}|${path}`, read)).subtree;
    },

    /** Settles once nodes are kept (PostgreSQL: once this instance hears of changes). */
    keeping: () => Promise.all([kept.ready(), keptSubtrees.ready()]).then(() => undefined),
    close: () => Promise.all([kept.close(), keptSubtrees.close()]).then(() => undefined),

    isHomeLevel,
  };
}

export type RegionsService = ReturnType<typeof createRegionsService>;
