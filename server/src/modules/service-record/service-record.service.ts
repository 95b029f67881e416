import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PlatformDeps } from '../../platform/deps.js';
import { queryRows, type DbOrTx } from '../../platform/db/client.js';
import { currentDb, requireTransaction } from '../../platform/db/unit-of-work.js';
import { servedHours, type ServedTime } from './service-record.hours.js';
import { serviceHours, volunteerLoad } from './service-record.table.js';

/**
 * A volunteer's service record (服务记录): the open tasks they hold, capped, and the hours they served,
 * pending until confirmed. Orders write it; activities and the time bank will too. Every write here
 * is part of the caller's change (the slot it pays for, the completion it records), so each runs in
 * the caller's open transaction and refuses to run outside one.
 */
/** Where confirmed hours go: the volunteer's record of verified service (modules/volunteers). */
export type CreditService = (tx: DbOrTx, districtId: string, entry: { accountId: string; source: 'order'; sourceId: string; title: string; servedOn: string; hours: string; facts: { rating: number | null; severity: string } }) => Promise<boolean>;

/** The conditional upsert of reserveSlotLoad and what it pays for, as CTEs, with the condition that it rose. */
function slotLoadWrite(districtId: string, accountId: string, max: number, paidFor?: (raised: SQL) => SQL): { ctes: SQL[]; raised: SQL } {
  const raise = sql`INSERT INTO volunteer_load (district_id, account_id, open_tasks) VALUES (${districtId}, ${accountId}, 1)
        ON CONFLICT (district_id, account_id) DO UPDATE SET open_tasks = volunteer_load.open_tasks + 1
        WHERE volunteer_load.open_tasks < ${max}
        RETURNING open_tasks`;
  const raised = sql`EXISTS (SELECT 1 FROM raised_load WHERE open_tasks <= ${max})`;
  return { ctes: [sql`raised_load AS (${raise})`, ...(paidFor ? [sql`paid AS (${paidFor(raised)})`] : [])], raised };
}

export function createServiceRecordService(deps: PlatformDeps & { credit: CreditService }) {
  return {
    /**
     * Takes one open task for the volunteer unless they hold `max` already: one conditional upsert,
     * `open_tasks + 1 WHERE open_tasks < max`, never read-then-write, so a volunteer racing for several
     * tasks at once cannot pass the limit (the load row serialises them). False when the limit is
     * reached: the caller refuses, and its transaction rolls back whatever was written.
     * `paidFor` is the row the task pays for (a slot), written in the same statement only when the load
     * was raised: an INSERT … SELECT … WHERE ${raised} (one round trip instead of two on every grab).
     */
    async reserveSlotLoad(districtId: string, accountId: string, max: number, paidFor?: (raised: SQL) => SQL): Promise<boolean> {
      const tx = requireTransaction('reserveSlotLoad');
      const { ctes, raised } = slotLoadWrite(districtId, accountId, max, paidFor);
      const [row] = await queryRows<{ raised: boolean }>(tx, sql`WITH ${sql.join(ctes, sql`, `)} SELECT ${raised} AS raised`);
      return row?.raised === true;
    },

    /**
     * `reserveSlotLoad` as CTEs for the caller's own statement (`raised_load`, `paid`), to run in the
     * caller's transaction: `raised` is true in that statement when the load rose (and only then is
     * the paid-for row written). The caller must fail its statement when it is not (a grab's one write).
     */
    slotLoadWrite,

    /** Gives back one open task of the volunteer's (a slot ended: done or released); never below zero. */
    async releaseLoad(districtId: string, accountId: string): Promise<void> {
      await requireTransaction('releaseLoad')
        .update(volunteerLoad)
        .set({ openTasks: sql`greatest(${volunteerLoad.openTasks} - 1, 0)` })
        .where(and(eq(volunteerLoad.districtId, districtId), eq(volunteerLoad.accountId, accountId)));
    },

    /** Records each volunteer's hours on this need as pending (added to earlier rounds' hours, if any). */
    async recordPendingHours(districtId: string, needId: string, served: ServedTime[]): Promise<void> {
      const tx = requireTransaction('recordPendingHours');
      for (const s of served) {
        if (!s.checkInAt || !s.checkOutAt) continue;
        const hours = servedHours(s.checkInAt, s.checkOutAt).toFixed(2);
        await tx
          .insert(serviceHours)
          .values({ districtId, needId, volunteerId: s.volunteerId, hours })
          .onConflictDoUpdate({
            target: [serviceHours.districtId, serviceHours.needId, serviceHours.volunteerId],
            set: { hours: sql`${serviceHours.hours} + ${hours}::numeric`, status: 'pending' },
          });
      }
    },

    /**
     * Pending hours become confirmed when the requester rates or the community confirms, and go on the
     * volunteer's record of verified service — which credits the time bank (modules/ledger) in this same
     * transaction, once per need and volunteer, with the rating and severity its points rules look at.
     */
    async confirmHours(districtId: string, need: { id: string; number: string; title: string; completedAt: Date | null; rating: number | null; severity: string }): Promise<void> {
      const tx = requireTransaction('confirmHours');
      const confirmed = await tx
        .update(serviceHours)
        .set({ status: 'confirmed', confirmedAt: deps.clock.now() })
        .where(and(eq(serviceHours.districtId, districtId), eq(serviceHours.needId, need.id), eq(serviceHours.status, 'pending')))
        .returning({ volunteerId: serviceHours.volunteerId, hours: serviceHours.hours });
      // on the volunteer's record once per order and person (its key), in this same transaction
      const servedOn = new Date((need.completedAt ?? deps.clock.now()).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      for (const c of confirmed) await deps.credit(tx, districtId, { accountId: c.volunteerId, source: 'order', sourceId: need.id, title: `${need.title}（${need.number}）`, servedOn, hours: c.hours, facts: { rating: need.rating, severity: need.severity } });
    },

    /** Confirmed hours served on these needs, all volunteers together (a team's page: the hours of its orders). */
    async confirmedHoursOn(districtId: string, needIds: readonly string[]): Promise<number> {
      let total = 0;
      for (let i = 0; i < needIds.length; i += 1000) {
        const [row] = await currentDb(deps.db)
          .select({ h: sql<string | null>`sum(${serviceHours.hours})` })
          .from(serviceHours)
          .where(and(eq(serviceHours.districtId, districtId), inArray(serviceHours.needId, needIds.slice(i, i + 1000)), eq(serviceHours.status, 'confirmed')));
        total += Number(row?.h ?? 0);
      }
      return Math.round(total * 100) / 100;
    },
  };
}

export type ServiceRecordService = ReturnType<typeof createServiceRecordService>;
