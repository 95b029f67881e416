import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import { regions } from '../../platform/scope/regions.table.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import type { InServiceMember } from '../volunteers/volunteers.in-service.js';
import type { PartnersDeps } from './partners.deps.js';
import { isBehind, manualSlot, shanghaiParts, type PartnerType } from './partners.policy.js';
import { inServiceReminders, partnerUnitCommunities, partnerUnits } from './partners.table.js';

/* What the unit use cases and the in-service lists share: loading units whole, and members as shown. */

export type LoadedUnit = {
  id: string;
  name: string;
  type: PartnerType;
  address: string | null;
  regionId: string;
  regionName: string;
  regionPath: string;
  active: boolean;
  contactAccountId: string | null;
  contact: { id: string; name: string; phone: string } | null;
  communities: { id: string; name: string; path: string }[];
};

/** Partner units of a district (all, or these ids): the profile here, name/contact/area/active from the units catalogue. */
export async function loadUnits(deps: PartnersDeps, districtId: string, ids?: string[]): Promise<LoadedUnit[]> {
  if (ids && ids.length === 0) return [];
  const q = currentDb(deps.db);
  const profiles = await q
    .select()
    .from(partnerUnits)
    .where(and(eq(partnerUnits.districtId, districtId), ids ? inArray(partnerUnits.unitId, ids) : undefined));
  if (profiles.length === 0) return [];
  const unitIds = profiles.map((p) => p.unitId);
  const paired = await q
    .select({ unitId: partnerUnitCommunities.unitId, id: regions.id, name: regions.name, path: regions.path })
    .from(partnerUnitCommunities)
    .innerJoin(regions, eq(regions.id, partnerUnitCommunities.communityId))
    .where(and(eq(partnerUnitCommunities.districtId, districtId), inArray(partnerUnitCommunities.unitId, unitIds)));
  const catalogue = new Map((await deps.whistles.units.byIds(districtId, unitIds)).map((u) => [u.id, u]));
  return profiles.flatMap((p) => {
    const u = catalogue.get(p.unitId);
    if (!u) return [];
    const communities = paired.filter((c) => c.unitId === p.unitId).map(({ id, name, path }) => ({ id, name, path }));
    return [{ id: u.id, name: u.name, type: p.type, address: p.address, regionId: u.regionId, regionName: u.regionName, regionPath: u.regionPath, active: u.active, contactAccountId: u.contactAccountId, contact: u.contact, communities }];
  });
}

export function unitView(u: LoadedUnit, members: InServiceMember[], minimum: number) {
  const own = members.filter((m) => m.workUnitId === u.id);
  return {
    id: u.id,
    name: u.name,
    type: u.type,
    address: u.address,
    regionId: u.regionId,
    regionName: u.regionName,
    active: u.active,
    contact: u.contact,
    communities: u.communities.map(({ id, name }) => ({ id, name })),
    memberCount: own.length,
    behindCount: own.filter((m) => isBehind(m.hoursThisYear, minimum)).length,
  };
}

/** Communities (type community) by id, with their paths; only those of the district. */
export async function communitiesOf(db: DbOrTx, districtId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: regions.id, name: regions.name, path: regions.path })
    .from(regions)
    .where(and(eq(regions.districtId, districtId), eq(regions.type, 'community'), inArray(regions.id, ids)));
}

/** Members as a list shows them: name, masked phone, community, hours this year, behind, reminded today; fewest hours first. */
export async function memberViews(deps: PartnersDeps, actor: Actor, members: InServiceMember[], minimum: number) {
  if (members.length === 0) return [];
  const ids = members.map((m) => m.accountId);
  const people = await deps.accounts.namesOf(actor.districtId, ids);
  const places = new Map((await currentDb(deps.db).select({ id: regions.id, name: regions.name }).from(regions).where(inArray(regions.id, [...new Set(members.map((m) => m.communityId))]))).map((r) => [r.id, r.name]));
  const today = manualSlot(deps.clock.now());
  const reminded = new Set(
    (await currentDb(deps.db)
      .select({ accountId: inServiceReminders.accountId })
      .from(inServiceReminders)
      .where(and(eq(inServiceReminders.districtId, actor.districtId), eq(inServiceReminders.slot, today), inArray(inServiceReminders.accountId, ids)))).map((r) => r.accountId),
  );
  return members
    .map((m) => ({
      accountId: m.accountId,
      name: people.get(m.accountId)?.name ?? '',
      phone: maskPhone(people.get(m.accountId)?.phone) ?? '',
      communityId: m.communityId,
      communityName: places.get(m.communityId) ?? '',
      workUnitId: m.workUnitId,
      workUnit: m.workUnit,
      hoursThisYear: m.hoursThisYear,
      behind: isBehind(m.hoursThisYear, minimum),
      remindedToday: reminded.has(m.accountId),
    }))
    .sort((a, b) => a.hoursThisYear - b.hoursThisYear || a.name.localeCompare(b.name, 'zh-CN'));
}

/** The year the minimum is counted for (Shanghai), and the district's minimum. */
export async function yearAndMinimum(deps: PartnersDeps, districtId: string) {
  return { year: shanghaiParts(deps.clock.now()).year, minimumHours: (await deps.volunteers.settings(districtId)).yearlyMinimumHours };
}
