import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import type { ServiceRecordService } from '../service-record/service-record.service.js';
import { terminalStatuses } from './needs.lifecycle.js';
import { needs } from './needs.table.js';

/** What a team's page shows of its orders (modules/teams asks; it never reads the needs tables). */
export type TeamOrderFacts = { openOrders: number; closedOrders: number; averageRating: number | null; ratedOrders: number };

/**
 * Per team: orders still open (not closed, cancelled, rejected or merged — a team holding any may
 * not be dissolved), closed orders, and the average rating of the closed ones that were rated.
 * Joins the caller's transaction.
 */
export async function teamOrderFacts(db: Db, districtId: string, teamIds: readonly string[]): Promise<Map<string, TeamOrderFacts>> {
  if (teamIds.length === 0) return new Map();
  const rows = await currentDb(db)
    .select({
      teamId: needs.teamId,
      open: sql<number>`count(*) FILTER (WHERE ${notInArray(needs.status, [...terminalStatuses])})::int`,
      closed: sql<number>`count(*) FILTER (WHERE ${needs.status} = 'closed')::int`,
      rated: sql<number>`count(${needs.rating}) FILTER (WHERE ${needs.status} = 'closed')::int`,
      avg: sql<string | null>`avg(${needs.rating}) FILTER (WHERE ${needs.status} = 'closed')`,
    })
    .from(needs)
    .where(and(eq(needs.districtId, districtId), inArray(needs.teamId, [...teamIds])))
    .groupBy(needs.teamId);
  const facts = new Map<string, TeamOrderFacts>(teamIds.map((id) => [id, { openOrders: 0, closedOrders: 0, averageRating: null, ratedOrders: 0 }]));
  for (const r of rows) {
    facts.set(r.teamId!, { openOrders: r.open, closedOrders: r.closed, ratedOrders: r.rated, averageRating: r.avg === null ? null : Math.round(Number(r.avg) * 100) / 100 });
  }
  return facts;
}

/** Confirmed hours served on a team's orders (the service record counts them). */
export async function teamHours(db: Db, serviceRecord: ServiceRecordService, districtId: string, teamId: string): Promise<number> {
  const served = await currentDb(db)
    .select({ id: needs.id })
    .from(needs)
    .where(and(eq(needs.districtId, districtId), eq(needs.teamId, teamId), inArray(needs.status, ['completed', 'rated', 'closed', 'reopened'])));
  return serviceRecord.confirmedHoursOn(districtId, served.map((r) => r.id));
}
