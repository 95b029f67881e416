import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import type { ActivityAccess, ActivityRow } from './activities.access.js';
import type { ActivitiesDeps } from './activities.deps.js';
import { activitiesError } from './activities.errors.js';
import { tell } from './activities.inbox.js';
import { isLateCancellation, type SignupStatus } from './activities.policy.js';
import { positionSql } from './activities.read.js';
import { settingsOf } from './activities.settings.js';
import { activities, activitySignups } from './activities.table.js';

const activityKey = (row: Pick<ActivityRow, 'districtId' | 'id'>) => and(eq(activities.districtId, row.districtId), eq(activities.id, row.id));
const signupKey = (row: Pick<ActivityRow, 'districtId' | 'id'>, accountId: string) =>
  and(eq(activitySignups.districtId, row.districtId), eq(activitySignups.activityId, row.id), eq(activitySignups.accountId, accountId));

/** Whether the caller may sign up: a registered volunteer. */
// the volunteer role is held exactly while the registration is active (modules/volunteers)
function requireVolunteer(actor: Actor) {
  if (!actor.roles.includes('volunteer')) throw activitiesError('activities.not_volunteer');
}

/**
 * Moves the first `n` on the waitlist up to a seat, in order of arrival, in the caller's transaction
 * (which holds the activity's row lock); each is told in their inbox. With `fillSeats` the seats are
 * counted here (more capacity); otherwise each takes the seat just given back (a cancellation).
 */
export async function promote(tx: DbOrTx, deps: Pick<ActivitiesDeps, 'notifications'>, row: ActivityRow, n: number, opts: { fillSeats: boolean }): Promise<number> {
  if (n <= 0) return 0;
  const first = await tx
    .select({ accountId: activitySignups.accountId, waitSeq: activitySignups.waitSeq })
    .from(activitySignups)
    .where(and(eq(activitySignups.districtId, row.districtId), eq(activitySignups.activityId, row.id), eq(activitySignups.status, 'waitlisted')))
    .orderBy(asc(activitySignups.waitSeq))
    .limit(n)
    .for('update');
  if (first.length === 0) return 0;
  const ids = first.map((f) => f.accountId);
  await tx
    .update(activitySignups)
    .set({ status: 'signed', waitSeq: null })
    .where(and(eq(activitySignups.districtId, row.districtId), eq(activitySignups.activityId, row.id), inArray(activitySignups.accountId, ids)));
  if (opts.fillSeats) {
    const [seated] = await tx
      .update(activities)
      .set({ signedCount: sql`${activities.signedCount} + ${ids.length}` })
      .where(and(activityKey(row), sql`${activities.signedCount} + ${ids.length} <= ${activities.capacity}`))
      .returning({ id: activities.id });
    if (!seated) throw new Error('promotion would exceed the capacity');
  }
  for (const f of first) await tell(tx, deps, row, { type: 'activities.promoted', key: `activities.promoted:${row.id}:${f.waitSeq}`, recipients: [f.accountId] });
  return ids.length;
}

