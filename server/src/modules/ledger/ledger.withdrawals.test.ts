import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, categoryId, uploadPhoto } from '../../test/needs-helpers.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

type Withdrawal = { needId: string; number: string; state: string; hours: number; paid: number | null; returned: number | null; heldNow: number; forWhom: string; beneficiaryName: string; needStatus: string };

/* 服务换服务: hours held with the need, paid to whoever serves it, the rest returned; all of it on cancellation. */
describe.each(backends)('time-bank withdrawals on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  let haircut: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['communityAdmin1', 'teamLeader1', 'volunteer1', 'volunteer2', 'resident1']) c[k] = await t.login(k);
    haircut = await categoryId(t, c.volunteer2!, 'elderly.haircut');
    // volunteer2 saved 4 hours at an activity
    const districtId = t.fx.region.D!.districtId;
    await t.database.db.transaction((tx) =>
      t.app.services.ledger.creditServices(tx, districtId, [{ accountId: t.fx.person.volunteer2!.id, communityId: null, source: 'activity', sourceId: crypto.randomUUID(), title: '社区义诊', servedOn: shanghaiDay(t.clock.now()), hours: '4.00' }]),
    );
  });
  afterAll(() => t.close());

  const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: c[who]! } });
  const hours = async (who: string) => ((await get(who, '/api/ledger/me')).json() as { hours: number }).hours;
  const withdraw = (body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/ledger/withdrawals',
      headers: { cookie: c.volunteer2! },
      payload: { forWhom: 'self', categoryId: haircut, title: '母亲需要上门理发', description: '母亲行动不便，希望志愿者上门理发。', regionId: t.fx.region.B1!.id, address: '光明1号楼2单元301', hours: 2, ...body },
    });
  const deliver = async () => {
    await t.app.services.events.deliverDue(100_000);
  };
  const postings = async (key: string) => (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ledger_transactions WHERE key = ${key}`))[0]!.n;

  it('holds the hours with the need; the server is paid from the hold when it closes; the rest goes back, once', async () => {
    expect(await hours('volunteer2')).toBe(4);
    const res = await withdraw({ forWhom: 'family', beneficiaryName: '孙母', relation: '母亲', beneficiaryPhone: '13911112222' });
    expect(res.statusCode, res.body).toBe(201);
    const w = res.json() as Withdrawal;
    expect(w).toMatchObject({ state: 'held', hours: 2, heldNow: 2, forWhom: 'family', beneficiaryName: '孙母', needStatus: 'submitted' });
    expect(await hours('volunteer2')).toBe(2);
    // the need is an ordinary need the community handles; its requester is the volunteer, showing whom it serves
    const need = (await get('communityAdmin1', `/api/needs/${w.needId}`)).json() as { requesterName: string; number: string };
    expect(need).toMatchObject({ requesterName: '孙母', number: w.number });

    // served by volunteer1 for 90 minutes, rated by volunteer2
    await act(t, c.communityAdmin1!, w.needId, 'accept');
    await act(t, c.communityAdmin1!, w.needId, 'dispatch', { teamId: t.fx.team.T1!.id });
    await act(t, c.teamLeader1!, w.needId, 'take');
    await act(t, c.teamLeader1!, w.needId, 'assign', { volunteerId: t.fx.person.volunteer1!.id });
    await act(t, c.volunteer1!, w.needId, 'check-in', { lng: 117.55, lat: 34.86 });
    t.clock.advance(90 * 60_000);
    const photo = (await uploadPhoto(t, c.volunteer1!)).json() as { id: string };
    expect((await act(t, c.volunteer1!, w.needId, 'complete', { summary: '已完成理发服务。', photos: [photo.id] })).statusCode).toBe(200);
    const rated = await act(t, c.volunteer2!, w.needId, 'rate', { rating: 5, solved: true });
    expect(rated.json().status).toBe('closed');

    // crediting paid volunteer1's 1.5 h from the hold, not from the community's issue
    expect(await hours('volunteer1')).toBe(1.5);
    const issued = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id JOIN ledger_transactions x ON x.id = e.transaction_id
          WHERE a.kind = 'community.hours' AND x.source = 'order' AND x.source_id = ${w.needId}`,
    );
    expect(issued[0]!.n).toBe(0);
    await deliver();
    const settled = (await get('volunteer2', `/api/ledger/withdrawals/${w.needId}`)).json() as Withdrawal;
    expect(settled).toMatchObject({ state: 'paid', paid: 1.5, returned: 0.5, heldNow: 0, needStatus: 'closed' });
    expect(await hours('volunteer2')).toBe(2.5);

    // the same end delivered again: nothing more moves
    const event = (await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM domain_events WHERE subject_id = ${w.needId} AND type = 'needs.close'`))[0]!;
    const [row] = await queryRows<Record<string, unknown>>(t.database.db, sql`SELECT * FROM domain_events WHERE id = ${event.id}`);
    const again = { ...row, districtId: row!.district_id, subjectId: row!.subject_id, actorId: row!.actor_id, type: 'needs.close' } as never;
    await t.database.db.transaction((tx) => t.app.services.ledger.withdrawalsSubscriber.handle(tx, again));
    await t.database.db.transaction((tx) => t.app.services.ledger.withdrawalsSubscriber.handle(tx, { ...(again as object), type: 'needs.cancel' } as never));
    expect(await hours('volunteer2')).toBe(2.5);
    expect(await postings(`withdraw-hold:${w.needId}`)).toBe(1);
    expect(await postings(`withdraw-return:${w.needId}`)).toBe(1);
    const lines = ((await get('volunteer2', '/api/ledger/me/statement?unit=hours')).json() as { items: { source: string; amount: number }[] }).items.filter((l) => l.source === 'withdrawal');
    expect(lines.map((l) => l.amount).sort()).toEqual([-2, 0.5]);
  });

  it('a cancelled need gives all its hours back, once, however often its end is delivered', async () => {
    const before = await hours('volunteer2');
    const w = (await withdraw({ hours: 1.25 })).json() as Withdrawal;
    expect(await hours('volunteer2')).toBe(before - 1.25);
    expect((await act(t, c.volunteer2!, w.needId, 'cancel', { note: '已自行解决' })).statusCode).toBe(200);
    await Promise.all([deliver(), deliver()]);
    expect(await hours('volunteer2')).toBe(before);
    const mine = (await get('volunteer2', '/api/ledger/withdrawals')).json() as Withdrawal[];
    expect(mine[0]).toMatchObject({ needId: w.needId, state: 'returned', paid: 0, returned: 1.25, needStatus: 'cancelled' });
    expect(await postings(`withdraw-return:${w.needId}`)).toBe(1);
  });

  it('the same request sent ten times at once makes one need and holds the hours once', async () => {
    const before = await hours('volunteer2');
    const requestKey = crypto.randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => withdraw({ hours: 0.5, requestKey })));
    expect(answers.map((a) => a.statusCode).filter((s) => s >= 300)).toEqual([]);
    const ids = new Set(answers.map((a) => (a.json() as Withdrawal).needId));
    expect(ids.size).toBe(1);
    expect(await hours('volunteer2')).toBe(before - 0.5);
    expect(await postings(`withdraw-hold:${[...ids][0]}`)).toBe(1);
    await act(t, c.volunteer2!, [...ids][0]!, 'cancel', { note: '重复提交测试' });
    await deliver();
  });

  it('not enough hours: 409 naming the field, and no need is left behind', async () => {
    const count = async () => (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM needs WHERE requester_id = ${t.fx.person.volunteer2!.id}`))[0]!.n;
    const needs = await count();
    const res = await withdraw({ hours: 99 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ledger.insufficient_hours', field: 'hours' });
    expect(await count()).toBe(needs);
    expect((await withdraw({ hours: 1.005 })).json()).toMatchObject({ code: 'ledger.bad_amount', field: 'hours' });
    expect((await withdraw({ forWhom: 'family', relation: '父亲' })).json()).toMatchObject({ code: 'ledger.beneficiary_required', field: 'beneficiaryName' });
    // a resident who is not a volunteer has no passbook to spend
    const resident = await t.app.inject({ method: 'POST', url: '/api/ledger/withdrawals', headers: { cookie: c.resident1! }, payload: { forWhom: 'self', categoryId: haircut, title: '上门理发', description: '理发', regionId: t.fx.region.B1!.id, hours: 1 } });
    expect(resident.statusCode).toBe(403);
  });

  it('a withdrawal is seen only by whoever made it', async () => {
    const [w] = (await get('volunteer2', '/api/ledger/withdrawals')).json() as Withdrawal[];
    expect((await get('volunteer1', `/api/ledger/withdrawals/${w!.needId}`)).statusCode).toBe(404);
    expect((await get('volunteer1', '/api/ledger/withdrawals')).json()).toEqual([]);
  });
});
