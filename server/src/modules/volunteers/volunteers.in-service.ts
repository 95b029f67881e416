import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import type { VolunteersDeps } from './volunteers.rows.js';

export type InServiceMember = { accountId: string; communityId: string; workUnitId: string | null; workUnit: string | null; hoursThisYear: number };

/**
 * In-service party members (在职党员, 双报到) for modules/partners: the active registrations flagged
 * in service, by work unit or community, with their verified hours in one calendar year (summed from
 * the service entries, as the yearly minimum counts them). Joins the caller's transaction (the sweep).
 */
export function volunteersInService(deps: VolunteersDeps) {
  return {
    async inServiceMembers(districtId: string, filter: { workUnitIds?: string[]; communityIds?: string[]; accountIds?: string[] }, year: number): Promise<InServiceMember[]> {
      if ([filter.workUnitIds, filter.communityIds, filter.accountIds].some((ids) => ids && ids.length === 0)) return [];
      const within = (col: string, ids: string[] | undefined) => (ids ? sql`AND ${sql.raw(col)} IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``);
      const rows = await queryRows<{ account_id: string; community_id: string; work_unit_id: string | null; work_unit: string | null; hours: string | null }>(
        currentDb(deps.db),
        sql`SELECT v.account_id, v.community_id, v.work_unit_id, v.work_unit, e.hours
            FROM volunteers v
            LEFT JOIN (
              SELECT account_id, sum(hours) AS hours FROM volunteer_service_entries
              WHERE district_id = ${districtId} AND served_on BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}
              GROUP BY account_id
            ) e ON e.account_id = v.account_id
            WHERE v.district_id = ${districtId} AND v.status = 'active' AND v.in_service
              ${within('v.work_unit_id', filter.workUnitIds)} ${within('v.community_id', filter.communityIds)} ${within('v.account_id', filter.accountIds)}
            ORDER BY v.account_id`,
      );
      return rows.map((r) => ({ accountId: r.account_id, communityId: r.community_id, workUnitId: r.work_unit_id, workUnit: r.work_unit, hoursThisYear: Number(r.hours ?? 0) }));
    },

    /** How many active in-service members report to each community from each work unit (null: a unit not registered). */
    async inServiceCounts(districtId: string, communityIds: string[]): Promise<{ communityId: string; workUnitId: string | null; members: number }[]> {
      if (communityIds.length === 0) return [];
      const rows = await queryRows<{ community_id: string; work_unit_id: string | null; n: number }>(
        currentDb(deps.db),
        sql`SELECT community_id, work_unit_id, count(*)::int AS n FROM volunteers
            WHERE district_id = ${districtId} AND status = 'active' AND in_service
              AND community_id IN (${sql.join(communityIds.map((id) => sql`${id}::uuid`), sql`, `)})
            GROUP BY community_id, work_unit_id`,
      );
      return rows.map((r) => ({ communityId: r.community_id, workUnitId: r.work_unit_id, members: Number(r.n) }));
    },
  };
}