/** Sign-up (接龙), the waitlist and cancellations. */
export function activitySignup(deps: ActivitiesDeps, access: ActivityAccess) {
  const { db } = deps;

  return {
    /**
     * Signs the caller up. Under the activity's row lock: a seat by `UPDATE … SET signed_count =
     * signed_count + 1 WHERE signed_count < capacity`, else the next waitlist number — and the sign-up
     * row in the same transaction (its primary key: one per person). Answers the status and the
     * place on the waitlist.
     */
    async signUp(actor: Actor, id: string): Promise<{ status: SignupStatus; position: number | null }> {
      return db.transaction(async (tx) => {
        const { row } = await access.load(tx, actor, id, { lock: true });
        requireVolunteer(actor);
        const now = deps.clock.now();
        if (row.status !== 'published') throw activitiesError('activities.not_open');
        if (row.startsAt <= now) throw activitiesError('activities.started');
        const [existing] = await tx.select().from(activitySignups).where(signupKey(row, actor.accountId)).for('update');
        if (existing && existing.status !== 'cancelled') throw activitiesError('activities.already_signed_up');
        const [seat] = await tx
          .update(activities)
          .set({ signedCount: sql`${activities.signedCount} + 1` })
          .where(and(activityKey(row), lt(activities.signedCount, activities.capacity)))
          .returning({ id: activities.id });
        let waitSeq: number | null = null;
        if (!seat) {
          const [numbered] = await tx.update(activities).set({ waitlistSeq: sql`${activities.waitlistSeq} + 1` }).where(activityKey(row)).returning({ seq: activities.waitlistSeq });
          waitSeq = numbered!.seq;
        }
        const status: SignupStatus = seat ? 'signed' : 'waitlisted';
        const fresh = { status, waitSeq, signedUpAt: now, cancelledAt: null, lateCancel: false };
        if (existing) await tx.update(activitySignups).set(fresh).where(signupKey(row, actor.accountId));
        else await tx.insert(activitySignups).values({ districtId: row.districtId, activityId: row.id, accountId: actor.accountId, ...fresh });
        if (!waitSeq) return { status, position: null };
        const [ahead] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(activitySignups)
          .where(and(eq(activitySignups.districtId, row.districtId), eq(activitySignups.activityId, row.id), eq(activitySignups.status, 'waitlisted'), sql`${activitySignups.waitSeq} <= ${waitSeq}`));
        return { status, position: ahead!.n };
      });
    },

    /**
     * Cancels the caller's sign-up before the start. A seat given back goes to the first on the
     * waitlist in the same transaction (told in their inbox), else the count goes down. Less than the
     * district's `lateCancelHours` before the start it is a late cancellation: a conduct fact
     * (`activities.lateCancellation`), published with the change.
     */
    async cancel(actor: Actor, id: string): Promise<{ late: boolean; promoted: boolean }> {
      return db.transaction(async (tx) => {
        const { row } = await access.load(tx, actor, id, { lock: true });
        const now = deps.clock.now();
        const [mine] = await tx.select().from(activitySignups).where(signupKey(row, actor.accountId)).for('update');
        if (!mine || mine.status === 'cancelled') throw activitiesError('activities.not_signed_up');
        if (row.status !== 'published') throw activitiesError('activities.bad_status', { params: { status: row.status } });
        if (row.startsAt <= now) throw activitiesError('activities.started');
        const settings = await settingsOf(tx, row.districtId);
        const late = mine.status === 'signed' && isLateCancellation(now, row.startsAt, settings.lateCancelHours);
        await tx.update(activitySignups).set({ status: 'cancelled', waitSeq: null, cancelledAt: now, lateCancel: late }).where(signupKey(row, actor.accountId));
        let promoted = false;
        if (mine.status === 'signed') {
          promoted = (await promote(tx, deps, row, 1, { fillSeats: false })) === 1;
          if (!promoted) await tx.update(activities).set({ signedCount: sql`${activities.signedCount} - 1` }).where(activityKey(row));
        }
        if (late) {
          await deps.events.publish(tx, row.districtId, { type: 'activities.lateCancellation', subjectType: 'activity', subjectId: row.id, actorId: actor.accountId, payload: { activityId: row.id, accountId: actor.accountId } });
        }
        return { late, promoted };
      });
    },

    /** Everyone who signed up (the organiser's list), seated first, then the waitlist in order, then cancellations. */
    async list(actor: Actor, id: string) {
      const { row } = await access.organised(db, actor, id);
      const rows = await db
        .select({ s: activitySignups, position: positionSql })
        .from(activitySignups)
        .where(and(eq(activitySignups.districtId, row.districtId), eq(activitySignups.activityId, row.id)))
        .orderBy(sql`CASE ${activitySignups.status} WHEN 'signed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END`, asc(activitySignups.waitSeq), asc(activitySignups.signedUpAt));
      const names = await deps.accounts.namesOf(row.districtId, rows.map((r) => r.s.accountId));
      return {
        items: rows.map(({ s, position }) => ({
          accountId: s.accountId,
          name: names.get(s.accountId)?.name ?? '',
          phone: maskPhone(names.get(s.accountId)?.phone) ?? '',
          status: s.status,
          position,
          signedUpAt: s.signedUpAt.toISOString(),
          lateCancel: s.lateCancel,
          noShow: s.noShow,
          absent: s.absent,
          checkedInAt: s.checkedInAt?.toISOString() ?? null,
          checkInVia: s.checkInVia,
          checkedOutAt: s.checkedOutAt?.toISOString() ?? null,
          checkOutVia: s.checkOutVia,
          noLocation: s.noLocation,
        })),
      };
    },
  };
}
