import { sql } from 'drizzle-orm';
import { cacheOnFirstUse, keptRead } from '../../platform/db/change-cache.js';
import { currentTransaction } from '../../platform/db/unit-of-work.js';
import { queryRows } from '../../platform/db/client.js';
import { subtreeOf } from '../../platform/scope/scope.js';
import { regions } from '../../platform/scope/regions.table.js';
import { toCents } from './ledger.amounts.js';
import type { LedgerDeps } from './ledger.deps.js';

/** A sum as the database writes it (numeric text, or null for none) in points. */
const points = (v: string | null) => toCents(v ?? '0') / 100;

export type PointsTotals = { issued: number; redeemed: number };

/**
 * Points issued (earned by the communities' volunteers, net of nothing: what `/api/ledger/communities`
 * calls issued) and redeemed (confirmed at their malls) in a period, over the communities of a
 * subtree: the big screen's two cards, the same sums as the points page's columns.
 *
 * A district's year is every posting of its communities' accounts (the demo: ~125,000 entries, 0.8 s
 * on the embedded database), so it is kept between requests and let go of by any posting — this
 * instance's writes, and the others' through the `lianxin_ledger` signal (migration 0046) — or after
 * a minute. Not in a transaction (keptRead reads afresh there).
 */
export function ledgerPointsTotals(deps: LedgerDeps) {
  const kept = cacheOnFirstUse<PointsTotals>(deps.database, { name: 'points totals', tables: ['ledger_transactions', 'ledger_entries', 'ledger_accounts'], channels: ['lianxin_ledger'], maxEntries: 500, maxAgeMs: 60_000 });
  const underWay = new Map<string, Promise<PointsTotals>>();
  async function readTotals(districtId: string, q: { regionPath: string; from: string; to: string }): Promise<PointsTotals> {
    const [row] = await queryRows<{ issued: string | null; redeemed: string | null }>(
      deps.db,
      sql`SELECT sum(-e.amount) FILTER (WHERE a.kind = 'community.points' AND e.amount < 0) AS issued,
                 sum(e.amount) FILTER (WHERE a.kind = 'provider.points') AS redeemed
          FROM ledger_accounts a
          JOIN ledger_entries e ON e.district_id = a.district_id AND e.account_id = a.id
          JOIN ledger_transactions t ON t.district_id = e.district_id AND t.id = e.transaction_id
          WHERE a.district_id = ${districtId} AND a.kind IN ('community.points', 'provider.points')
            AND a.community_id IN (SELECT ${regions.id} FROM ${regions} WHERE ${regions.districtId} = ${districtId} AND ${subtreeOf(q.regionPath)})
            AND t.effective_on >= ${q.from}::date AND t.effective_on <= ${q.to}::date`,
    );
    return { issued: points(row?.issued ?? null), redeemed: points(row?.redeemed ?? null) };
  }
  return {
    /** `regionPath`: a node the caller was found to hold (the dashboard looks it up in scope first). */
    pointsTotals(districtId: string, q: { regionPath: string; from: string; to: string }): Promise<PointsTotals> {
      const key = `${districtId}|${q.regionPath}|${q.from}|${q.to}`;
      const read = () => readTotals(districtId, q);
      if (currentTransaction()) return read();
      const cache = kept.cache();
      const hit = cache.get(key);
      if (hit) return Promise.resolve(hit);
      // screens asking at once after a posting share one read (begun since the posting): 20 reads of a
      // district's year at once held the embedded database for 20 s
      const slot = `${cache.generation()}|${key}`;
      const pending = underWay.get(slot);
      if (pending) return pending;
      const reading = keptRead(cache, key, read).finally(() => underWay.delete(slot));
      underWay.set(slot, reading);
      return reading;
    },
    closePointsTotals: kept.close,
  };
}
