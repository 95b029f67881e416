import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { JobRow } from '../../platform/jobs/jobs.table.js';
import type { ActivityRow } from './activities.access.js';
import type { ActivitiesDeps } from './activities.deps.js';
import { tell } from './activities.inbox.js';
import { settingsOf } from './activities.settings.js';
import { activities, activitySignups } from './activities.table.js';

/*
 * The timers of a published activity, each a job keyed by the activity and the time it is for, so
 * scheduling again is a no-op and a rescheduled activity gets new ones; a job whose time no longer
 * matches the activity (moved, or cancelled) does nothing.
 *   reminder   — `reminderHours` before the start: each signed-up person's inbox
 *   finish     — at the end: the activity is finished; whoever signed up and never checked in is a no-show
 *   autoCheckout — `autoCheckoutHours` after the end: whoever is still checked in is checked out, flagged
 */
export const JOBS = { reminder: 'activities.reminder', finish: 'activities.finish', autoCheckout: 'activities.autoCheckout' } as const;

/** Schedules the timers of a published activity (in the caller's transaction). */
export async function scheduleTimers(tx: DbOrTx, deps: Pick<ActivitiesDeps, 'jobs'>, row: ActivityRow) {
  const settings = await settingsOf(tx, row.districtId);
  const start = row.startsAt.toISOString();
  const end = row.endsAt.toISOString();
  const payload = { activityId: row.id, startsAt: start, endsAt: end };
  const at = (ms: number) => new Date(ms);
  await deps.jobs.schedule(tx, row.districtId, { name: JOBS.reminder, key: `${row.id}:${start}`, runAt: at(row.startsAt.getTime() - settings.reminderHours * 3_600_000), payload });
  await deps.jobs.schedule(tx, row.districtId, { name: JOBS.finish, key: `${row.id}:${end}`, runAt: row.endsAt, payload });
  await deps.jobs.schedule(tx, row.districtId, { name: JOBS.autoCheckout, key: `${row.id}:${end}`, runAt: at(row.endsAt.getTime() + settings.autoCheckoutHours * 3_600_000), payload });
}

type Payload = { activityId: string; startsAt: string; endsAt: string };

/** The activity a job is for, locked, if it still is published (or finished) at the times the job was made for. */
async function current(tx: DbOrTx, job: JobRow, statuses: readonly string[]): Promise<ActivityRow | null> {
  const p = job.payload as Payload;
  const [row] = await tx
    .select()
    .from(activities)
    .where(and(eq(activities.districtId, job.districtId), eq(activities.id, p.activityId)))
    .for('update');
  if (!row || !statuses.includes(row.status)) return null;
  if (row.startsAt.toISOString() !== p.startsAt || row.endsAt.toISOString() !== p.endsAt) return null;
  return row;
}

const signed = (row: ActivityRow) => and(eq(activitySignups.districtId, row.districtId), eq(activitySignups.activityId, row.id), eq(activitySignups.status, 'signed'));

export function activityJobs(deps: ActivitiesDeps) {
  return [
    {
      name: JOBS.reminder,
      async run(tx: DbOrTx, job: JobRow) {
        const row = await current(tx, job, ['published']);
        if (!row) return;
        const people = await tx.select({ id: activitySignups.accountId }).from(activitySignups).where(signed(row));
        await tell(tx, deps, row, { type: 'activities.reminder', key: `activities.reminder:${row.id}:${row.startsAt.toISOString()}`, recipients: people.map((p) => p.id) });
      },
    },
    {
      name: JOBS.finish,
      async run(tx: DbOrTx, job: JobRow) {
        const row = await current(tx, job, ['published']);
        if (!row) return;
        await tx.update(activities).set({ status: 'finished', updatedAt: job.runAt }).where(and(eq(activities.districtId, row.districtId), eq(activities.id, row.id)));
        // no-shows: marked once (… WHERE no_show = false), each a conduct fact for the conduct module
        const absent = await tx
          .update(activitySignups)
          .set({ noShow: true })
          .where(and(signed(row), isNull(activitySignups.checkedInAt), eq(activitySignups.noShow, false)))
          .returning({ accountId: activitySignups.accountId });
        for (const a of absent) {
          await deps.events.publish(tx, row.districtId, { type: 'activities.noShow', subjectType: 'activity', subjectId: row.id, actorId: null, payload: { activityId: row.id, accountId: a.accountId } });
        }
      },
    },
    {
      name: JOBS.autoCheckout,
      async run(tx: DbOrTx, job: JobRow, now: Date) {
        const row = await current(tx, job, ['published', 'finished']);
        if (!row) return;
        const cap = (row.endsAt.getTime() - row.startsAt.getTime()) / 1000;
        // checked out by the system, flagged (check_out_via = 'auto'); hours capped by the activity's length
        await tx
          .update(activitySignups)
          .set({
            checkedOutAt: now,
            checkOutVia: 'auto',
            hours: sql`round((least(extract(epoch from (${now.toISOString()}::timestamptz - ${activitySignups.checkedInAt})), ${cap}) / 3600.0)::numeric, 2)`,
            hoursStatus: 'pending',
          })
          .where(and(signed(row), isNotNull(activitySignups.checkedInAt), isNull(activitySignups.checkedOutAt)));
      },
    },
  ];
}
