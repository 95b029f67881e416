import { sql, type AnyColumn } from 'drizzle-orm';
import { regions } from '../../platform/scope/regions.table.js';

/**
 * The full place of a need as staff read it — 街道 › 社区 › 网格 › 楼栋, the district left out (everyone
 * on a district's pages is in it) — as a column of the row's own statement, from the row's region
 * path: no round trip of its own, never one query per row. Top down by depth.
 */
export const placeColumn = (path: AnyColumn) =>
  sql<string[]>`(SELECT coalesce(array_agg(p.name::text ORDER BY p.depth), '{}'::text[]) FROM ${regions} p WHERE p.id = ANY(string_to_array(trim(both '/' from ${path}), '/')::uuid[]) AND p.type <> 'district')`;
