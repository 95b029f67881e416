import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { currentDb, inTransaction } from '../../platform/db/unit-of-work.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import { regions } from '../../platform/scope/regions.table.js';
import { regionInScope } from '../../platform/scope/scope.js';
import type { WhistlesDeps } from './whistles.deps.js';
import { whistlesError } from './whistles.errors.js';
import { unitServes, type UnitKind } from './whistles.policy.js';
import { loadWhistle } from './whistles.rows.js';
import { units, whistleUnits, whistles } from './whistles.table.js';

/** The departments and partner units every district starts with (SPEC §5: 吹哨报到 calls several in), district-wide. */
export const defaultUnits: { code: string; name: string; kind: UnitKind }[] = [
  { code: 'cityManagement', name: '城管执法中队', kind: 'department' },
  { code: 'marketRegulation', name: '市场监管所', kind: 'department' },
  { code: 'housing', name: '住建部门', kind: 'department' },
  { code: 'police', name: '公安派出所', kind: 'department' },
  { code: 'emergency', name: '应急管理部门', kind: 'department' },
  { code: 'property', name: '物业服务企业', kind: 'partner' },
];

export type UnitInput = { name: string; kind: UnitKind; regionId?: string; contactAccountId?: string | null; sortOrder?: number };
export type UnitPatch = Partial<UnitInput> & { active?: boolean };

type UnitRow = typeof units.$inferSelect & { regionName: string; regionPath: string };

