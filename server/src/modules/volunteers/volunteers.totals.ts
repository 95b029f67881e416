import { and, between, eq, sql } from 'drizzle-orm';
import { regionWithin } from '../../platform/scope/scope.js';
import type { VolunteersDeps } from './volunteers.rows.js';
import { serviceEntries, volunteers } from './volunteers.table.js';

/**
 * The registry's totals for a subtree (the big screen): volunteers active now, and the hours verified
 * on their record in a period. A volunteer counts where they live (`region_id`), as staff see them in
 * the registry; no one is named.
 */
export function volunteersTotals(deps: VolunteersDeps) {
  return {
    async countActive(districtId: string, regionPath: string): Promise<number> {
      const [row] = await deps.db
        .select({ n: sql<number>`count(*)::int` })
        .from(volunteers)
        .where(and(eq(volunteers.districtId, districtId), eq(volunteers.status, 'active'), regionWithin(volunteers.regionId, regionPath)));
      return row?.n ?? 0;
    },

    /** Verified hours served from `from` to `to` (Shanghai days, both included) by volunteers living in the subtree, whatever their status now. */
    async hoursVerified(q: { districtId: string; regionPath: string; from: string; to: string }): Promise<number> {
      const [row] = await deps.db
        .select({ hours: sql<string | null>`sum(${serviceEntries.hours})::text` })
        .from(serviceEntries)
        .innerJoin(volunteers, and(eq(volunteers.districtId, serviceEntries.districtId), eq(volunteers.accountId, serviceEntries.accountId)))
        .where(and(eq(serviceEntries.districtId, q.districtId), between(serviceEntries.servedOn, q.from, q.to), regionWithin(volunteers.regionId, q.regionPath)));
      return Number(row?.hours ?? 0);
    },
  };
}
