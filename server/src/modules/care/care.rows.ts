import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { maskIdNumber, maskPhone } from '../../platform/privacy/mask.js';
import { placeText } from '../../platform/scope/place.js';
import { regions } from '../../platform/scope/regions.table.js';
import { careError } from './care.errors.js';
import { defaultCallName, pairingMode, standingOf, type CareStanding } from './care.policy.js';
import { carePairings, careRecipients } from './care.table.js';

export type RecipientRow = typeof careRecipients.$inferSelect;
export type LoadedRecipient = { row: RecipientRow; path: string; place: string[]; placeName: string; pairedIds: string[]; standing: CareStanding };
export type TypeNames = Map<string, { name: string; nameEn: string }>;
export type Paired = { volunteerId: string; name: string; phone: string; pairedAt: string };

/** The person, their place and who is paired with them; 404 unless the caller stands somewhere (care.policy `standingOf`). */
export async function loadRecipient(q: DbOrTx, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<LoadedRecipient> {
  const base = q
    .select({
      row: careRecipients,
      path: regions.path,
      place: regions.place,
      placeName: regions.name,
      pairedIds: sql<string[]>`ARRAY(SELECT p.volunteer_id FROM ${carePairings} p WHERE p.district_id = ${careRecipients.districtId} AND p.recipient_id = ${careRecipients.id})`,
    })
    .from(careRecipients)
    .innerJoin(regions, and(eq(regions.districtId, careRecipients.districtId), eq(regions.id, careRecipients.regionId)))
    .where(and(eq(careRecipients.districtId, actor.districtId), eq(careRecipients.id, id)));
  const [found] = opts.lock ? await base.for('update', { of: careRecipients }) : await base;
  const standing = found ? standingOf(actor, found.path, found.pairedIds) : 'none';
  if (!found || standing === 'none') throw careError('care.not_found');
  return { ...found, standing };
}

/** The same person as a manager must reach them: 404 for those who do not see them, 403 for staff who only see them. */
export async function manageRecipient(q: DbOrTx, actor: Actor, id: string): Promise<LoadedRecipient> {
  const loaded = await loadRecipient(q, actor, id, { lock: true });
  if (loaded.standing !== 'manager') throw careError(loaded.standing === 'staff' ? 'care.forbidden' : 'care.not_found');
  if (loaded.row.status === 'archived') throw careError('care.archived');
  return loaded;
}

const typesOf = (codes: string[], names: TypeNames) => codes.map((code) => ({ code, name: names.get(code)?.name ?? code, nameEn: names.get(code)?.nameEn ?? code }));

/**
 * A person as the caller may see them. Staff: the record, phones and the ID number masked (a look at
 * one in full is `reveal`, audited). A paired volunteer: what they need to help — how to address
 * them, where they live, what they need — and nothing else (SPEC §8).
 */
export function recipientView(loaded: LoadedRecipient, names: TypeNames, paired: Paired[], idNumber: string | null) {
  const { row, standing } = loaded;
  const staff = standing === 'manager' || standing === 'staff';
  return {
    id: row.id,
    view: staff ? ('staff' as const) : ('volunteer' as const),
    name: staff ? row.name : null,
    callName: row.callName ?? defaultCallName(row.name),
    /** The call name staff gave (null: none, and `callName` is the masked name): what the form edits. */
    callNameGiven: staff ? row.callName : null,
    gender: row.gender ?? null,
    birthYear: staff ? row.birthYear : null,
    idNumber: staff ? maskIdNumber(idNumber) : null,
    phone: staff ? maskPhone(row.phone) : null,
    address: row.address,
    types: typesOf(row.typeCodes, names),
    guardian: staff && row.guardianName ? { name: row.guardianName, relation: row.guardianRelation ?? '', phone: maskPhone(row.guardianPhone) } : null,
    needs: row.needs,
    riskNotes: staff ? row.riskNotes : null,
    status: row.status,
    archivedReason: staff ? row.archivedReason : null,
    place: { id: row.regionId, name: loaded.placeName, text: placeText(loaded.place, loaded.placeName) },
    paired: staff ? paired : paired.map((p) => ({ ...p, phone: '' })),
    pairingMode: pairingMode(paired.length),
    lastVisitAt: row.lastVisitAt?.toISOString() ?? null,
    lastCondition: row.lastCondition ?? null,
    canManage: standing === 'manager' && row.status === 'active',
    createdAt: row.createdAt.toISOString(),
  };
}
