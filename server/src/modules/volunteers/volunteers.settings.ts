import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import type { VolunteersDeps } from './volunteers.rows.js';
import { volunteerSettings } from './volunteers.table.js';

export type RegistrySettings = { numberPrefix: string; yearlyMinimumHours: number };

/** The district's registry settings: the number prefix (new numbers only) and the in-service yearly minimum. */
export function volunteersSettings(deps: VolunteersDeps) {
  const { db } = deps;
  return {
    async ensureDefaults(tx: DbOrTx, districtId: string): Promise<void> {
      await tx.insert(volunteerSettings).values({ districtId }).onConflictDoNothing();
    },

    /** Joins the caller's transaction (a sweep reads the yearly minimum inside its own). */
    async settings(districtId: string): Promise<RegistrySettings> {
      const [row] = await currentDb(db).select().from(volunteerSettings).where(eq(volunteerSettings.districtId, districtId));
      return { numberPrefix: row?.numberPrefix ?? 'LX', yearlyMinimumHours: Number(row?.yearlyMinimumHours ?? 10) };
    },

    async updateSettings(actor: Actor, input: RegistrySettings): Promise<RegistrySettings> {
      await db.transaction(async (tx) => {
        await tx
          .insert(volunteerSettings)
          .values({ districtId: actor.districtId, numberPrefix: input.numberPrefix, yearlyMinimumHours: String(input.yearlyMinimumHours) })
          .onConflictDoUpdate({ target: [volunteerSettings.districtId], set: { numberPrefix: input.numberPrefix, yearlyMinimumHours: sql`${String(input.yearlyMinimumHours)}::numeric` } });
        await deps.audit.record(actor, { action: 'volunteers.settings', objectType: 'district', objectId: actor.districtId, regionId: actor.regionId, details: { ...input } });
      });
      return this.settings(actor.districtId);
    },
  };
}
