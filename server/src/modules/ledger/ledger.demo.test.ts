import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends } from '../../test/harness.js';
import { demoDistrict, demoPhoneOf } from '../../test/demo-district.js';

/* The demo district's time bank: the year's verified service credited through the crediting code. */
describe.each(backends)('time bank in the demo district on %s', (backend) => {
  const demo = demoDistrict(backend);
  const balances = () =>
    queryRows<{ account_id: string; shard: number; balance: string }>(demo.database.db, sql`SELECT account_id, shard, balance::text FROM ledger_balances ORDER BY account_id, shard`);

  it('every verified service is in the ledger once, balanced, and every balance is the sum of its entries', async () => {
    const [facts] = await queryRows<{ services: number; earned: number; hours_off: number; unbalanced: number; drift: number; negative: number }>(demo.database.db, sql`
      SELECT (SELECT count(*)::int FROM volunteer_service_entries) AS services,
             (SELECT count(*)::int FROM ledger_transactions WHERE key LIKE 'earn:%') AS earned,
             (SELECT count(*)::int FROM volunteers v WHERE v.verified_hours <> coalesce((SELECT sum(b.balance) FROM ledger_accounts a JOIN ledger_balances b ON b.district_id = a.district_id AND b.account_id = a.id WHERE a.kind = 'volunteer.hours' AND a.owner_id = v.account_id), 0)) AS hours_off,
             (SELECT count(*)::int FROM (SELECT 1 FROM ledger_entries GROUP BY transaction_id, unit HAVING sum(amount) <> 0) x) AS unbalanced,
             (SELECT count(*)::int FROM ledger_accounts a WHERE (SELECT coalesce(sum(balance), 0) FROM ledger_balances b WHERE b.account_id = a.id) <> (SELECT coalesce(sum(amount), 0) FROM ledger_entries e WHERE e.account_id = a.id)) AS drift,
             (SELECT count(*)::int FROM ledger_balances WHERE non_negative AND balance < 0) AS negative`);
    expect(facts).toMatchObject({ hours_off: 0, unbalanced: 0, drift: 0, negative: 0 });
    expect(facts!.earned).toBe(facts!.services);
    expect(facts!.services).toBeGreaterThan(100);
  });

  it('replaying the demo’s orders and activities through crediting again leaves every balance unchanged', async () => {
    const before = await balances();
    const districtId = (await queryRows<{ district_id: string }>(demo.database.db, sql`SELECT district_id FROM volunteers LIMIT 1`))[0]!.district_id;
    expect(await demo.app.services.ledger.replayServices(districtId)).toBe(0);
    expect(await balances()).toEqual(before);
  });

  it('the demo volunteer has a passbook with hours, points and the rules that made them', async () => {
    const cookie = await demo.login(demoPhoneOf('volunteer'));
    const me = (await demo.app.inject({ url: '/api/ledger/me', headers: { cookie } })).json() as { hours: number; points: number; recent: { ruleName: string | null }[] };
    expect(me.hours).toBeGreaterThan(0);
    expect(me.points).toBeGreaterThan(0);
    expect(me.recent.some((l) => l.ruleName)).toBe(true);
  });
});
