import { and, eq, sql } from 'drizzle-orm';
import { systemActor, type Actor } from '../../platform/auth/actor.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { ActivityAccess } from './activities.access.js';
import type { ActivitiesDeps } from './activities.deps.js';
import { activitiesError } from './activities.errors.js';
import { activities, activitySignups } from './activities.table.js';

/**
 * The record of a finished activity (活动纪实): the organiser writes a text and attaches photos; anyone
 * may read the public summary without signing in — what happened, the photos, how many took part and
 * the hours approved; never a name, a phone or who took part.
 */
export function activitySummary(deps: ActivitiesDeps, access: ActivityAccess) {
  const { db } = deps;

  async function finished(id: string) {
    const [row] = await db.select().from(activities).where(and(eq(activities.id, id), eq(activities.status, 'finished')));
    if (!row) throw activitiesError('activities.not_found');
    return row;
  }

  return {
    async save(actor: Actor, id: string, input: { text: string; photos?: string[] }) {
      const photos = [...new Set(input.photos ?? [])];
      const owned = await deps.files.ownedBy(actor, photos);
      if (photos.some((p) => !owned.has(p))) throw activitiesError('activities.bad_photo', { field: 'photos' });
      await db.transaction(async (tx) => {
        const { row } = await access.organised(tx, actor, id, { lock: true });
        if (row.status !== 'finished') throw activitiesError('activities.not_finished');
        await tx.update(activities).set({ summary: input.text.trim(), photos, updatedAt: deps.clock.now() }).where(and(eq(activities.districtId, row.districtId), eq(activities.id, row.id)));
        await deps.files.attach(tx, row.districtId, photos, { type: 'activity', id: row.id });
        await deps.audit.record(actor, { action: 'activities.summary', objectType: 'activity', objectId: id, regionId: row.regionId, details: { photos: photos.length } });
      });
    },

    /** The public summary of a finished activity (no sign-in): counts only, no personal data. */
    async public(id: string) {
      const row = await finished(id);
      const [counts] = await db
        .select({ participants: sql<number>`count(*) FILTER (WHERE ${activitySignups.checkedInAt} IS NOT NULL)::int`, hours: sql<string>`coalesce(sum(${activitySignups.hours}) FILTER (WHERE ${activitySignups.hoursStatus} = 'approved'), 0)::numeric(10,2)::text` })
        .from(activitySignups)
        .where(and(eq(activitySignups.districtId, row.districtId), eq(activitySignups.activityId, row.id), eq(activitySignups.status, 'signed')));
      const [place] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, row.regionId));
      const organiserName = row.teamId ? ((await deps.teams.namesOf(row.districtId, [row.teamId])).get(row.teamId) ?? '') : (place?.name ?? '');
      return {
        id: row.id,
        title: row.title,
        categoryCode: row.categoryCode,
        place: row.place,
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        organiserName,
        summary: row.summary,
        photos: row.photos,
        participants: counts?.participants ?? 0,
        hours: counts?.hours ?? '0.00',
      };
    },

    /** A photo of a finished activity's summary, for the public page. */
    async publicPhoto(id: string, photoId: string) {
      const row = await finished(id);
      if (!row.photos.includes(photoId)) throw activitiesError('activities.not_found');
      return deps.files.read(systemActor(row.districtId), photoId);
    },

    /** Who may read a photo attached to an activity: whoever may see it; the system for a finished one's public summary. */
    async canSeePhotos(actor: Actor, id: string): Promise<boolean> {
      if (actor.isSystem) return (await db.select({ id: activities.id }).from(activities).where(and(eq(activities.districtId, actor.districtId), eq(activities.id, id), eq(activities.status, 'finished')))).length > 0;
      return access.load(db, actor, id).then(
        () => true,
        () => false,
      );
    },
  };
}
