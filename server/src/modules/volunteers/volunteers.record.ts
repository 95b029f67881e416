import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import type { VolunteersDeps } from './volunteers.rows.js';
import { serviceEntries, type ServiceEntryInput, type ServiceFacts } from './volunteers.table.js';

export type { ServiceEntryInput } from './volunteers.table.js';

/**
 * The volunteer's record of verified service (志愿服务记录): one entry per order or activity and
 * person, written once — the entry's key decides, in the transaction that verified the hours — and
 * the verified total raised by the same amount, so the star level never counts a service twice.
 */
export function volunteersRecord(deps: VolunteersDeps) {
  return {
    /** Credits verified hours, once per source and person; nothing for someone who never registered. */
    async creditService(tx: DbOrTx, districtId: string, entry: ServiceEntryInput): Promise<boolean> {
      const inserted = await queryRows<{ hours: string }>(
        tx,
        sql`INSERT INTO volunteer_service_entries (district_id, account_id, source, source_id, title, served_on, hours, facts, verified_at)
            SELECT ${districtId}, ${entry.accountId}, ${entry.source}, ${entry.sourceId}, ${entry.title.slice(0, 200)}, ${entry.servedOn}, ${entry.hours}::numeric, ${JSON.stringify(entry.facts ?? {})}::jsonb, ${deps.clock.now()}
            WHERE EXISTS (SELECT 1 FROM volunteers WHERE district_id = ${districtId} AND account_id = ${entry.accountId})
            ON CONFLICT DO NOTHING
            RETURNING hours`,
      );
      if (inserted.length === 0) return false;
      const [volunteer] = await queryRows<{ community_id: string | null }>(
        tx,
        sql`UPDATE volunteers SET verified_hours = verified_hours + ${entry.hours}::numeric WHERE district_id = ${districtId} AND account_id = ${entry.accountId} RETURNING community_id`,
      );
      await deps.onServiceVerified(tx, districtId, { ...entry, communityId: volunteer?.community_id ?? null });
      return true;
    },

    /** Every entry of the district with the volunteer's community, in pages by key (the time bank replays them). */
    async entriesForCrediting(districtId: string, after: { source: string; sourceId: string; accountId: string } | null, limit: number, db: DbOrTx = currentDb(deps.db)) {
      return queryRows<{ account_id: string; community_id: string | null; source: 'order' | 'activity'; source_id: string; title: string; served_on: string; hours: string; facts: ServiceFacts }>(
        db,
        sql`SELECT e.account_id, v.community_id, e.source, e.source_id, e.title, e.served_on, e.hours, e.facts
            FROM volunteer_service_entries e JOIN volunteers v ON v.district_id = e.district_id AND v.account_id = e.account_id
            WHERE e.district_id = ${districtId} ${after ? sql`AND (e.source, e.source_id, e.account_id) > (${after.source}, ${after.sourceId}::uuid, ${after.accountId}::uuid)` : sql``}
            ORDER BY e.source, e.source_id, e.account_id LIMIT ${limit}`,
      );
    },

    /** The volunteer's community (their points are issued and deducted there), or null. */
    async communityOf(districtId: string, accountId: string): Promise<string | null> {
      const [row] = await queryRows<{ community_id: string | null }>(currentDb(deps.db), sql`SELECT community_id FROM volunteers WHERE district_id = ${districtId} AND account_id = ${accountId}`);
      return row?.community_id ?? null;
    },

    /** Entries of one volunteer between two days (both included), newest first. */
    async entriesOf(districtId: string, accountId: string, range: { from?: string; to?: string; limit?: number } = {}) {
      const rows = await currentDb(deps.db)
        .select()
        .from(serviceEntries)
        .where(and(eq(serviceEntries.districtId, districtId), eq(serviceEntries.accountId, accountId), range.from ? gte(serviceEntries.servedOn, range.from) : undefined, range.to ? lte(serviceEntries.servedOn, range.to) : undefined))
        .orderBy(desc(serviceEntries.servedOn), desc(serviceEntries.verifiedAt))
        .limit(range.limit ?? 5000);
      return rows.map((r) => ({ source: r.source as 'order' | 'activity', sourceId: r.sourceId, title: r.title, servedOn: r.servedOn, hours: Number(r.hours) }));
    },

    /** Verified hours of one volunteer in a calendar year (the in-service minimum counts these). */
    async hoursInYear(districtId: string, accountId: string, year: number): Promise<number> {
      const [row] = await queryRows<{ h: string | null }>(
        currentDb(deps.db),
        sql`SELECT sum(hours) AS h FROM volunteer_service_entries WHERE district_id = ${districtId} AND account_id = ${accountId} AND served_on BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}`,
      );
      return Number(row?.h ?? 0);
    },
  };
}
