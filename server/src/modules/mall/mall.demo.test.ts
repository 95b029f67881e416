import { systemClock } from '../../platform/clock/clock.js';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { plannedShelves, seedRedemptions, stillPossible, type Planned } from '../../demo/mall.demo.js';
import { planDemo } from '../../demo/seed.js';
import { backends } from '../../test/harness.js';
import { demoDistrict } from '../../test/demo-district.js';

/*
 * 积分超市 in the demo district: items in every community and from partner units; once the demo year's
 * service is credited (the ledger's replay, until a ledger demo step does it before this one), redemptions
 * in every state, posted through the ledger's own code, and everything adds up.
 */
describe.each(backends)('the mall in the demo district on %s', (backend) => {
  const demo = demoDistrict(backend);

  it('every community has a mall with its own and partner units’ items; redemptions in every state add up', async () => {
    const db = demo.database.db;
    const plan = planDemo('small');
    const districtId = plan.regions.district.id;
    const perCommunity = await queryRows<{ region_id: string; n: number }>(db, sql`SELECT region_id, count(*)::int AS n FROM mall_items WHERE provider_type = 'community' GROUP BY region_id`);
    expect(perCommunity.map((r) => r.region_id).sort()).toEqual(plan.regions.communities.map((c) => c.id).sort());
    expect((await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM mall_items WHERE provider_type = 'partner'`))[0]!.n).toBeGreaterThan(10);

    // no ledger demo step yet: credit the demo year's service as it will, then redeem
    const before = (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM mall_redemptions`))[0]!.n;
    if (before === 0) {
      await demo.app.services.ledger.replayServices(districtId);
      await db.transaction(async (tx) => seedRedemptions({ inPage: (work) => work(tx), plan, deps: { clock: systemClock } }, (await plannedShelves(tx, plan, Date.now())).items));
    }
    const states = await queryRows<{ status: string; n: number }>(db, sql`SELECT status, count(*)::int AS n FROM mall_redemptions GROUP BY status`);
    expect(states.map((s) => s.status).sort()).toEqual(['cancelled', 'confirmed', 'expired', 'pending']);
    expect(states.reduce((s, x) => s + x.n, 0)).toBeGreaterThanOrEqual(100);

    // stock + what is held or picked up never exceeds what was put up; counts are what people hold
    const bad = await queryRows(db, sql`SELECT i.id FROM mall_items i WHERE i.stock < 0 OR i.stock + (SELECT coalesce(sum(quantity), 0) FROM mall_redemptions m WHERE m.item_id = i.id AND m.status IN ('pending', 'confirmed')) > 300`);
    expect(bad).toEqual([]);
    const counters = await queryRows(db, sql`SELECT t.item_id FROM mall_takers t WHERE t.taken <> (SELECT coalesce(sum(quantity), 0) FROM mall_redemptions m WHERE m.item_id = t.item_id AND m.account_id = t.account_id AND m.status IN ('pending', 'confirmed'))`);
    expect(counters).toEqual([]);
    // the ledger: every redemption posted, balanced; held = pending; balances = entries; pending ones have their expiry job
    const [ledger] = await queryRows<{ postings: number; expected: number; held: string; pending: number; jobs: number; pending_n: number }>(
      db,
      sql`SELECT (SELECT count(*)::int FROM ledger_transactions WHERE source = 'redemption') AS postings,
                 (SELECT (count(*) + count(*) FILTER (WHERE status <> 'pending'))::int FROM mall_redemptions) AS expected,
                 (SELECT coalesce(sum(b.balance), 0) FROM ledger_balances b JOIN ledger_accounts a ON a.id = b.account_id WHERE a.kind = 'provider.held') AS held,
                 (SELECT coalesce(sum(points), 0)::int FROM mall_redemptions WHERE status = 'pending') AS pending,
                 (SELECT count(*)::int FROM jobs WHERE name = 'mall.expire' AND state = 'waiting') AS jobs,
                 (SELECT count(*)::int FROM mall_redemptions WHERE status = 'pending') AS pending_n`,
    );
    expect(ledger!.postings).toBe(ledger!.expected);
    expect(Number(ledger!.held)).toBe(ledger!.pending);
    expect(ledger!.jobs).toBe(ledger!.pending_n);
    expect(await queryRows(db, sql`SELECT transaction_id FROM ledger_entries GROUP BY transaction_id, unit HAVING sum(amount) <> 0`)).toEqual([]);
    const drift = await queryRows(
      db,
      sql`SELECT a.id FROM ledger_accounts a
          LEFT JOIN (SELECT account_id, sum(balance) AS b FROM ledger_balances GROUP BY account_id) b ON b.account_id = a.id
          LEFT JOIN (SELECT account_id, sum(amount) AS e FROM ledger_entries GROUP BY account_id) e ON e.account_id = a.id
          WHERE coalesce(b.b, 0) <> coalesce(e.e, 0)`,
    );
    expect(drift).toEqual([]);
  }, 240_000);

  it('the history leaves out a redemption a visitor made impossible meanwhile: her points, the stock or her limit', async () => {
    const db = demo.database.db;
    const districtId = planDemo('small').regions.district.id;
    // a volunteer with points, and an item with stock (and one without)
    const [rich] = await queryRows<{ owner_id: string; points: string }>(
      db,
      sql`SELECT a.owner_id, sum(b.balance) AS points FROM ledger_accounts a JOIN ledger_balances b ON b.account_id = a.id WHERE a.kind = 'volunteer.points' GROUP BY a.owner_id HAVING sum(b.balance) >= 30 ORDER BY a.owner_id LIMIT 1`,
    );
    const [item] = await queryRows<{ id: string; stock: number; per_person_limit: number }>(db, sql`SELECT id::text AS id, stock, per_person_limit FROM mall_items WHERE stock >= 5 ORDER BY id LIMIT 1`);
    const points = Math.floor(Number(rich!.points));
    const planned = (n: number, cost: number, holds = true): Planned => ({
      row: { district_id: districtId, id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, item_id: item!.id, account_id: rich!.owner_id, quantity: 1, points: cost, status: holds ? 'pending' : 'cancelled' },
      postings: [],
      holds,
    });
    const ids = (ps: Planned[]) => ps.map((p) => p.row.id);
    const limit = (n: number) => new Map([[item!.id, n]]);
    await db.transaction(async (tx) => {
      const taken = (await queryRows<{ n: number }>(tx, sql`SELECT coalesce(sum(taken), 0)::int AS n FROM mall_takers WHERE item_id = ${item!.id} AND account_id = ${rich!.owner_id}`))[0]!.n;
      const room = limit(taken + 5);
      // all of her points, then one more point than she has left: the second is left out
      expect(ids(await stillPossible(tx, districtId, [planned(1, points), planned(2, 1)], room))).toEqual([ids([planned(1, 0)])[0]]);
      // a redemption called off holds her points too, but gives them back: the next one still fits
      expect(ids(await stillPossible(tx, districtId, [planned(3, points, false), planned(4, points)], room))).toEqual(ids([planned(3, 0), planned(4, 0)]));
      // her limit reached
      expect(ids(await stillPossible(tx, districtId, [planned(5, 1)], limit(taken)))).toEqual([]);
      // the shelf emptied by a visitor
      await tx.execute(sql`UPDATE mall_items SET stock = 0 WHERE id = ${item!.id}`);
      expect(ids(await stillPossible(tx, districtId, [planned(6, 1), planned(7, 1, false)], room))).toEqual(ids([planned(7, 0)]));
      tx.rollback();
    }).catch((err: unknown) => {
      if (!(err instanceof Error && /rollback/i.test(err.message))) throw err;
    });
  });
});
