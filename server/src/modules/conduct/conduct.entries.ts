import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { defaultEntries } from './conduct.defaults.js';
import type { ConductDeps } from './conduct.deps.js';
import { conductError } from './conduct.errors.js';
import { conductEntries, conductSettings, type EntryRow } from './conduct.table.js';

export type EntryInput = { title: string; titleEn: string; description?: string; points: number; suspends: boolean; suspendDays?: number | null; sortOrder?: number; active?: boolean };
export type ConductSettings = { noShowThreshold: number; noShowWindowDays: number };

export const entryView = (r: EntryRow) => ({
  id: r.id,
  code: r.code,
  title: r.title,
  titleEn: r.titleEn,
  description: r.description,
  points: r.points,
  suspends: r.suspends,
  suspendDays: r.suspends ? r.suspendDays : null,
  active: r.active,
  sortOrder: r.sortOrder,
});

const isUniqueViolation = (err: unknown) => (err as { code?: string; cause?: { code?: string } })?.code === '23505' || (err as { cause?: { code?: string } })?.cause?.code === '23505';

/** The district's negative list and its settings: defaults by provisioning, kept by the district admin. */
export function conductEntriesOf(deps: ConductDeps) {
  const { db } = deps;

  async function write(actor: Actor, action: 'create' | 'update', fn: (tx: DbOrTx) => Promise<EntryRow | undefined>) {
    try {
      return await db.transaction(async (tx) => {
        const row = await fn(tx);
        if (!row) throw conductError('conduct.entry_not_found');
        await deps.audit.record(actor, { action: `conduct.entry.${action}`, objectType: 'conduct_entry', objectId: row.id, regionId: actor.regionId, details: entryView(row) });
        return entryView(row);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conductError('conduct.entry_title_taken', { field: 'title' });
      throw err;
    }
  }

  const values = (input: EntryInput) => ({
    title: input.title.trim(),
    titleEn: input.titleEn.trim(),
    description: input.description?.trim() ?? '',
    points: input.points,
    suspends: input.suspends,
    suspendDays: input.suspends ? (input.suspendDays ?? null) : null,
    ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  });

  return {
    async ensureDefaults(tx: DbOrTx, districtId: string): Promise<void> {
      await tx
        .insert(conductEntries)
        .values(defaultEntries.map((e, i) => ({ districtId, code: e.code, title: e.title, titleEn: e.titleEn, description: e.description, points: e.points, suspends: e.suspendDays !== undefined, suspendDays: e.suspendDays ?? null, sortOrder: (i + 1) * 10 })))
        .onConflictDoNothing();
      await tx.insert(conductSettings).values({ districtId }).onConflictDoNothing();
    },

    async entries(actor: Actor, q: { includeInactive?: boolean }) {
      const rows = await db
        .select()
        .from(conductEntries)
        .where(and(eq(conductEntries.districtId, actor.districtId), q.includeInactive ? undefined : eq(conductEntries.active, true)))
        .orderBy(asc(conductEntries.sortOrder), asc(conductEntries.title));
      return rows.map(entryView);
    },

    /** One entry of the caller's district, active or not (an incident names it). */
    async entry(tx: DbOrTx, districtId: string, id: string): Promise<EntryRow | undefined> {
      const [row] = await tx.select().from(conductEntries).where(and(eq(conductEntries.districtId, districtId), eq(conductEntries.id, id)));
      return row;
    },

    createEntry: (actor: Actor, input: EntryInput) =>
      write(actor, 'create', async (tx) => (await tx.insert(conductEntries).values({ districtId: actor.districtId, ...values(input) }).returning())[0]),

    updateEntry: (actor: Actor, id: string, input: EntryInput) =>
      write(actor, 'update', async (tx) =>
        (await tx.update(conductEntries).set({ ...values(input), updatedAt: deps.clock.now() }).where(and(eq(conductEntries.districtId, actor.districtId), eq(conductEntries.id, id))).returning())[0],
      ),

    async settings(districtId: string): Promise<ConductSettings> {
      const [row] = await db.select().from(conductSettings).where(eq(conductSettings.districtId, districtId));
      return { noShowThreshold: row?.noShowThreshold ?? 3, noShowWindowDays: row?.noShowWindowDays ?? 90 };
    },

    async updateSettings(actor: Actor, input: ConductSettings): Promise<ConductSettings> {
      await db.transaction(async (tx) => {
        await tx
          .insert(conductSettings)
          .values({ districtId: actor.districtId, ...input })
          .onConflictDoUpdate({ target: [conductSettings.districtId], set: input });
        await deps.audit.record(actor, { action: 'conduct.settings', objectType: 'district', objectId: actor.districtId, regionId: actor.regionId, details: { ...input } });
      });
      return this.settings(actor.districtId);
    },
  };
}
