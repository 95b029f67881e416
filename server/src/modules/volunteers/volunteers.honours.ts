import { and, between, desc, eq, sql } from 'drizzle-orm';
import { regions } from '../../platform/scope/regions.table.js';
import { subtreeOf } from '../../platform/scope/scope.js';
import { starLevel } from './volunteers.policy.js';
import type { VolunteersDeps } from './volunteers.rows.js';
import { serviceEntries, volunteers } from './volunteers.table.js';

export type HonoursQuery = { districtId: string; regionPath: string | null; from: string; to: string; limit: number };

/**
 * 光荣榜 — the volunteers who served most verified hours in a period (the public board): active
 * registrations only (a suspended one is not honoured), their community, hours, services and star
 * level. Names in full, as an honour roll shows them; never a phone or a number.
 */
export function volunteersHonours(deps: VolunteersDeps) {
  return {
    async honours(q: HonoursQuery) {
      const hours = sql<string>`sum(${serviceEntries.hours})`;
      const rows = await deps.db
        .select({
          accountId: serviceEntries.accountId,
          hours: sql<string>`${hours}::numeric(10,1)::text`,
          services: sql<number>`count(*)::int`,
          verifiedHours: volunteers.verifiedHours,
          community: regions.name,
          // the street by its type: a community may hang directly under the district
          street: sql<string | null>`(SELECT a.name FROM ${regions} a WHERE a.id = ANY(string_to_array(trim(both '/' from ${regions.path}), '/')::uuid[]) AND a.type = 'street' LIMIT 1)`,
        })
        .from(serviceEntries)
        .innerJoin(volunteers, and(eq(volunteers.districtId, serviceEntries.districtId), eq(volunteers.accountId, serviceEntries.accountId)))
        .innerJoin(regions, eq(regions.id, volunteers.communityId))
        .where(and(eq(serviceEntries.districtId, q.districtId), between(serviceEntries.servedOn, q.from, q.to), eq(volunteers.status, 'active'), q.regionPath ? subtreeOf(q.regionPath) : undefined))
        .groupBy(serviceEntries.accountId, volunteers.verifiedHours, regions.name, regions.path)
        .orderBy(desc(hours), desc(sql`count(*)`), serviceEntries.accountId)
        .limit(q.limit);
      const names = await deps.accounts.namesOf(q.districtId, rows.map((r) => r.accountId));
      return rows.map((r, i) => ({
        rank: i + 1,
        name: names.get(r.accountId)?.name ?? '',
        community: r.community,
        street: r.street,
        hours: r.hours,
        services: r.services,
        stars: starLevel(Number(r.verifiedHours)),
      }));
    },
  };
}
