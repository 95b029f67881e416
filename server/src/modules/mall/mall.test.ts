import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { creditPoints, itemBody } from '../../test/mall-helpers.js';
import { uploadPhoto } from '../../test/needs-helpers.js';

type Item = { id: string; stock: number; myLeft: number; redeemed: number; canManage: boolean; providerType: string; providerName: string; active: boolean; photos: string[] };
type Redemption = { id: string; code: string; status: string; points: number; quantity: number; canCancel: boolean; canConfirm: boolean; expiresAt: string };

describe.each(backends)('points mall on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  let item: Item;
  let district: string;
  let seq = 0;
  const key = () => `test-key-${++seq}-${crypto.randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['districtAdmin', 'streetAdmin1', 'communityAdmin1', 'communityAdmin2', 'volunteer1', 'volunteer2', 'resident1']) c[k] = await t.login(k);
    district = t.fx.region.D!.districtId;
    await creditPoints(t, district, t.fx.region.C1!.id, [{ id: t.fx.person.volunteer1!.id, points: 100 }]);
    await creditPoints(t, district, t.fx.region.C2!.id, [{ id: t.fx.person.volunteer2!.id, points: 30 }]);
  });
  afterAll(() => t.close());

  const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: c[who] ?? who, 'accept-language': 'en' } });
  const send = (method: 'POST' | 'PATCH', who: string, url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie: c[who] ?? who, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
  const points = async (who: string) => ((await get(who, '/api/ledger/me')).json() as { points: number }).points;
  const redeem = (who: string, id: string, quantity = 1, requestKey = key()) => send('POST', who, `/api/mall/items/${id}/redeem`, { quantity, requestKey });
  const stock = async (id: string) => ((await get('communityAdmin1', `/api/mall/items/${id}`)).json() as Item).stock;

  it('a community admin offers an item with a picture; bad input is refused naming the field', async () => {
    const photo = (await uploadPhoto(t, c.communityAdmin1!)).json() as { id: string };
    const res = await send('POST', 'communityAdmin1', '/api/mall/items', itemBody(t, { photos: [photo.id] }));
    expect(res.statusCode, res.body).toBe(201);
    item = res.json();
    expect(item).toMatchObject({ providerType: 'community', providerName: '光明社区', stock: 10, canManage: true, active: true, photos: [photo.id] });
    // the volunteer sees the picture through the item
    expect((await get('volunteer1', `/api/files/${photo.id}`)).statusCode).toBe(200);

    const bad = async (over: Record<string, unknown>, field: string, status = 400) => {
      const r = await send('POST', 'communityAdmin1', '/api/mall/items', itemBody(t, over));
      expect(r.statusCode, r.body).toBe(status);
      expect(JSON.stringify(r.json())).toContain(field);
    };
    await bad({ price: 0 }, 'price');
    await bad({ stock: -1 }, 'stock');
    await bad({ category: 'money' }, 'category');
    await bad({ name: '  ' }, 'name');
    await bad({ validFrom: '2026-13-01' }, 'validFrom');
    await bad({ validTo: '2020-01-01' }, 'validTo');
    await bad({ photos: [crypto.randomUUID()] }, 'photos');
    await bad({ unitId: crypto.randomUUID() }, 'unitId');
    // a volunteer is no provider
    const v = await send('POST', 'volunteer1', '/api/mall/items', itemBody(t));
    expect(v.statusCode).toBe(400);
    expect(v.json().field).toBe('unitId');
  });

  it('volunteers see the items where they live, nearest first; other communities do not', async () => {
    const list = (await get('volunteer1', '/api/mall/items?category=goods')).json() as { items: Item[] };
    expect(list.items.map((i) => i.id)).toContain(item.id);
    expect(list.items.find((i) => i.id === item.id)).toMatchObject({ myLeft: 3, canManage: false });
    expect(((await get('volunteer2', '/api/mall/items')).json() as { items: Item[] }).items.map((i) => i.id)).not.toContain(item.id);
    expect((await get('volunteer2', `/api/mall/items/${item.id}`)).statusCode).toBe(404);
    expect(((await get('volunteer1', '/api/mall/items?category=venue')).json() as { items: Item[] }).items.map((i) => i.id)).not.toContain(item.id);
  });

  it('redeeming spends the points, takes the stock and gives a pickup code; the same request key answers the same redemption', async () => {
    const k = key();
    const res = await redeem('volunteer1', item.id, 2, k);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as Redemption;
    expect(r).toMatchObject({ status: 'pending', points: 40, quantity: 2, canCancel: true, canConfirm: false });
    expect(r.code).toMatch(/^[3467ACDEFGHJKMNPQRTUVWXY]{8}$/);
    expect(await points('volunteer1')).toBe(60);
    expect(await stock(item.id)).toBe(8);
    const again = await redeem('volunteer1', item.id, 2, k);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(r.id);
    expect(await points('volunteer1')).toBe(60);
    // someone else's key is not theirs to reuse
    await creditPoints(t, district, t.fx.region.C1!.id, [{ id: t.fx.person.teamLeader1!.id, points: 50 }]);
    const leader = await t.login('teamLeader1');
    const stolen = await redeem(leader, item.id, 1, k);
    expect(stolen.statusCode).toBe(409);
    expect(stolen.json()).toMatchObject({ code: 'mall.key_taken', field: 'requestKey' });
    // the per-person limit (3): one more is fine, two more are not
    const over = await redeem('volunteer1', item.id, 2);
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'mall.over_limit', field: 'quantity' });
    expect((await redeem('volunteer1', item.id, 4)).json()).toMatchObject({ code: 'mall.over_limit' });
    expect(await points('volunteer1')).toBe(60);
    expect(await stock(item.id)).toBe(8);
    // bad input names the field
    for (const [body, field] of [[{ quantity: 0, requestKey: key() }, 'quantity'], [{ quantity: 1, requestKey: 'short' }, 'requestKey'], [{ quantity: 1 }, 'requestKey']] as const) {
      const bad = await send('POST', 'volunteer1', `/api/mall/items/${item.id}/redeem`, body);
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json())).toContain(field);
    }
    // only registered volunteers redeem
    expect((await redeem('resident1', item.id)).json()).toMatchObject({ code: 'volunteers.not_active' });
  });

  it('points the volunteer does not have are refused, and nothing is taken', async () => {
    const dear = (await send('POST', 'communityAdmin1', '/api/mall/items', itemBody(t, { name: '理发服务', category: 'service', price: 61, stock: 5 }))).json() as Item;
    const res = await redeem('volunteer1', dear.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ledger.insufficient_points');
    expect(await stock(dear.id)).toBe(5);
    expect(await points('volunteer1')).toBe(60);
    const none = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM mall_redemptions WHERE item_id = ${dear.id}`);
    expect(none[0]!.n).toBe(0);
  });

  it('the provider confirms the pickup by its code, once; the volunteer is told; others cannot see the code', async () => {
    const [mine] = ((await get('volunteer1', '/api/mall/redemptions?mine=true&status=pending')).json() as { items: Redemption[] }).items;
    expect(mine).toBeDefined();
    const typed = `${mine!.code.slice(0, 4).toLowerCase()} ${mine!.code.slice(4)}`;
    expect((await get('communityAdmin2', `/api/mall/pickups?code=${encodeURIComponent(typed)}`)).statusCode).toBe(404);
    expect((await send('POST', 'volunteer1', '/api/mall/pickups', { code: mine!.code })).statusCode).toBe(404);
    const found = await get('communityAdmin1', `/api/mall/pickups?code=${encodeURIComponent(typed)}`);
    expect(found.json()).toMatchObject({ id: mine!.id, canConfirm: true, accountName: '赵志愿' });
    const done = await send('POST', 'communityAdmin1', '/api/mall/pickups', { code: typed });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'confirmed', canCancel: false });
    const twice = await send('POST', 'communityAdmin1', '/api/mall/pickups', { code: mine!.code });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('mall.not_pending');
    expect((await send('POST', 'communityAdmin1', '/api/mall/pickups', { code: 'NOPE' })).json()).toMatchObject({ code: 'mall.code_not_found', field: 'code' });
    const inbox = (await get('volunteer1', '/api/inbox')).json() as { items: { type: string; subject: { type: string; id: string } }[] };
    expect(inbox.items.find((m) => m.type === 'mall.confirmed')).toMatchObject({ subject: { type: 'redemption', id: mine!.id } });
    // a confirmed one cannot be cancelled
    expect((await send('POST', 'volunteer1', `/api/mall/redemptions/${mine!.id}/cancel`)).json().code).toBe('mall.not_pending');
    expect(await points('volunteer1')).toBe(60);
  });

  it('cancelling before pickup returns the stock, the count and the points', async () => {
    const r = (await redeem('volunteer1', item.id, 1)).json() as Redemption;
    expect(await points('volunteer1')).toBe(40);
    expect(await stock(item.id)).toBe(7);
    expect((await send('POST', 'volunteer2', `/api/mall/redemptions/${r.id}/cancel`)).statusCode).toBe(404);
    const res = await send('POST', 'volunteer1', `/api/mall/redemptions/${r.id}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('cancelled');
    expect(await points('volunteer1')).toBe(60);
    expect(await stock(item.id)).toBe(8);
    expect((await get('volunteer1', `/api/mall/items/${item.id}`)).json().myLeft).toBe(1);
    expect((await send('POST', 'volunteer1', `/api/mall/redemptions/${r.id}/cancel`)).statusCode).toBe(409);
    // the provider may cancel too
    const p = (await redeem('volunteer1', item.id, 1)).json() as Redemption;
    expect((await send('POST', 'communityAdmin1', `/api/mall/redemptions/${p.id}/cancel`)).json().status).toBe('cancelled');
    expect(await points('volunteer1')).toBe(60);
  });

  it('an unclaimed redemption expires through the job engine: stock and points come back, the volunteer is told', async () => {
    const r = (await redeem('volunteer1', item.id, 1)).json() as Redemption;
    expect(await points('volunteer1')).toBe(40);
    t.clock.advance(6 * 86_400_000);
    await t.app.services.jobs.runDue();
    expect((await get('volunteer1', `/api/mall/redemptions/${r.id}`)).json().status).toBe('pending');
    t.clock.advance(86_400_000 + 60_000);
    await t.app.services.jobs.runDue();
    await t.app.services.jobs.runDue();
    expect((await get('volunteer1', `/api/mall/redemptions/${r.id}`)).json().status).toBe('expired');
    expect(await points('volunteer1')).toBe(60);
    expect(await stock(item.id)).toBe(8);
    const inbox = (await get('volunteer1', '/api/inbox')).json() as { items: { type: string }[] };
    expect(inbox.items.filter((m) => m.type === 'mall.expired')).toHaveLength(1);
  });

  it('an item outside its validity or off the shelf is not redeemable; only its provider edits it', async () => {
    const today = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const later = (await send('POST', 'communityAdmin1', '/api/mall/items', itemBody(t, { validFrom: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`, validTo: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` }))).json() as Item;
    expect((await redeem('volunteer1', later.id)).json().code).toBe('mall.not_valid_now');
    expect((await send('PATCH', 'communityAdmin2', `/api/mall/items/${item.id}`, { active: false })).statusCode).toBe(404);
    expect((await send('PATCH', 'volunteer1', `/api/mall/items/${item.id}`, { active: false })).statusCode).toBe(403);
    expect((await send('PATCH', 'communityAdmin1', `/api/mall/items/${item.id}`, {})).statusCode).toBe(400);
    const off = await send('PATCH', 'communityAdmin1', `/api/mall/items/${item.id}`, { active: false });
    expect(off.json()).toMatchObject({ active: false });
    expect((await redeem('volunteer1', item.id)).json().code).toBe('mall.item_inactive');
    expect(((await get('volunteer1', '/api/mall/items')).json() as { items: Item[] }).items.map((i) => i.id)).not.toContain(item.id);
    expect(((await get('communityAdmin1', '/api/mall/items?manage=true&active=false')).json() as { items: Item[] }).items.map((i) => i.id)).toContain(item.id);
  });

  it('a partner unit’s contact offers items for their unit and confirms their pickups', async () => {
    const made = await send('POST', 'streetAdmin1', '/api/partner-units', { name: '县供电公司', type: 'soe', address: '人民路 2 号', communityIds: [t.fx.region.C1!.id], contact: { name: '刘联络', phone: '13800009901', password: 'Partner#2026a' } });
    expect(made.statusCode, made.body).toBe(201);
    const unitId = made.json().id as string;
    let contact = await t.loginPhone('13800009901', 'Partner#2026a');
    await send('POST', contact, '/api/auth/password', { currentPassword: 'Partner#2026a', newPassword: 'Partner#2026b' });
    contact = await t.loginPhone('13800009901', 'Partner#2026b');
    const res = await send('POST', contact, '/api/mall/items', itemBody(t, { unitId, name: '安全用电培训', category: 'training', price: 10 }));
    expect(res.statusCode, res.body).toBe(201);
    const training = res.json() as Item;
    expect(training).toMatchObject({ providerType: 'partner', providerName: '县供电公司', canManage: true });
    // another provider's staff cannot offer for the unit
    expect((await send('POST', 'communityAdmin1', '/api/mall/items', itemBody(t, { unitId }))).json().field).toBe('unitId');
    const r = (await redeem('volunteer1', training.id)).json() as Redemption;
    expect(((await get(contact, '/api/mall/redemptions')).json() as { items: Redemption[] }).items.map((x) => x.id)).toEqual([r.id]);
    expect((await send('POST', contact, '/api/mall/pickups', { code: r.code })).json().status).toBe('confirmed');
  });

  it('every posting balances, every balance is its entries, and the stock adds up', async () => {
    const off = await queryRows<{ transaction_id: string }>(t.database.db, sql`SELECT transaction_id FROM ledger_entries GROUP BY transaction_id, unit HAVING sum(amount) <> 0`);
    expect(off).toEqual([]);
    const drift = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT a.id FROM ledger_accounts a
          LEFT JOIN (SELECT account_id, sum(balance) AS b FROM ledger_balances GROUP BY account_id) b ON b.account_id = a.id
          LEFT JOIN (SELECT account_id, sum(amount) AS e FROM ledger_entries GROUP BY account_id) e ON e.account_id = a.id
          WHERE coalesce(b.b, 0) <> coalesce(e.e, 0)`,
    );
    expect(drift).toEqual([]);
    // nothing held for redemptions that are no longer pending
    const [held] = await queryRows<{ held: string; pending: number }>(
      t.database.db,
      sql`SELECT (SELECT coalesce(sum(b.balance), 0) FROM ledger_balances b JOIN ledger_accounts a ON a.id = b.account_id WHERE a.kind = 'provider.held') AS held,
                 (SELECT coalesce(sum(points), 0)::int FROM mall_redemptions WHERE status = 'pending') AS pending`,
    );
    expect(Number(held!.held)).toBe(held!.pending);
    const [counts] = await queryRows<{ stock: number; taken: number }>(t.database.db, sql`SELECT stock, (SELECT coalesce(sum(quantity), 0)::int FROM mall_redemptions WHERE item_id = ${item.id} AND status IN ('pending', 'confirmed')) AS taken FROM mall_items WHERE id = ${item.id}`);
    expect(counts!.stock + counts!.taken).toBe(10);
  });
});
