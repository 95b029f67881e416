import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { addVolunteers } from '../../test/fixtures.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { creditPoints, itemBody } from '../../test/mall-helpers.js';

/*
 * Redemptions under load, through the real HTTP server (a listening socket, concurrent fetches), on
 * PGlite and on PostgreSQL: 1,000 requests at once for an item with stock 100 from 300 volunteers
 * with limited points. The stock never goes negative, nobody spends points they do not have,
 * redemptions + stock left = the stock at the start, every balance is the sum of its entries; and
 * one request key sent 20 times at once makes one redemption and one posting.
 */
describe.each(backends)('racing for the mall’s stock on %s', (backend) => {
  let t: TestApp;
  let base: string;
  let admin: string;
  let district: string;
  const people: { id: string; cookie: string; points: number }[] = [];

  beforeAll(async () => {
    t = await createTestApp(backend);
    // a backlog for 1,000 connections arriving at once (the default 511 resets the rest)
    await t.app.listen({ port: 0, host: '127.0.0.1', backlog: 2048 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    district = t.fx.region.D!.districtId;
    const volunteers = await addVolunteers(t.database.db, t.fx.region.B1!, 300, '1372');
    // limited points: 0, 10, 20, 30 or 40 — at 10 points each, some can afford nothing, some four
    for (const [i, v] of volunteers.entries()) people.push({ id: v.id, cookie: await t.loginPhone(v.phone), points: (i % 5) * 10 });
    await creditPoints(t, district, t.fx.region.C1!.id, people.filter((p) => p.points > 0));
    admin = await t.login('communityAdmin1');
  }, 240_000);
  afterAll(() => t.close());

  const redeem = (cookie: string, itemId: string, requestKey: string, quantity = 1) =>
    fetch(`${base}/api/mall/items/${itemId}/redeem`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ quantity, requestKey }) }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { id?: string; code?: string; points?: number },
    }));

  const item = async (stock: number, perPersonLimit: number) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/mall/items', headers: { cookie: admin }, payload: itemBody(t, { price: 10, stock, perPersonLimit }) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  it('1,000 requests at once for 100 in stock from 300 volunteers: no negative stock, no overspending, everything adds up', async () => {
    const itemId = await item(100, 4);
    // each person sends 3 or 4 requests, with 1 or 2 each, all at once
    const requests = Array.from({ length: 1000 }, (_, i) => ({ who: people[i % 300]!, quantity: 1 + (i % 7 === 0 ? 1 : 0), key: `race-${i}-${crypto.randomUUID().slice(0, 8)}` }));
    const replies = await Promise.all(requests.map((r) => redeem(r.who.cookie, itemId, r.key, r.quantity)));
    const statuses = new Map<number, number>();
    for (const r of replies) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    expect([...statuses.keys()].every((s) => s === 201 || s === 409), JSON.stringify([[...statuses], replies.find((r) => r.status >= 500)?.body])).toBe(true);
    const refusals = new Set(replies.filter((r) => r.status === 409).map((r) => r.body.code));
    expect([...refusals].every((c) => c === 'mall.out_of_stock' || c === 'ledger.insufficient_points' || c === 'mall.over_limit'), [...refusals].join()).toBe(true);

    const [state] = await queryRows<{ stock: number; redeemed: number; n: number }>(
      t.database.db,
      sql`SELECT stock, (SELECT coalesce(sum(quantity), 0)::int FROM mall_redemptions WHERE item_id = ${itemId}) AS redeemed, (SELECT count(*)::int FROM mall_redemptions WHERE item_id = ${itemId}) AS n FROM mall_items WHERE id = ${itemId}`,
    );
    expect(state!.stock).toBeGreaterThanOrEqual(0);
    expect(state!.redeemed + state!.stock).toBe(100);
    expect(state!.n).toBe(replies.filter((r) => r.status === 201).length);
    // more was asked than there was: the stock ran out
    expect(state!.stock).toBe(0);

    // nobody spent more than they had, or beyond the limit; their balance is what they had less what they spent
    const spent = await queryRows<{ account_id: string; points: number; quantity: number }>(t.database.db, sql`SELECT account_id, sum(points)::int AS points, sum(quantity)::int AS quantity FROM mall_redemptions WHERE item_id = ${itemId} GROUP BY account_id`);
    const had = new Map(people.map((p) => [p.id, p.points]));
    for (const s of spent) {
      expect(s.points).toBeLessThanOrEqual(had.get(s.account_id)!);
      expect(s.quantity).toBeLessThanOrEqual(4);
    }
    const balances = await queryRows<{ owner_id: string; b: string }>(t.database.db, sql`SELECT a.owner_id, sum(b.balance) AS b FROM ledger_accounts a JOIN ledger_balances b ON b.account_id = a.id WHERE a.kind = 'volunteer.points' GROUP BY a.owner_id`);
    const spentBy = new Map(spent.map((s) => [s.account_id, s.points]));
    for (const b of balances.filter((x) => had.has(x.owner_id))) {
      expect(Number(b.b)).toBeGreaterThanOrEqual(0);
      expect(Number(b.b)).toBe(had.get(b.owner_id)! - (spentBy.get(b.owner_id) ?? 0));
    }
    // every balance is the sum of its entries; every posting sums to zero; the held points are the pending ones
    const drift = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT a.id FROM ledger_accounts a
          LEFT JOIN (SELECT account_id, sum(balance) AS b FROM ledger_balances GROUP BY account_id) b ON b.account_id = a.id
          LEFT JOIN (SELECT account_id, sum(amount) AS e FROM ledger_entries GROUP BY account_id) e ON e.account_id = a.id
          WHERE coalesce(b.b, 0) <> coalesce(e.e, 0)`,
    );
    expect(drift).toEqual([]);
    expect(await queryRows(t.database.db, sql`SELECT transaction_id FROM ledger_entries GROUP BY transaction_id, unit HAVING sum(amount) <> 0`)).toEqual([]);
    const [held] = await queryRows<{ held: string; postings: number }>(
      t.database.db,
      sql`SELECT (SELECT sum(b.balance) FROM ledger_balances b JOIN ledger_accounts a ON a.id = b.account_id WHERE a.kind = 'provider.held') AS held,
                 (SELECT count(*)::int FROM ledger_transactions WHERE source = 'redemption') AS postings`,
    );
    expect(Number(held!.held)).toBe(spent.reduce((s, x) => s + x.points, 0));
    expect(held!.postings).toBe(state!.n);
  }, 240_000);

  it('the same request key sent 20 times at once makes one redemption and one posting', async () => {
    const itemId = await item(10, 5);
    const who = people.find((p) => p.points === 40)!;
    const key = `twenty-${crypto.randomUUID()}`;
    const replies = await Promise.all(Array.from({ length: 20 }, () => redeem(who.cookie, itemId, key)));
    expect(replies.map((r) => r.status).sort(), JSON.stringify(replies.filter((r) => r.status >= 400).slice(0, 2))).toEqual([...Array(19).fill(200), 201].sort());
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    const [made] = await queryRows<{ n: number; postings: number; stock: number }>(
      t.database.db,
      sql`SELECT (SELECT count(*)::int FROM mall_redemptions WHERE item_id = ${itemId}) AS n,
                 (SELECT count(*)::int FROM ledger_transactions WHERE key = ${`redeem:${replies[0]!.body.id}`}) AS postings,
                 (SELECT stock FROM mall_items WHERE id = ${itemId}) AS stock`,
    );
    expect(made).toEqual({ n: 1, postings: 1, stock: 9 });
  }, 120_000);
});
