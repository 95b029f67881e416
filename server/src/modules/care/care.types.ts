import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { defaultCareTypes } from './care.defaults.js';
import type { CareDeps } from './care.deps.js';
import { careError } from './care.errors.js';
import { careRecipients, careTypes } from './care.table.js';

export type CareTypeInput = { code: string; name: string; nameEn: string; sortOrder?: number };
export type CareTypePatch = Partial<Omit<CareTypeInput, 'code'>> & { active?: boolean };

/** The district's kinds of care (四类群体 and its own): district admins keep them, everyone reads them. */
export function careTypesCatalogue(deps: CareDeps) {
  const { db } = deps;

  async function list(districtId: string) {
    const rows = await db
      .select({
        type: careTypes,
        // people of each kind (a kind in use is switched off, not deleted)
        people: sql<number>`(SELECT count(*)::int FROM ${careRecipients} r WHERE r.district_id = ${careTypes.districtId} AND ${careTypes.code} = ANY(r.type_codes))`,
      })
      .from(careTypes)
      .where(eq(careTypes.districtId, districtId))
      .orderBy(asc(careTypes.sortOrder), asc(careTypes.name));
    return rows.map(({ type: t, people }) => ({ id: t.id, code: t.code, name: t.name, nameEn: t.nameEn, sortOrder: t.sortOrder, active: t.active, people: Number(people) }));
  }

  async function one(districtId: string, id: string) {
    const row = (await list(districtId)).find((t) => t.id === id);
    if (!row) throw careError('care.type_not_found');
    return row;
  }

  return {
    async ensureDefaults(tx: DbOrTx, districtId: string) {
      await tx
        .insert(careTypes)
        .values(defaultCareTypes.map((t, i) => ({ ...t, districtId, sortOrder: (i + 1) * 10 })))
        .onConflictDoNothing();
    },

    async list(actor: Actor, q: { includeRetired?: boolean }) {
      return (await list(actor.districtId)).filter((t) => t.active || q.includeRetired);
    },

    /** The codes given are the district's active kinds, else 400 naming the first that is not. */
    async requireActive(tx: DbOrTx, districtId: string, codes: readonly string[]) {
      const rows = await tx.select({ code: careTypes.code }).from(careTypes).where(and(eq(careTypes.districtId, districtId), eq(careTypes.active, true)));
      const known = new Set(rows.map((r) => r.code));
      const bad = codes.find((c) => !known.has(c));
      if (bad !== undefined) throw careError('care.bad_type', { field: 'typeCodes', params: { code: bad } });
    },

    async create(actor: Actor, input: CareTypeInput) {
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(careTypes)
          .values({ districtId: actor.districtId, code: input.code, name: input.name.trim(), nameEn: input.nameEn.trim(), sortOrder: input.sortOrder ?? 100 })
          .onConflictDoNothing()
          .returning({ id: careTypes.id });
        if (!row) throw careError('care.type_code_taken', { field: 'code' });
        await deps.audit.record(actor, { action: 'care.type.create', objectType: 'careType', objectId: row.id, details: { code: input.code, name: input.name } });
        return row.id;
      });
      return one(actor.districtId, id);
    },

    async update(actor: Actor, id: string, patch: CareTypePatch) {
      await db.transaction(async (tx) => {
        const [row] = await tx.update(careTypes).set(patch).where(and(eq(careTypes.districtId, actor.districtId), eq(careTypes.id, id))).returning({ id: careTypes.id });
        if (!row) throw careError('care.type_not_found');
        await deps.audit.record(actor, { action: 'care.type.update', objectType: 'careType', objectId: id, details: patch });
      });
      return one(actor.districtId, id);
    },

    /** Names of the district's kinds by code, for the views (a switched-off kind keeps its name on old records). */
    async names(districtId: string) {
      const rows = await db.select({ code: careTypes.code, name: careTypes.name, nameEn: careTypes.nameEn }).from(careTypes).where(eq(careTypes.districtId, districtId));
      return new Map(rows.map((r) => [r.code, { name: r.name, nameEn: r.nameEn }]));
    },
  };
}
