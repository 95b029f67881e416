import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import type { PartnersDeps } from './partners.deps.js';
import { partnersError } from './partners.errors.js';
import { loadUnits } from './partners.rows.js';
import { partnerUnitTeams } from './partners.table.js';

/** 结对共建: which partner unit a team is paired with (set from the team's form, in its transaction). */
export function partnerTeams(deps: PartnersDeps) {
  return {
    /** Pairs the team with an active registered unit, or unpairs it (null); a unit that is not active is a 400 on `partnerUnitId`. */
    async pairTeam(tx: DbOrTx, districtId: string, teamId: string, unitId: string | null): Promise<void> {
      if (unitId === null) {
        await tx.delete(partnerUnitTeams).where(and(eq(partnerUnitTeams.districtId, districtId), eq(partnerUnitTeams.teamId, teamId)));
        return;
      }
      const [unit] = await loadUnits(deps, districtId, [unitId]);
      if (!unit?.active) throw partnersError('partners.pair_unit_not_found', { field: 'partnerUnitId' });
      await tx
        .insert(partnerUnitTeams)
        .values({ districtId, teamId, unitId, pairedAt: deps.clock.now() })
        .onConflictDoUpdate({ target: [partnerUnitTeams.districtId, partnerUnitTeams.teamId], set: { unitId, pairedAt: deps.clock.now() } });
    },

    /** The unit each of these teams is paired with (id and name). */
    async unitsOfTeams(districtId: string, teamIds: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
      if (teamIds.length === 0) return new Map();
      const pairs = await currentDb(deps.db)
        .select({ teamId: partnerUnitTeams.teamId, unitId: partnerUnitTeams.unitId })
        .from(partnerUnitTeams)
        .where(and(eq(partnerUnitTeams.districtId, districtId), inArray(partnerUnitTeams.teamId, [...teamIds])));
      const names = new Map((await loadUnits(deps, districtId, [...new Set(pairs.map((p) => p.unitId))])).map((u) => [u.id, u.name]));
      return new Map(pairs.map((p) => [p.teamId, { id: p.unitId, name: names.get(p.unitId) ?? '' }]));
    },
  };
}
