import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * The region tree 区 → 街道 → 社区 → 网格 → 楼栋. A reference table (replicated, not distributed):
 * every district-owned row points at a node here, and data scope is "a node and its subtree". It
 * lives in the platform because the scope is defined on it; only modules/regions writes it.
 */
export const regions = pgTable(
  'regions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The district (root) this node belongs to; a district's own row points at itself. */
    districtId: uuid('district_id').notNull(),
    /** null for a district's root; else a node of the same district (regions_parent_fk). */
    parentId: uuid('parent_id'),
    code: varchar('code', { length: 32 }).notNull().unique(),
    name: varchar('name', { length: 100 }).notNull(),
    type: varchar('type', { length: 16 }).notNull(),
    depth: integer('depth').notNull(),
    /** Materialised path of ids, "/root/…/self/": a subtree is `path LIKE prefix || '%'`. */
    path: text('path').notNull(),
    /**
     * The names from the street down to this node (街道 › 社区 › 网格 › 楼栋; the district left out), kept
     * by the database's triggers (migration 0032) on every insert, rename or move: a need's list row and
     * page read it with the region they already join, instead of working it out from the path each time.
     */
    place: text('place').array().notNull().default(sql`'{}'::text[]`),
    centre: jsonb('centre').$type<{ lng: number; lat: number }>(),
    boundary: jsonb('boundary').$type<Record<string, unknown>>(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('regions_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('regions_parent_idx').on(t.parentId),
    index('regions_district_idx').on(t.districtId, t.type),
    // what regionRef points at, and the district's subtree is all of the district's regions (scope.ts)
    unique('regions_district_id_id_unique').on(t.districtId, t.id),
    // a node's parent is of its own district, as every region reference is (regionRef)
    foreignKey({ name: 'regions_parent_fk', columns: [t.districtId, t.parentId], foreignColumns: [t.districtId, t.id] }),
    check('regions_path_in_district', sql`starts_with(path, '/' || district_id::text || '/')`),
  ],
);

/** A column of a composite foreign key, as drizzle's `foreignKey` takes it (regionRef, accountRef). */
export type RefColumn = Parameters<typeof foreignKey>[0]['columns'][number];

/**
 * A row's region, of the row's own district: (district_id, region_id) → regions (district_id, id).
 * With the path check above, a district's root holds every row of its district in scope, which lets
 * scope.ts leave the subtree condition out for a district-level caller.
 */
export function regionRef(name: string, districtId: RefColumn, regionId: RefColumn) {
  return foreignKey({ name, columns: [districtId, regionId], foreignColumns: [regions.districtId, regions.id] });
}

export type RegionRow = typeof regions.$inferSelect;
