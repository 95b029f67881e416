import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { regions } from '../../platform/scope/regions.table.js';
import { volunteersError } from './volunteers.errors.js';
import { availabilityProblem, canMove } from './volunteers.policy.js';
import { loadOwn, type VolunteersDeps } from './volunteers.rows.js';
import type { Application } from './volunteers.schemas.js';
import { volunteers } from './volunteers.table.js';

/** The community a home node lies in (the node itself or an ancestor), or null when none. */
export async function communityOf(tx: DbOrTx, path: string): Promise<string | null> {
  const ids = path.split('/').filter(Boolean);
  if (ids.length === 0) return null;
  const [row] = await tx.select({ id: regions.id }).from(regions).where(and(inArray(regions.id, ids), eq(regions.type, 'community'))).limit(1);
  return row?.id ?? null;
}

function checkApplication(input: Application) {
  if (availabilityProblem(input.availability)) throw volunteersError('volunteers.bad_availability', { field: 'availability' });
  if (input.inService && !['party', 'probationary'].includes(input.politicalStatus)) throw volunteersError('volunteers.in_service_party_only', { field: 'inService' });
  if (input.inService && !input.workUnit?.trim() && !input.workUnitId) throw volunteersError('volunteers.work_unit_required', { field: 'workUnit' });
}

/** A person applying to be a volunteer (志愿者申请), on the phone or at registration. */
export function volunteersApply(deps: VolunteersDeps) {
  const { db } = deps;

  /** Staff of the community (and grid workers over the person's home) are told of a new application. */
  async function tellCommunity(tx: DbOrTx, districtId: string, row: { accountId: string; communityId: string; regionId: string }, name: string) {
    const staff = await deps.accounts.staffAt(districtId, [row.communityId], ['communityAdmin']);
    await deps.notifications.notify(tx, districtId, {
      key: `volunteers.applied:${row.accountId}:${deps.clock.now().getTime()}`,
      type: 'volunteers.applied',
      recipients: staff.map((s) => s.id),
      subject: { type: 'volunteer', id: row.accountId, label: name },
      params: {},
    });
  }

  return {
    /** Applies, or updates a pending application, or applies again after a refusal or leaving. */
    async apply(actor: Actor, input: Application): Promise<void> {
      checkApplication(input);
      // a registered unit (双报到单位) chosen: its name is the work unit; free text stays for one not registered
      const unitName = input.inService && input.workUnitId ? await deps.workUnitName(actor.districtId, input.workUnitId) : null;
      if (input.inService && input.workUnitId && !unitName) throw volunteersError('volunteers.bad_work_unit', { field: 'workUnitId' });
      await db.transaction(async (tx) => {
        const current = await loadOwn(tx, actor.districtId, actor.accountId);
        if (current && !(current.status === 'applied' || canMove('reapply', current.status))) throw volunteersError('volunteers.already_registered');
        const communityId = await communityOf(tx, actor.regionPath);
        if (!communityId) throw volunteersError('volunteers.no_community', { field: 'regionId' });
        if (input.photoFileId && !(await deps.files.ownedBy(actor, [input.photoFileId])).has(input.photoFileId)) throw volunteersError('volunteers.bad_photo', { field: 'photoFileId' });
        await deps.accounts.updatePersonDetails(tx, actor.districtId, actor.accountId, { gender: input.gender, birthYear: input.birthYear, skills: input.skills, idNumber: input.idNumber });
        const values = {
          status: 'applied',
          statusReason: null,
          regionId: actor.regionId,
          communityId,
          politicalStatus: input.politicalStatus,
          inService: input.inService,
          workUnit: unitName ?? (input.inService ? input.workUnit!.trim() : (input.workUnit?.trim() || null)),
          workUnitId: unitName ? input.workUnitId! : null,
          availability: input.availability,
          serviceRadiusM: input.serviceRadiusM,
          photoFileId: input.photoFileId ?? null,
          appliedAt: current?.status === 'applied' ? current.appliedAt : deps.clock.now(),
          updatedAt: deps.clock.now(),
        };
        await tx
          .insert(volunteers)
          .values({ districtId: actor.districtId, accountId: actor.accountId, ...values })
          .onConflictDoUpdate({ target: [volunteers.districtId, volunteers.accountId], set: values });
        if (input.photoFileId) await deps.files.attach(tx, actor.districtId, [input.photoFileId], { type: 'volunteer', id: actor.accountId });
        await deps.audit.record(actor, { action: current ? 'volunteers.reapply' : 'volunteers.apply', objectType: 'volunteer', objectId: actor.accountId, regionId: actor.regionId });
        if (!current || current.status !== 'applied') await tellCommunity(tx, actor.districtId, { accountId: actor.accountId, communityId, regionId: actor.regionId }, actor.name);
      });
    },

    /**
     * Registration with "I want to volunteer" ticked: the application, with nothing more said yet,
     * inside the registration's transaction. The community completes or approves it.
     */
    async applyOnRegistration(tx: DbOrTx, districtId: string, person: { accountId: string; name: string; regionId: string; regionPath: string }): Promise<void> {
      const communityId = await communityOf(tx, person.regionPath);
      if (!communityId) return;
      await tx.insert(volunteers).values({ districtId, accountId: person.accountId, regionId: person.regionId, communityId, appliedAt: deps.clock.now() }).onConflictDoNothing();
      await tellCommunity(tx, districtId, { accountId: person.accountId, communityId, regionId: person.regionId }, person.name);
    },
  };
}