export function whistleUnitsCatalogue(deps: WhistlesDeps) {
  const { db } = deps;

  const select = (q: DbOrTx) => q.select({ unit: units, regionName: regions.name, regionPath: regions.path }).from(units).innerJoin(regions, eq(regions.id, units.regionId));
  const flat = (r: { unit: typeof units.$inferSelect; regionName: string; regionPath: string }): UnitRow => ({ ...r.unit, regionName: r.regionName, regionPath: r.regionPath });

  async function views(districtId: string, rows: UnitRow[]) {
    const people = await deps.accounts.namesOf(districtId, rows.map((r) => r.contactAccountId).filter((id): id is string => id !== null));
    return rows.map((r) => {
      const contact = r.contactAccountId ? people.get(r.contactAccountId) : undefined;
      return {
        id: r.id, code: r.code, name: r.name, kind: r.kind, regionId: r.regionId, regionName: r.regionName, active: r.active, sortOrder: r.sortOrder,
        contact: contact ? { id: r.contactAccountId!, name: contact.name, phone: maskPhone(contact.phone) ?? '' } : null,
      };
    });
  }

  /** The contact must be a person of the district (400 naming the field otherwise); checked before the write. */
  async function checkContact(actor: Actor, id: string | null | undefined) {
    if (!id) return;
    if (!(await deps.accounts.namesOf(actor.districtId, [id])).has(id)) throw whistlesError('whistles.unit.contact_not_found', { field: 'contactAccountId' });
  }

  async function checkName(tx: DbOrTx, actor: Actor, name: string, except?: string) {
    const [taken] = await tx.select({ id: units.id }).from(units).where(and(eq(units.districtId, actor.districtId), eq(units.name, name), except ? ne(units.id, except) : undefined));
    if (taken) throw whistlesError('whistles.unit.name_taken', { field: 'name' });
  }

  async function view(actor: Actor, id: string) {
    const [row] = await select(currentDb(db)).where(and(eq(units.districtId, actor.districtId), eq(units.id, id)));
    if (!row) throw whistlesError('whistles.unit.not_found');
    return (await views(actor.districtId, [flat(row)]))[0]!;
  }

  return {
    /** Installs the common units once per code (idempotent: a renamed or retired default stays as the district left it). */
    async ensureDefaults(tx: DbOrTx, districtId: string) {
      await tx
        .insert(units)
        .values(defaultUnits.map((u, i) => ({ ...u, districtId, regionId: districtId, sortOrder: (i + 1) * 10 })))
        .onConflictDoNothing();
    },

    /**
     * Units for staff: the district admin sees all (retired too, on asking); others those serving
     * their part of the district. With a whistle: the active units that may be called to it.
     */
    async list(actor: Actor, q: { whistleId?: string; includeRetired?: boolean }) {
      const rows = (await select(db).where(eq(units.districtId, actor.districtId)).orderBy(asc(units.sortOrder), asc(units.name))).map(flat);
      let path = actor.roles.includes('districtAdmin') ? null : actor.regionPath;
      if (q.whistleId) {
        const w = await loadWhistle(db, actor.districtId, q.whistleId);
        if (!w || !w.placePath.startsWith(actor.regionPath)) throw whistlesError('whistles.not_found');
        path = w.streetPath;
      }
      const shown = rows.filter((r) => (path === null || unitServes(r.regionPath, path)) && (r.active || (q.includeRetired && !q.whistleId)));
      return views(actor.districtId, shown);
    },

    /**
     * Units by id as the catalogue shows them, with the path of the region they serve (for a caller's
     * own scope rule: modules/partners extends partner units). Joins the caller's transaction.
     */
    async byIds(districtId: string, ids: string[]) {
      if (ids.length === 0) return [];
      const rows = (await select(currentDb(db)).where(and(eq(units.districtId, districtId), inArray(units.id, ids)))).map(flat);
      const shown = await views(districtId, rows);
      return shown.map((v, i) => ({ ...v, regionPath: rows[i]!.regionPath, contactAccountId: rows[i]!.contactAccountId }));
    },

    /** Create and update join a transaction the caller holds open (a partner unit made with its profile). */
    async create(actor: Actor, input: UnitInput) {
      await checkContact(actor, input.contactAccountId);
      const id = await inTransaction(db, async (tx) => {
        await regionInScope(tx, actor, input.regionId ?? actor.districtId);
        await checkName(tx, actor, input.name);
        const [row] = await tx
          .insert(units)
          .values({ districtId: actor.districtId, name: input.name, kind: input.kind, regionId: input.regionId ?? actor.districtId, contactAccountId: input.contactAccountId ?? null, sortOrder: input.sortOrder ?? 100 })
          .returning({ id: units.id });
        await deps.audit.record(actor, { action: 'whistles.unit.create', objectType: 'unit', objectId: row!.id, details: { name: input.name, kind: input.kind } });
        return row!.id;
      });
      return view(actor, id);
    },

    /**
     * Edits a unit. A new contact takes over its calls in open whistles (they are the one who answers
     * now); the previous contact no longer sees them.
     */
    async update(actor: Actor, id: string, patch: UnitPatch) {
      await checkContact(actor, patch.contactAccountId);
      await inTransaction(db, async (tx) => {
        const [row] = await tx.select().from(units).where(and(eq(units.districtId, actor.districtId), eq(units.id, id))).for('update');
        if (!row) throw whistlesError('whistles.unit.not_found');
        if (patch.regionId) await regionInScope(tx, actor, patch.regionId);
        if (patch.name && patch.name !== row.name) await checkName(tx, actor, patch.name, id);
        await tx.update(units).set(patch).where(and(eq(units.districtId, actor.districtId), eq(units.id, id)));
        if (patch.contactAccountId !== undefined && patch.contactAccountId !== row.contactAccountId) {
          const open = tx.select({ id: whistles.id }).from(whistles).where(and(eq(whistles.districtId, actor.districtId), eq(whistles.state, 'open')));
          await tx
            .update(whistleUnits)
            .set({ contactId: patch.contactAccountId })
            .where(and(eq(whistleUnits.districtId, actor.districtId), eq(whistleUnits.unitId, id), inArray(whistleUnits.whistleId, open), or(eq(whistleUnits.state, 'called'), eq(whistleUnits.state, 'reported'))));
        }
        await deps.audit.record(actor, { action: 'whistles.unit.update', objectType: 'unit', objectId: id, details: { ...patch, contactAccountId: patch.contactAccountId === undefined ? undefined : Boolean(patch.contactAccountId) } });
      });
      return view(actor, id);
    },
  };
}
