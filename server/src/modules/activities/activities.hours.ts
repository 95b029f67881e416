import { and, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { ActivityAccess, ActivityRow } from './activities.access.js';
import type { ActivitiesDeps } from './activities.deps.js';
import { activitiesError } from './activities.errors.js';
import { hoursText, localDate, overlaps, type HoursFlag, type HoursStatus } from './activities.policy.js';
import { settingsOf } from './activities.settings.js';
import { activities, activitySignups } from './activities.table.js';

export type Decision = { accountId: string; decision: 'approve' | 'adjust' | 'decline'; hours?: number; reason?: string };

const DAY_MS = 86_400_000;

/**
 * The organiser's hours approval queue. Each attendance with a check-out has computed hours (pending);
 * the organiser approves (in bulk), adjusts with a reason, or declines with a reason — each decision
 * once (`UPDATE … WHERE hours_status = 'pending'`), audited, and an approval publishes
 * `activities.hoursApproved` in the same transaction for the service record to credit. Flags for
 * anti-fraud: checked out by the system, over the district's daily maximum across activities,
 * overlapping another activity of the same person or an order they were on site for (asked of the
 * order chain: `needs.serviceTimesOf`), no position at check-in.
 */
export function activityHours(deps: ActivitiesDeps, access: ActivityAccess) {
  const { db } = deps;

  /** Other attendances of these people around the activity's day, for the flags. */
  async function around(row: ActivityRow, accountIds: string[]) {
    if (accountIds.length === 0) return [];
    return db
      .select({ activityId: activitySignups.activityId, accountId: activitySignups.accountId, in: activitySignups.checkedInAt, out: activitySignups.checkedOutAt, endsAt: activities.endsAt, hours: activitySignups.hours, status: activitySignups.hoursStatus })
      .from(activitySignups)
      .innerJoin(activities, and(eq(activities.districtId, activitySignups.districtId), eq(activities.id, activitySignups.activityId)))
      .where(
        and(
          eq(activitySignups.districtId, row.districtId),
          inArray(activitySignups.accountId, accountIds),
          isNotNull(activitySignups.checkedInAt),
          gte(activitySignups.checkedInAt, new Date(row.startsAt.getTime() - DAY_MS)),
          lte(activitySignups.checkedInAt, new Date(row.endsAt.getTime() + DAY_MS)),
        ),
      );
  }

  return {
    async list(actor: Actor, id: string) {
      const { row } = await access.organised(db, actor, id);
      const settings = await settingsOf(db, row.districtId);
      const rows = await db
        .select()
        .from(activitySignups)
        .where(and(eq(activitySignups.districtId, row.districtId), eq(activitySignups.activityId, row.id), isNotNull(activitySignups.hoursStatus)))
        .orderBy(activitySignups.checkedInAt);
      const others = await around(row, rows.map((r) => r.accountId));
      const orders = await deps.needs.serviceTimesOf(row.districtId, rows.map((r) => r.accountId), new Date(row.startsAt.getTime() - DAY_MS), new Date(row.endsAt.getTime() + DAY_MS));
      const names = await deps.accounts.namesOf(row.districtId, rows.map((r) => r.accountId));
      return {
        items: rows.map((r) => {
          const mine = { from: r.checkedInAt!, to: r.checkedOutAt! };
          const day = localDate(mine.from);
          const sameDay = others.filter((o) => o.accountId === r.accountId && localDate(o.in!) === day && o.status !== 'declined');
          const total = sameDay.reduce((sum, o) => sum + Number(o.hours ?? 0), 0);
          const overlap = others.some((o) => o.accountId === r.accountId && o.activityId !== row.id && overlaps(mine, { from: o.in!, to: o.out ?? o.endsAt }));
          const flags: HoursFlag[] = [];
          if (r.checkOutVia === 'auto') flags.push('autoCheckout');
          if (total > settings.dailyMaxHours) flags.push('overDailyMax');
          if (overlap) flags.push('overlap');
          if (orders.some((o) => o.accountId === r.accountId && overlaps(mine, o))) flags.push('overlapOrder');
          if (r.noLocation) flags.push('noLocation');
          return {
            accountId: r.accountId,
            name: names.get(r.accountId)?.name ?? '',
            checkedInAt: r.checkedInAt!.toISOString(),
            checkedOutAt: r.checkedOutAt!.toISOString(),
            hours: r.hours ?? '0.00',
            status: r.hoursStatus as HoursStatus,
            flags,
            reason: r.decisionReason,
          };
        }),
      };
    },

    async decide(actor: Actor, id: string, items: Decision[]): Promise<{ decided: number; skipped: number }> {
      items.forEach((item, i) => {
        const reason = item.reason?.trim();
        if (item.decision === 'adjust' && item.hours === undefined) throw activitiesError('activities.bad_decision', { field: `items.${i}.hours` });
        if (item.decision !== 'approve' && !reason) throw activitiesError('activities.bad_decision', { field: `items.${i}.reason` });
      });
      return db.transaction(async (tx) => {
        const { row } = await access.organised(tx, actor, id, { lock: true });
        const now = deps.clock.now();
        let decided = 0;
        for (const item of items) {
          const approved = item.decision !== 'decline';
          const hours = item.decision === 'adjust' ? hoursText(item.hours!) : undefined;
          // exactly once per attendance: only a pending one changes
          const [done] = await tx
            .update(activitySignups)
            .set({ hoursStatus: approved ? 'approved' : 'declined', ...(hours ? { hours } : {}), decidedBy: actor.accountId, decidedAt: now, decisionReason: item.reason?.trim() || null })
            .where(and(eq(activitySignups.districtId, row.districtId), eq(activitySignups.activityId, row.id), eq(activitySignups.accountId, item.accountId), eq(activitySignups.hoursStatus, 'pending')))
            .returning();
          if (!done) continue;
          decided++;
          await deps.audit.record(actor, { action: `activities.hours.${item.decision}`, objectType: 'activity', objectId: row.id, regionId: row.regionId, details: { accountId: item.accountId, hours: done.hours, reason: item.reason ?? null } });
          if (approved) {
            await deps.events.publish(tx, row.districtId, {
              type: 'activities.hoursApproved',
              subjectType: 'activity',
              subjectId: row.id,
              actorId: actor.accountId,
              payload: { activityId: row.id, accountId: item.accountId, hours: Number(done.hours).toFixed(2), servedOn: localDate(done.checkedInAt ?? row.startsAt), title: row.title, themed: row.themed },
            });
          }
        }
        return { decided, skipped: items.length - decided };
      });
    },

  };
}
