import { and, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { regions } from '../../platform/scope/regions.table.js';

/**
 * The full place of needs as staff read it — 街道 › 社区 › 网格 › 楼栋, the district left out (everyone
 * on a district's pages is in it) — for many region paths at once: one query over every node on them,
 * never one per row.
 */
export async function placesOf(db: DbOrTx, paths: readonly string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(paths.flatMap((p) => p.split('/').filter(Boolean)))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(and(inArray(regions.id, ids), ne(regions.type, 'district')));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return new Map(paths.map((p) => [p, p.split('/').flatMap((id) => names.get(id) ?? [])]));
}
