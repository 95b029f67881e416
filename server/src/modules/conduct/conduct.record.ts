import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { ConductDeps } from './conduct.deps.js';
import { conductError } from './conduct.errors.js';
import { isValidUntil, rankOf, startOfShanghaiDay, suspendUntilFor } from './conduct.policy.js';
import { conductEntries, conductIncidents, type EntryRow } from './conduct.table.js';

export const LIFT_JOB = 'conduct.liftSuspension';

export type RecordInput = { accountId: string; entryId: string; what: string; occurredAt: string; photos?: string[]; points?: number; suspend?: boolean; suspendUntil?: string | null };

/** What the volunteer is told, and the reason the registry shows for the suspension. */
export const suspensionReason = (entry: Pick<EntryRow, 'title'>, until: string | null) => `负面言行：${entry.title}${until ? `（暂停至 ${until}）` : ''}`;

/** Points, suspension and its end from the input and the entry's defaults; bad combinations name the field. */
function decideSanction(input: RecordInput, entry: EntryRow, now: Date) {
  const points = input.points ?? entry.points;
  const suspend = input.suspend ?? entry.suspends;
  if (!suspend && input.suspendUntil) throw conductError('conduct.until_without_suspend', { field: 'suspendUntil' });
  const until = !suspend ? null : (input.suspendUntil ?? (entry.suspends && entry.suspendDays ? suspendUntilFor(now, entry.suspendDays) : null));
  if (until && !isValidUntil(until, now)) throw conductError('conduct.bad_until', { field: 'suspendUntil' });
  return { points, suspend, until };
}

/**
 * Staff record an incident against a volunteer in their scope. In one transaction: the incident,
 * the suspension through the registry (which takes the role), the volunteer's inbox message, the
 * audit row and `conduct.incidentRecorded` (the time bank deducts the points from it); a suspension
 * with an end day gets its lifting job, keyed by the incident.
 */
export function conductRecord(deps: ConductDeps) {
  const { db } = deps;

  return {
    async record(actor: Actor, input: RecordInput): Promise<string> {
      // the registry decides scope: a volunteer outside the caller's subtree is a 404, like a missing one
      const volunteer = await deps.volunteers.detail(actor, input.accountId);
      if (volunteer.status !== 'active' && volunteer.status !== 'suspended') throw conductError('conduct.not_a_volunteer', { field: 'accountId' });
      const now = deps.clock.now();
      const occurredAt = new Date(input.occurredAt);
      if (occurredAt.getTime() > now.getTime() + 5 * 60_000) throw conductError('conduct.occurred_in_future', { field: 'occurredAt' });
      const photos = [...new Set(input.photos ?? [])];
      const owned = await deps.files.ownedBy(actor, photos);
      if (!photos.every((p) => owned.has(p))) throw conductError('conduct.bad_photo', { field: 'photos' });

      return db.transaction(async (tx) => {
        const [entry] = await tx.select().from(conductEntries).where(and(eq(conductEntries.districtId, actor.districtId), eq(conductEntries.id, input.entryId), eq(conductEntries.active, true)));
        if (!entry) throw conductError('conduct.entry_inactive', { field: 'entryId' });
        const { points, suspend, until } = decideSanction(input, entry, now);
        const [row] = await tx
          .insert(conductIncidents)
          .values({ districtId: actor.districtId, accountId: volunteer.id, regionId: await homeOf(deps, actor.districtId, volunteer.id), entryId: entry.id, what: input.what.trim(), occurredAt, photos, points, suspendUntil: until, recordedBy: actor.accountId, recorderRank: rankOf(actor), recordedAt: now })
          .returning();
        const incident = row!;
        const suspended = suspend ? await suspendFor(tx, deps, actor, incident.id, volunteer.id, suspensionReason(entry, until), volunteer.status === 'suspended') : false;
        if (suspended && until) await deps.jobs.schedule(tx, actor.districtId, { name: LIFT_JOB, key: incident.id, runAt: startOfShanghaiDay(until), payload: { incidentId: incident.id } });
        await deps.files.attach(tx, actor.districtId, photos, { type: 'conduct', id: incident.id });
        await deps.notifications.notify(tx, actor.districtId, {
          key: `conduct.recorded:${incident.id}`,
          type: 'conduct.recorded',
          recipients: [volunteer.id],
          subject: { type: 'conduct', id: incident.id, label: volunteer.number ?? '' },
          params: { entry: entry.title, entryEn: entry.titleEn, points },
        });
        await deps.audit.record(actor, { action: 'conduct.record', objectType: 'conduct_incident', objectId: incident.id, regionId: incident.regionId, details: { accountId: volunteer.id, entry: entry.title, points, suspend, suspended, until } });
        await deps.events.publish(tx, actor.districtId, { type: 'conduct.incidentRecorded', subjectType: 'conduct_incident', subjectId: incident.id, actorId: actor.accountId, payload: { incidentId: incident.id, accountId: volunteer.id, points } });
        return incident.id;
      });
    },
  };
}

/**
 * Suspends through the registry; the incident holds the suspension when it made it, or when the
 * volunteer was suspended already (the suspension then lasts until every incident holding it ends).
 */
async function suspendFor(tx: DbOrTx, deps: ConductDeps, actor: Actor, incidentId: string, accountId: string, reason: string, wasSuspended: boolean): Promise<boolean> {
  const moved = await deps.volunteers.moveFor(tx, actor, actor.districtId, accountId, 'suspend', reason);
  if (!moved && !wasSuspended) return false;
  await tx.update(conductIncidents).set({ suspension: 'active' }).where(and(eq(conductIncidents.districtId, actor.districtId), eq(conductIncidents.id, incidentId)));
  return true;
}

/** The volunteer's home node (staff over it see the incident). */
export async function homeOf(deps: ConductDeps, districtId: string, accountId: string): Promise<string> {
  const person = (await deps.accounts.peopleOf(districtId, [accountId])).get(accountId);
  if (!person) throw conductError('conduct.not_a_volunteer', { field: 'accountId' });
  return person.regionId;
}
