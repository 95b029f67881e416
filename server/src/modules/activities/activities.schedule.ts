import { and, eq, gte, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { adminRoles } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { regionInScope } from '../../platform/scope/scope.js';
import type { ActivityAccess, ActivityRow } from './activities.access.js';
import type { ActivitiesDeps } from './activities.deps.js';
import { activitiesError } from './activities.errors.js';
import { tell } from './activities.inbox.js';
import { scheduleTimers } from './activities.jobs.js';
import { isThemedDate, localDate, MAX_OCCURRENCES, nextThemedDate, occurrencesOf, type Occurrence, type Recurrence } from './activities.policy.js';
import { promote } from './activities.signup.js';
import { activities, activitySeries, activitySignups } from './activities.table.js';

export type ActivityInput = {
  title: string;
  description?: string;
  categoryCode: string;
  place: string;
  lat?: number | null;
  lng?: number | null;
  radiusM?: number | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  themed?: boolean;
  regionId?: string;
  teamId?: string;
  recurrence?: { kind: 'weekly' | 'monthly'; weekdays?: number[]; days?: number[]; until: string };
  publish?: boolean;
};

export type ActivityPatch = Partial<Omit<ActivityInput, 'regionId' | 'teamId' | 'recurrence' | 'publish'>> & { applyTo?: 'this' | 'future' };

const isAdmin = (actor: Actor) => actor.roles.some((r) => r !== 'system' && adminRoles.includes(r));

/** Creating, editing (one occurrence or the rest of its series), publishing and cancelling activities. */
export function activitySchedule(deps: ActivitiesDeps, access: ActivityAccess) {
  const { db } = deps;

  async function checkCategory(districtId: string, code: string) {
    const codes = new Set((await deps.categories.list(districtId)).filter((c) => c.active).map((c) => c.code));
    if (!codes.has(code)) throw activitiesError('activities.bad_category', { field: 'categoryCode' });
  }

  function checkLocation(v: { lat?: number | null; lng?: number | null; radiusM?: number | null }) {
    const hasLat = v.lat !== undefined && v.lat !== null;
    const hasLng = v.lng !== undefined && v.lng !== null;
    if (hasLat !== hasLng) throw activitiesError('activities.location_incomplete', { field: hasLat ? 'lng' : 'lat' });
    if (v.radiusM !== undefined && v.radiusM !== null && !hasLat) throw activitiesError('activities.location_incomplete', { field: 'lat' });
  }

  function checkTimes(o: Occurrence, themed: boolean, now: Date) {
    if (Number.isNaN(o.startsAt.getTime())) throw activitiesError('activities.bad_time', { field: 'startsAt' });
    if (!(o.endsAt > o.startsAt)) throw activitiesError('activities.bad_time', { field: 'endsAt' });
    if (o.startsAt <= now) throw activitiesError('activities.in_past', { field: 'startsAt' });
    const day = localDate(o.startsAt);
    if (themed && !isThemedDate(day)) throw activitiesError('activities.not_themed_date', { field: 'startsAt', params: { suggestion: nextThemedDate(day) } });
  }

  function expand(first: Occurrence, r: ActivityInput['recurrence']): Occurrence[] {
    if (!r) return [first];
    const days = r.kind === 'weekly' ? r.weekdays : r.days;
    if (!days?.length) throw activitiesError('activities.bad_recurrence', { field: r.kind === 'weekly' ? 'recurrence.weekdays' : 'recurrence.days' });
    const rule: Recurrence = r.kind === 'weekly' ? { kind: 'weekly', weekdays: days, until: r.until } : { kind: 'monthly', days, until: r.until };
    const made = occurrencesOf(first, rule);
    if (made === null) throw activitiesError('activities.too_many_occurrences', { field: 'recurrence.until', params: { max: MAX_OCCURRENCES } });
    if (made.length === 0) throw activitiesError('activities.bad_recurrence', { field: 'recurrence.until' });
    return made;
  }

  /** Where it is held and by whom: a team the caller leads (or an admin over it), else a place in an admin's subtree. */
  async function organiserOf(tx: DbOrTx, actor: Actor, input: ActivityInput): Promise<{ regionId: string; teamId: string | null }> {
    if (input.teamId) {
      const led = (await deps.teams.ledBy(actor)).find((t) => t.id === input.teamId);
      const team = led ?? (isAdmin(actor) ? await deps.teams.getInScope(actor, input.teamId).catch(() => null) : null);
      if (!team) throw activitiesError('activities.team_not_found', { field: 'teamId' });
      return { regionId: team.regionId, teamId: team.id };
    }
    if (!isAdmin(actor)) throw activitiesError('activities.not_organiser');
    const region = await regionInScope(tx, actor, input.regionId ?? actor.regionId);
    return { regionId: region.id, teamId: null };
  }

  return {
    async create(actor: Actor, input: ActivityInput): Promise<string[]> {
      const now = deps.clock.now();
      checkLocation(input);
      const first = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
      checkTimes(first, false, now);
      const occurrences = expand(first, input.recurrence);
      for (const o of occurrences) checkTimes(o, input.themed ?? false, now);
      await checkCategory(actor.districtId, input.categoryCode);
      return db.transaction(async (tx) => {
        const by = await organiserOf(tx, actor, input);
        const [series] = input.recurrence
          ? await tx.insert(activitySeries).values({ districtId: actor.districtId, recurrence: input.recurrence as Recurrence, createdBy: actor.accountId, createdAt: now }).returning()
          : [undefined];
        const rows = await tx
          .insert(activities)
          .values(
            occurrences.map((o) => ({
              districtId: actor.districtId,
              seriesId: series?.id ?? null,
              ...by,
              title: input.title.trim(),
              description: input.description?.trim() ?? '',
              categoryCode: input.categoryCode,
              place: input.place.trim(),
              lat: input.lat ?? null,
              lng: input.lng ?? null,
              radiusM: input.radiusM ?? null,
              startsAt: o.startsAt,
              endsAt: o.endsAt,
              capacity: input.capacity,
              themed: input.themed ?? false,
              status: input.publish ? ('published' as const) : ('draft' as const),
              createdBy: actor.accountId,
              createdAt: now,
              updatedAt: now,
            })),
          )
          .returning();
        if (input.publish) for (const row of rows) await scheduleTimers(tx, deps, row);
        await deps.audit.record(actor, { action: 'activities.create', objectType: 'activity', objectId: rows[0]!.id, regionId: by.regionId, details: { title: input.title, occurrences: rows.length, seriesId: series?.id ?? null, published: input.publish ?? false } });
        return rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).map((r) => r.id);
      });
    },

    /**
     * Edits one activity, or (`applyTo: 'future'`) it and every later occurrence of its series that is
     * still a draft or published — earlier ones stay as they were. A new time moves each by the same
     * amount; a larger capacity lets the waitlist move up at once; below the seats taken is refused.
     */
    async update(actor: Actor, id: string, patch: ActivityPatch): Promise<void> {
      const now = deps.clock.now();
      if (patch.categoryCode !== undefined) await checkCategory(actor.districtId, patch.categoryCode);
      await db.transaction(async (tx) => {
        const { row } = await access.organised(tx, actor, id, { lock: true });
        if (row.status !== 'draft' && row.status !== 'published') throw activitiesError('activities.bad_status', { params: { status: row.status } });
        const targets =
          patch.applyTo === 'future' && row.seriesId
            ? await tx
                .select()
                .from(activities)
                .where(and(eq(activities.districtId, row.districtId), eq(activities.seriesId, row.seriesId), gte(activities.startsAt, row.startsAt), inArray(activities.status, ['draft', 'published'])))
                .for('update')
            : [row];
        const shiftStart = patch.startsAt ? new Date(patch.startsAt).getTime() - row.startsAt.getTime() : 0;
        const shiftEnd = patch.endsAt ? new Date(patch.endsAt).getTime() - row.endsAt.getTime() : 0;
        for (const target of targets) await updateOne(tx, target, patch, { shiftStart, shiftEnd, now });
        await deps.audit.record(actor, { action: 'activities.update', objectType: 'activity', objectId: id, regionId: row.regionId, details: { ...patch, occurrences: targets.length } });
      });
    },

    /** Publishes a draft (and, for a series, every later draft of it): sign-up opens, the timers are set. */
    async publish(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const { row } = await access.organised(tx, actor, id, { lock: true });
        if (row.status !== 'draft') throw activitiesError('activities.bad_status', { params: { status: row.status } });
        const rows = await tx
          .update(activities)
          .set({ status: 'published', updatedAt: deps.clock.now() })
          .where(
            row.seriesId
              ? and(eq(activities.districtId, row.districtId), eq(activities.seriesId, row.seriesId), gte(activities.startsAt, row.startsAt), eq(activities.status, 'draft'))
              : and(eq(activities.districtId, row.districtId), eq(activities.id, row.id)),
          )
          .returning();
        for (const r of rows) await scheduleTimers(tx, deps, r);
        await deps.audit.record(actor, { action: 'activities.publish', objectType: 'activity', objectId: id, regionId: row.regionId, details: { occurrences: rows.length } });
      });
    },

    /** Cancels a draft or published activity; everyone signed up or waiting is told in their inbox. */
    async cancel(actor: Actor, id: string, reason: string): Promise<void> {
      await db.transaction(async (tx) => {
        const { row } = await access.organised(tx, actor, id, { lock: true });
        if (row.status !== 'draft' && row.status !== 'published') throw activitiesError('activities.bad_status', { params: { status: row.status } });
        const [cancelled] = await tx.update(activities).set({ status: 'cancelled', cancelReason: reason.trim(), updatedAt: deps.clock.now() }).where(and(eq(activities.districtId, row.districtId), eq(activities.id, row.id))).returning();
        const people = await tx
          .select({ id: activitySignups.accountId })
          .from(activitySignups)
          .where(and(eq(activitySignups.districtId, row.districtId), eq(activitySignups.activityId, row.id), inArray(activitySignups.status, ['signed', 'waitlisted'])));
        await tell(tx, deps, cancelled!, { type: 'activities.cancelled', key: `activities.cancelled:${row.id}`, recipients: people.map((p) => p.id) });
        await deps.audit.record(actor, { action: 'activities.cancel', objectType: 'activity', objectId: id, regionId: row.regionId, details: { reason, told: people.length } });
      });
    },
  };

  async function updateOne(tx: DbOrTx, target: ActivityRow, patch: ActivityPatch, o: { shiftStart: number; shiftEnd: number; now: Date }) {
    const startsAt = new Date(target.startsAt.getTime() + o.shiftStart);
    const endsAt = new Date(target.endsAt.getTime() + o.shiftEnd);
    const moved = o.shiftStart !== 0 || o.shiftEnd !== 0;
    const themed = patch.themed ?? target.themed;
    if (moved || patch.themed !== undefined) checkTimes({ startsAt, endsAt }, themed, o.now);
    const location = { lat: patch.lat !== undefined ? patch.lat : target.lat, lng: patch.lng !== undefined ? patch.lng : target.lng, radiusM: patch.radiusM !== undefined ? patch.radiusM : target.radiusM };
    checkLocation(location);
    const capacity = patch.capacity ?? target.capacity;
    if (capacity < target.signedCount) throw activitiesError('activities.capacity_below_signed', { field: 'capacity', params: { signed: target.signedCount } });
    const [updated] = await tx
      .update(activities)
      .set({
        title: patch.title?.trim() ?? target.title,
        description: patch.description?.trim() ?? target.description,
        categoryCode: patch.categoryCode ?? target.categoryCode,
        place: patch.place?.trim() ?? target.place,
        ...location,
        startsAt,
        endsAt,
        capacity,
        themed,
        updatedAt: o.now,
      })
      .where(and(eq(activities.districtId, target.districtId), eq(activities.id, target.id)))
      .returning();
    // more seats: the waitlist moves up at once, in order
    if (capacity > target.signedCount && updated!.status === 'published') await promote(tx, deps, updated!, capacity - target.signedCount, { fillSeats: true });
    if (moved && updated!.status === 'published') await scheduleTimers(tx, deps, updated!);
  }
}
