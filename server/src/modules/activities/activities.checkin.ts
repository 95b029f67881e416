import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { ActivityAccess, ActivityRow } from './activities.access.js';
import type { ActivitiesDeps } from './activities.deps.js';
import { activitiesError } from './activities.errors.js';
import { attendanceHours, distanceMetres, hoursText } from './activities.policy.js';
import { settingsOf } from './activities.settings.js';
import { activitySignups } from './activities.table.js';
import { GRACE_MS, signCode, SLOT_MS, slotOf, verifyCode, type Purpose } from './activities.token.js';

/** Check-in opens this long before the start. */
export const CHECK_IN_OPENS_MS = 60 * 60_000;

const signupKey = (row: Pick<ActivityRow, 'districtId' | 'id'>, accountId: string) =>
  and(eq(activitySignups.districtId, row.districtId), eq(activitySignups.activityId, row.id), eq(activitySignups.accountId, accountId));

/**
 * Check-in and check-out by the organiser's rotating QR code (activities.token.ts), and the roll call.
 * Each is set once: `UPDATE … SET checked_in_at = now WHERE checked_in_at IS NULL` — a second scan by
 * the same person finds nothing to set and answers "already checked in".
 */
export function activityCheckin(deps: ActivitiesDeps, access: ActivityAccess) {
  const { db } = deps;
  /** The district's signing key, derived from the platform's keyed digest (never stored, never shown). */
  const keyOf = (districtId: string) => Buffer.from(deps.crypto.digest(`activities.checkin-code:${districtId}`), 'hex');

  return {
    /** The code the organiser's phone shows now, and when it is due to change. */
    async code(actor: Actor, id: string, purpose: Purpose) {
      const { row } = await access.organised(db, actor, id);
      if (row.status !== 'published' && !(purpose === 'out' && row.status === 'finished')) throw activitiesError('activities.bad_status', { params: { status: row.status } });
      const now = deps.clock.now();
      const slot = slotOf(now);
      return {
        code: signCode(keyOf(row.districtId), row.id, purpose, slot),
        purpose,
        validUntil: new Date((slot + 1) * SLOT_MS + GRACE_MS).toISOString(),
        refreshInMs: (slot + 1) * SLOT_MS - now.getTime(),
      };
    },

    /**
     * A volunteer's phone posts a scanned code: signed by this district (else refused as invalid),
     * of the current slot or the one before within the grace (else expired), for an activity they are
     * signed up for (not waitlisted). With the activity's coordinates and radius, a position farther
     * than the radius is refused; none at all is accepted and flagged for the organiser.
     */
    async scan(actor: Actor, input: { code: string; lat?: number; lng?: number }) {
      const now = deps.clock.now();
      const checked = verifyCode(keyOf(actor.districtId), input.code, now);
      if (!checked.ok) throw activitiesError(checked.reason === 'expired' ? 'activities.code_expired' : 'activities.code_invalid', { field: 'code' });
      const settings = await settingsOf(db, actor.districtId);
      return db.transaction(async (tx) => {
        const { row } = await access.load(tx, actor, checked.activityId);
        const [mine] = await tx.select().from(activitySignups).where(signupKey(row, actor.accountId)).for('update');
        if (!mine || mine.status !== 'signed') throw activitiesError('activities.not_signed_up');
        let noLocation = false;
        if (row.lat !== null && row.lng !== null && row.radiusM !== null) {
          if (input.lat === undefined || input.lng === undefined) noLocation = true;
          else {
            const distance = Math.round(distanceMetres({ lat: row.lat, lng: row.lng }, { lat: input.lat, lng: input.lng }));
            if (distance > row.radiusM) throw activitiesError('activities.too_far', { field: 'lat', params: { distance, radius: row.radiusM } });
          }
        }
        if (checked.purpose === 'in') {
          if (row.status !== 'published' || now.getTime() < row.startsAt.getTime() - CHECK_IN_OPENS_MS || now > row.endsAt) throw activitiesError('activities.checkin_closed');
          const [done] = await tx
            .update(activitySignups)
            .set({ checkedInAt: now, checkInVia: 'qr', noLocation, absent: false })
            .where(and(signupKey(row, actor.accountId), isNull(activitySignups.checkedInAt)))
            .returning();
          if (!done) throw activitiesError('activities.already_checked_in');
          return { purpose: 'in' as const, at: now.toISOString(), noLocation };
        }
        if (!mine.checkedInAt) throw activitiesError('activities.not_checked_in');
        if (now.getTime() > row.endsAt.getTime() + settings.autoCheckoutHours * 3_600_000) throw activitiesError('activities.checkin_closed');
        const hours = hoursText(attendanceHours(mine.checkedInAt, now, row));
        const [done] = await tx
          .update(activitySignups)
          .set({ checkedOutAt: now, checkOutVia: 'qr', hours, hoursStatus: 'pending', noLocation: mine.noLocation || noLocation })
          .where(and(signupKey(row, actor.accountId), isNull(activitySignups.checkedOutAt)))
          .returning();
        if (!done) throw activitiesError('activities.already_checked_out');
        return { purpose: 'out' as const, at: now.toISOString(), noLocation };
      });
    },

    /**
     * The organiser's roll call: present checks a signed-up person in (if not yet, at the time of the
     * roll call); absent marks one who has not checked in. People not signed up are left alone.
     */
    async rollCall(actor: Actor, id: string, items: { accountId: string; present: boolean }[]) {
      await db.transaction(async (tx) => {
        const { row } = await access.organised(tx, actor, id, { lock: true });
        if (row.status !== 'published' && row.status !== 'finished') throw activitiesError('activities.bad_status', { params: { status: row.status } });
        const now = deps.clock.now();
        const of = (present: boolean) => items.filter((i) => i.present === present).map((i) => i.accountId);
        const here = and(eq(activitySignups.districtId, row.districtId), eq(activitySignups.activityId, row.id), eq(activitySignups.status, 'signed'));
        if (of(true).length) {
          await tx
            .update(activitySignups)
            .set({ checkedInAt: sql`coalesce(${activitySignups.checkedInAt}, ${now.toISOString()}::timestamptz)`, checkInVia: sql`coalesce(${activitySignups.checkInVia}, 'rollcall')`, absent: false })
            .where(and(here, inArray(activitySignups.accountId, of(true))));
        }
        if (of(false).length) {
          await tx.update(activitySignups).set({ absent: true }).where(and(here, inArray(activitySignups.accountId, of(false)), isNull(activitySignups.checkedInAt)));
        }
        await deps.audit.record(actor, { action: 'activities.rollCall', objectType: 'activity', objectId: id, regionId: row.regionId, details: { present: of(true).length, absent: of(false).length } });
      });
    },
  };
}
