import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { systemActor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { JobRow } from '../../platform/jobs/jobs.table.js';
import type { ConductDeps } from './conduct.deps.js';
import { conductError } from './conduct.errors.js';
import { canDecide, type AppealOutcome } from './conduct.policy.js';
import { entriesById, loadIncident, otherSuspensionHolds } from './conduct.rows.js';
import { conductIncidents, type IncidentRow } from './conduct.table.js';

/** Reinstates through the registry unless another incident still holds the suspension; false when nothing moved. */
async function reinstateIfFree(tx: DbOrTx, deps: ConductDeps, actor: Actor, row: IncidentRow, reason: string): Promise<boolean> {
  if (await otherSuspensionHolds(tx, row)) return false;
  return deps.volunteers.moveFor(tx, actor, row.districtId, row.accountId, 'reinstate', reason);
}

/**
 * The appeal (申诉): the volunteer appeals once per incident; staff above the recorder decide. Each
 * step is a conditional UPDATE on the status (recorded → appealing → annulled | confirmed), so a
 * second appeal or a second decider finds nothing to change and is told so.
 */
export function conductAppeals(deps: ConductDeps) {
  const { db } = deps;
  /** The incident's entry (its words for the messages), read before the change's transaction opens. */
  const label = async (row: IncidentRow) => (await entriesById(db, row.districtId, [row.entryId])).get(row.entryId);

  return {
    async appeal(actor: Actor, id: string, input: { statement: string; photos?: string[] }): Promise<void> {
      const photos = [...new Set(input.photos ?? [])];
      const owned = await deps.files.ownedBy(actor, photos);
      if (!photos.every((p) => owned.has(p))) throw conductError('conduct.bad_photo', { field: 'photos' });
      const entry = await label(await loadIncident(db, actor, id));
      await db.transaction(async (tx) => {
        const current = await loadIncident(tx, actor, id, true);
        if (current.accountId !== actor.accountId) throw conductError('conduct.not_yours');
        const [row] = await tx
          .update(conductIncidents)
          .set({ status: 'appealing', appealStatement: input.statement.trim(), appealPhotos: photos, appealedAt: deps.clock.now() })
          .where(and(eq(conductIncidents.districtId, actor.districtId), eq(conductIncidents.id, id), eq(conductIncidents.status, 'recorded')))
          .returning();
        if (!row) throw conductError('conduct.already_appealed');
        await deps.files.attach(tx, actor.districtId, photos, { type: 'conduct', id });
        // the recorder hears of it; the decision is taken above them
        await deps.notifications.notify(tx, actor.districtId, { key: `conduct.appealed:${id}`, type: 'conduct.appealed', recipients: [row.recordedBy], subject: { type: 'conduct', id, label: actor.name }, params: { entry: entry?.title ?? '', entryEn: entry?.titleEn ?? '' } });
        await deps.audit.record(actor, { action: 'conduct.appeal', objectType: 'conduct_incident', objectId: id, regionId: row.regionId, details: { photos: photos.length } });
      });
    },

    async decide(actor: Actor, id: string, input: { outcome: AppealOutcome; reason: string }): Promise<void> {
      const entry = await label(await loadIncident(db, actor, id));
      await db.transaction(async (tx) => {
        const current = await loadIncident(tx, actor, id, true);
        if (current.accountId === actor.accountId || !canDecide(actor, current)) throw conductError('conduct.not_decider');
        const upheld = input.outcome === 'upheld';
        const [row] = await tx
          .update(conductIncidents)
          .set({
            status: upheld ? 'annulled' : 'confirmed',
            outcome: input.outcome,
            outcomeReason: input.reason.trim(),
            decidedBy: actor.accountId,
            decidedAt: deps.clock.now(),
            ...(upheld && current.suspension === 'active' ? { suspension: 'annulled' as const } : {}),
          })
          .where(and(eq(conductIncidents.districtId, actor.districtId), eq(conductIncidents.id, id), eq(conductIncidents.status, 'appealing')))
          .returning();
        if (!row) throw conductError('conduct.not_appealing');
        const reinstated = upheld && current.suspension === 'active' ? await reinstateIfFree(tx, deps, actor, row, `申诉成立：${input.reason.trim()}`) : false;
        if (upheld) {
          // the time bank refunds the points deducted for it
          await deps.events.publish(tx, actor.districtId, { type: 'conduct.incidentAnnulled', subjectType: 'conduct_incident', subjectId: id, actorId: actor.accountId, payload: { incidentId: id, accountId: row.accountId, points: row.points } });
        }
        await deps.notifications.notify(tx, actor.districtId, {
          key: `conduct.decided:${id}`,
          type: upheld ? 'conduct.appealUpheld' : 'conduct.appealDismissed',
          recipients: [row.accountId],
          subject: { type: 'conduct', id, label: entry?.title ?? '' },
          params: { entry: entry?.title ?? '', entryEn: entry?.titleEn ?? '', reason: input.reason.trim() },
        });
        await deps.audit.record(actor, { action: `conduct.appeal.${input.outcome}`, objectType: 'conduct_incident', objectId: id, regionId: row.regionId, details: { reason: input.reason.trim(), reinstated } });
      });
    },

    /**
     * The job at the start of a suspension's end day: lifts it if this incident still holds it (not
     * annulled, not ended) and no other incident does; the registry refuses to reinstate anyone
     * who is no longer suspended (staff reinstated them already, or they left).
     */
    async liftJob(tx: DbOrTx, job: JobRow): Promise<void> {
      const incidentId = String(job.payload.incidentId ?? '');
      const [row] = await tx
        .update(conductIncidents)
        .set({ suspension: 'ended' })
        .where(and(eq(conductIncidents.districtId, job.districtId), eq(conductIncidents.id, incidentId), eq(conductIncidents.suspension, 'active')))
        .returning();
      if (!row) return;
      const system = systemActor(job.districtId);
      const reinstated = await reinstateIfFree(tx, deps, system, row, `暂停期满（${row.suspendUntil}）自动恢复`);
      await deps.audit.record(system, { action: 'conduct.suspensionLifted', objectType: 'conduct_incident', objectId: row.id, regionId: row.regionId, details: { until: row.suspendUntil, reinstated } });
    },
  };
}
