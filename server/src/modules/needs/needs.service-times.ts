import { and, eq, gt, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { needAssignments } from './assignments.table.js';

export type ServiceTime = { accountId: string; needId: string; from: Date; to: Date };

/**
 * When these volunteers were on site for orders between `from` and `to` (check-in to check-out; an
 * open visit counts until `to`), for another module's anti-fraud check (activities: hours claimed
 * while serving an order). No scope: the caller asks about people it already holds.
 */
export async function serviceTimesOf(db: DbOrTx, districtId: string, accountIds: readonly string[], from: Date, to: Date): Promise<ServiceTime[]> {
  if (accountIds.length === 0) return [];
  const rows = await db
    .select({ accountId: needAssignments.volunteerId, needId: needAssignments.needId, from: needAssignments.checkInAt, to: needAssignments.checkOutAt })
    .from(needAssignments)
    .where(
      and(
        eq(needAssignments.districtId, districtId),
        inArray(needAssignments.volunteerId, [...accountIds]),
        ne(needAssignments.status, 'released'),
        isNotNull(needAssignments.checkInAt),
        lt(needAssignments.checkInAt, to),
        gt(sql`coalesce(${needAssignments.checkOutAt}, ${to.toISOString()}::timestamptz)`, from),
      ),
    );
  return rows.map((r) => ({ accountId: r.accountId, needId: r.needId, from: r.from!, to: r.to ?? to }));
}
