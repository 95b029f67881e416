import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { serviceHours } from './assignments.table.js';
import type { NeedRow } from './needs.access.js';

/** Hours between check-in and check-out, to the quarter hour, at least 0.25 h and at most 24 h. */
export function servedHours(checkIn: Date, checkOut: Date): number {
  const hours = (checkOut.getTime() - checkIn.getTime()) / 3_600_000;
  return Math.min(24, Math.max(0.25, Math.round(hours * 4) / 4));
}

/** Records each volunteer's hours for this need as pending (added to earlier rounds' hours, if any). */
export async function recordPendingHours(tx: DbOrTx, need: NeedRow, served: { volunteerId: string; checkInAt: Date | null; checkOutAt: Date | null }[]): Promise<void> {
  for (const s of served) {
    if (!s.checkInAt || !s.checkOutAt) continue;
    const hours = servedHours(s.checkInAt, s.checkOutAt).toFixed(2);
    await tx
      .insert(serviceHours)
      .values({ districtId: need.districtId, needId: need.id, volunteerId: s.volunteerId, hours })
      .onConflictDoUpdate({
        target: [serviceHours.districtId, serviceHours.needId, serviceHours.volunteerId],
        set: { hours: sql`${serviceHours.hours} + ${hours}::numeric`, status: 'pending' },
      });
  }
}

/**
 * Pending hours become confirmed when the requester rates or the community confirms. This is the
 * seam for the time bank: it will credit the ledger from rows confirmed here (idempotently, keyed by
 * need and volunteer).
 */
export async function confirmHours(tx: DbOrTx, need: NeedRow): Promise<void> {
  await tx
    .update(serviceHours)
    .set({ status: 'confirmed', confirmedAt: new Date() })
    .where(and(eq(serviceHours.districtId, need.districtId), eq(serviceHours.needId, need.id), eq(serviceHours.status, 'pending')));
}
