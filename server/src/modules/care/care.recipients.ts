import { and, asc, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { isValidIdNumber } from '../../platform/privacy/id-number.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import { regionInScope, staffRolesOver } from '../../platform/scope/scope.js';
import { adminRoles } from '../../platform/auth/roles.js';
import type { CareDeps } from './care.deps.js';
import { careError } from './care.errors.js';
import { defaultCallName, MAX_PAIRED } from './care.policy.js';
import { loadRecipient, manageRecipient, recipientView, type LoadedRecipient, type Paired } from './care.rows.js';
import { carePairings, carePlans, careRecipients } from './care.table.js';
import type { careTypesCatalogue } from './care.types.js';
import { careList } from './care.list.js';

export type RecipientInput = {
  regionId: string; name: string; callName?: string | null; gender?: 'male' | 'female' | null; birthYear?: number | null; idNumber?: string | null; phone?: string | null; address?: string;
  typeCodes: string[]; guardianName?: string | null; guardianRelation?: string | null; guardianPhone?: string | null; needs?: string; riskNotes?: string;
};
export type RecipientPatch = Partial<RecipientInput>;

const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());

/** The registry of people under care (关爱对象): staff's list, the record, its pairing, and each look audited. */
export function careRecipientsRegistry(deps: CareDeps, types: ReturnType<typeof careTypesCatalogue>) {
  const { db, crypto } = deps;

  async function pairedOf(districtId: string, ids: string[], rows: { volunteerId: string; pairedAt: Date }[]): Promise<Paired[]> {
    const people = await deps.accounts.profilesOf(districtId, ids);
    return rows.map((r) => ({ volunteerId: r.volunteerId, name: people.get(r.volunteerId)?.name ?? '', phone: maskPhone(people.get(r.volunteerId)?.phone) ?? '', pairedAt: r.pairedAt.toISOString() }));
  }

  async function view(actor: Actor, loaded: LoadedRecipient) {
    const rows = await db.select({ volunteerId: carePairings.volunteerId, pairedAt: carePairings.pairedAt }).from(carePairings)
      .where(and(eq(carePairings.districtId, actor.districtId), eq(carePairings.recipientId, loaded.row.id))).orderBy(asc(carePairings.pairedAt));
    // decrypted only for staff, who see it masked; a volunteer's view never holds it
    const staff = loaded.standing === 'manager' || loaded.standing === 'staff';
    const plain = staff && loaded.row.idNumberEnc ? crypto.decrypt(loaded.row.idNumberEnc) : null;
    return recipientView(loaded, await types.names(actor.districtId), await pairedOf(actor.districtId, rows.map((r) => r.volunteerId), rows), plain);
  }

  /** Every look at a person's record is audited (SPEC: reads of sensitive data). */
  async function detail(actor: Actor, id: string) {
    const loaded = await loadRecipient(db, actor, id);
    await deps.audit.record(actor, { action: 'care.read', objectType: 'careRecipient', objectId: id, regionId: loaded.row.regionId });
    return view(actor, loaded);
  }

  async function checkInput(actor: Actor, input: RecipientPatch) {
    if (input.idNumber && !isValidIdNumber(input.idNumber.trim())) throw careError('care.invalid_id_number', { field: 'idNumber' });
    if (input.typeCodes) await types.requireActive(db, actor.districtId, input.typeCodes);
    if (input.regionId === undefined) return undefined;
    const place = await regionInScope(db, actor, input.regionId);
    if (!deps.regions.isHomeLevel(place.type)) throw careError('care.place_not_home', { field: 'regionId' });
    if (!staffRolesOver(actor, place.path).some((r) => adminRoles.includes(r))) throw careError('care.forbidden');
    return place;
  }

  /** The columns a write sets from its input (the ID number encrypted, with its digest). */
  function columns(input: RecipientPatch) {
    const idNumber = blankToNull(input.idNumber);
    return {
      ...(input.regionId !== undefined ? { regionId: input.regionId } : {}),
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.callName !== undefined ? { callName: blankToNull(input.callName) } : {}),
      ...(input.gender !== undefined ? { gender: input.gender } : {}),
      ...(input.birthYear !== undefined ? { birthYear: input.birthYear } : {}),
      ...(idNumber !== undefined ? { idNumberEnc: idNumber ? crypto.encrypt(idNumber.toUpperCase()) : null, idNumberHmac: idNumber ? crypto.digest(idNumber) : null } : {}),
      ...(input.phone !== undefined ? { phone: blankToNull(input.phone) } : {}),
      ...(input.address !== undefined ? { address: input.address.trim() } : {}),
      ...(input.typeCodes !== undefined ? { typeCodes: [...new Set(input.typeCodes)] } : {}),
      ...(input.guardianName !== undefined ? { guardianName: blankToNull(input.guardianName) } : {}),
      ...(input.guardianRelation !== undefined ? { guardianRelation: blankToNull(input.guardianRelation) } : {}),
      ...(input.guardianPhone !== undefined ? { guardianPhone: blankToNull(input.guardianPhone) } : {}),
      ...(input.needs !== undefined ? { needs: input.needs.trim() } : {}),
      ...(input.riskNotes !== undefined ? { riskNotes: input.riskNotes.trim() } : {}),
    };
  }

  /** The UNIQUE digest refuses a second record of one person: told as a 409 naming the field. */
  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if ((err as { code?: string; cause?: { code?: string } }).code === '23505' || (err as { cause?: { code?: string } }).cause?.code === '23505') throw careError('care.id_number_taken', { field: 'idNumber' });
      throw err;
    }
  }

  return {
    detail,
    view,
    ...careList(deps, types),

    /** Registers a person in a place the caller runs (admins of its community, street or district). */
    async create(actor: Actor, input: RecipientInput) {
      await checkInput(actor, input);
      const id = await guarded(() => db.transaction(async (tx) => {
        const [row] = await tx.insert(careRecipients).values({ districtId: actor.districtId, ...columns(input), name: input.name.trim(), regionId: input.regionId, typeCodes: [...new Set(input.typeCodes)], createdBy: actor.accountId, createdAt: deps.clock.now() })
          .returning({ id: careRecipients.id });
        await deps.audit.record(actor, { action: 'care.create', objectType: 'careRecipient', objectId: row!.id, regionId: input.regionId, details: { types: input.typeCodes } });
        return row!.id;
      }));
      return view(actor, await loadRecipient(db, actor, id));
    },

    async update(actor: Actor, id: string, patch: RecipientPatch) {
      const { typeCodes, ...rest } = patch;
      await checkInput(actor, rest);
      await guarded(() => db.transaction(async (tx) => {
        const loaded = await manageRecipient(tx, actor, id);
        // only a kind newly given must be active: one the person has kept since it was switched off stays
        if (typeCodes) await types.requireActive(tx, actor.districtId, typeCodes.filter((c) => !loaded.row.typeCodes.includes(c)));
        await tx.update(careRecipients).set({ ...columns(patch), updatedAt: new Date() }).where(and(eq(careRecipients.districtId, actor.districtId), eq(careRecipients.id, id)));
        // which fields changed, never their values (the log is not a second copy of the record)
        await deps.audit.record(actor, { action: 'care.update', objectType: 'careRecipient', objectId: id, regionId: loaded.row.regionId, details: { fields: Object.keys(patch) } });
      }));
      return view(actor, await loadRecipient(db, actor, id));
    },

    /** Closes the record (moved away, passed away, no longer in need): its plans stop making orders. */
    async archive(actor: Actor, id: string, reason: string) {
      await db.transaction(async (tx) => {
        const loaded = await manageRecipient(tx, actor, id);
        await tx.update(careRecipients).set({ status: 'archived', archivedReason: reason.trim(), updatedAt: new Date() }).where(and(eq(careRecipients.districtId, actor.districtId), eq(careRecipients.id, id)));
        await tx.update(carePlans).set({ active: false, updatedAt: new Date() }).where(and(eq(carePlans.districtId, actor.districtId), eq(carePlans.recipientId, id)));
        await deps.audit.record(actor, { action: 'care.archive', objectType: 'careRecipient', objectId: id, regionId: loaded.row.regionId, details: { reason } });
      });
      return view(actor, await loadRecipient(db, actor, id));
    },

    /** A phone or the ID number in full, for admins over the person; every look audited. */
    async reveal(actor: Actor, id: string, field: 'phone' | 'guardianPhone' | 'idNumber') {
      return db.transaction(async (tx) => {
        const loaded = await loadRecipient(tx, actor, id);
        if (loaded.standing !== 'manager') throw careError('care.reveal_forbidden', { field: 'field' });
        const row = loaded.row;
        const value = field === 'phone' ? row.phone : field === 'guardianPhone' ? row.guardianPhone : row.idNumberEnc ? crypto.decrypt(row.idNumberEnc) : null;
        await deps.audit.record(actor, { action: 'pii.reveal', objectType: 'careRecipient', objectId: id, regionId: row.regionId, details: { field } });
        return { value: value ?? null };
      });
    },

    /**
     * Sets who looks after the person (一对一 / 二对一): active volunteers of the district, at most
     * three. The person's row is locked, so two admins pairing at once cannot pass the limit together.
     */
    async pair(actor: Actor, id: string, volunteerIds: string[]) {
      const wanted = [...new Set(volunteerIds)];
      if (wanted.length > MAX_PAIRED) throw careError('care.too_many_paired', { field: 'volunteerIds', params: { max: MAX_PAIRED } });
      const people = await deps.accounts.profilesOf(actor.districtId, wanted);
      if (wanted.some((v) => !people.get(v)?.roles.includes('volunteer') || people.get(v)?.status !== 'active')) throw careError('care.not_a_volunteer', { field: 'volunteerIds' });
      await db.transaction(async (tx) => {
        const loaded = await manageRecipient(tx, actor, id);
        // read after the row lock, in a statement of its own: the locking statement's own snapshot predates
        // the pairing another admin committed while this one waited (PostgreSQL's READ COMMITTED)
        const current = (await tx.select({ v: carePairings.volunteerId }).from(carePairings).where(and(eq(carePairings.districtId, actor.districtId), eq(carePairings.recipientId, id)))).map((r) => r.v);
        const before = new Set(current);
        const gone = current.filter((v) => !wanted.includes(v));
        const added = wanted.filter((v) => !before.has(v));
        for (const v of gone) await tx.delete(carePairings).where(and(eq(carePairings.districtId, actor.districtId), eq(carePairings.recipientId, id), eq(carePairings.volunteerId, v)));
        if (added.length > 0) await tx.insert(carePairings).values(added.map((v) => ({ districtId: actor.districtId, recipientId: id, volunteerId: v, pairedBy: actor.accountId, pairedAt: deps.clock.now() }))).onConflictDoNothing();
        // the volunteers told by the name they will use (王奶奶), never the record's full name
        const label = loaded.row.callName ?? defaultCallName(loaded.row.name);
        if (added.length > 0) await deps.notifications.notify(tx, actor.districtId, { key: `care.paired:${id}:${deps.clock.now().getTime()}`, type: 'care.paired', recipients: added, subject: { type: 'careRecipient', id, label } });
        await deps.audit.record(actor, { action: 'care.pair', objectType: 'careRecipient', objectId: id, regionId: loaded.row.regionId, details: { added, removed: gone } });
      });
      return view(actor, await loadRecipient(db, actor, id));
    },

    /** The people a volunteer looks after, as they may see them (their phone's 我的结对). */
    async mine(actor: Actor) {
      await deps.audit.record(actor, { action: 'care.mine', objectType: 'account', objectId: actor.accountId, regionId: actor.regionId });
      const rows = await db.select({ id: careRecipients.id }).from(carePairings)
        .innerJoin(careRecipients, and(eq(careRecipients.districtId, carePairings.districtId), eq(careRecipients.id, carePairings.recipientId)))
        .where(and(eq(carePairings.districtId, actor.districtId), eq(carePairings.volunteerId, actor.accountId), eq(careRecipients.status, 'active')))
        .orderBy(desc(carePairings.pairedAt));
      const out = [];
      for (const r of rows) out.push(await view(actor, { ...(await loadRecipient(db, actor, r.id)), standing: 'paired' }));
      return out;
    },
  };
}
