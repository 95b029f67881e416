import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed, uploadPhoto } from '../../test/needs-helpers.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

type Line = { amount: number; unit: string; kind: string; source: string; ruleCode: string | null; ruleName: string | null; balance: number; memo: string };
type Mine = { hours: number; points: number; recent: Line[] };

describe.each(backends)('time bank ledger on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['districtAdmin', 'communityAdmin1', 'communityAdmin2', 'teamLeader1', 'volunteer1', 'resident1', 'volunteer2']) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: c[who]! } });
  const send = (who: string, method: 'POST' | 'PUT', url: string, payload: object) => t.app.inject({ method, url, headers: { cookie: c[who]! }, payload });
  /** The Shanghai day `n` days from the clock's. */
  const day = (n: number) => shanghaiDay(new Date(t.clock.now().getTime() + n * 86_400_000));
  const mine = async (who = 'volunteer1') => (await get(who, '/api/ledger/me')).json() as Mine;
  /** An order served by volunteer1 for `minutes` and rated: the hours are verified when it closes. */
  const serve = async (minutes: number, rating: number, severity = 'general') => {
    const need = await postNeed(t, c.resident1!);
    await act(t, c.communityAdmin1!, need.id, 'accept', { severity });
    await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    await act(t, c.teamLeader1!, need.id, 'take');
    await act(t, c.teamLeader1!, need.id, 'assign', { volunteerId: t.fx.person.volunteer1!.id });
    await act(t, c.volunteer1!, need.id, 'check-in', { lng: 117.55, lat: 34.86 });
    t.clock.advance(minutes * 60_000);
    const photo = (await uploadPhoto(t, c.volunteer1!)).json() as { id: string };
    const done = await act(t, c.volunteer1!, need.id, 'complete', { summary: '已完成服务，老人很满意。', photos: [photo.id] });
    expect(done.statusCode, done.body).toBe(200);
    const rated = await act(t, c.resident1!, need.id, 'rate', { rating, solved: true });
    expect(rated.json().status).toBe('closed');
    return need;
  };

  it('a rated order deposits its hours and the points its rules give, each line naming its rule', async () => {
    const before = await mine();
    expect(before).toMatchObject({ hours: 0, points: 0, recent: [] });
    await serve(90, 5, 'major');
    const after = await mine();
    // 1.5 h; 10 points an hour + 5 for five stars + 10 for a major item + 10 for a first service
    expect(after.hours).toBe(1.5);
    expect(after.points).toBe(15 + 5 + 10 + 10);
    const rules = after.recent.filter((l) => l.unit === 'points').map((l) => l.ruleCode).sort();
    expect(rules).toEqual(['service.hour', 'service.major_item', 'service.rating_five', 'volunteer.first_service']);
    expect(after.recent.find((l) => l.ruleCode === 'service.hour')).toMatchObject({ kind: 'earn', source: 'order', ruleName: '志愿服务每小时', amount: 15 });
    // a second order: no first-service bonus again, a four-star rating brings no bonus
    await serve(60, 4);
    expect(await mine()).toMatchObject({ hours: 2.5, points: 50 });
  });

  it('every posting sums to zero per unit, and every balance is the sum of its entries', async () => {
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
    expect((await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ledger_entries`))[0]!.n).toBeGreaterThan(0);
  });

  it('entries cannot be changed or removed through SQL, nor their postings', async () => {
    const refusal = (query: ReturnType<typeof sql>) =>
      t.database.db.execute(query).then(
        () => 'done',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await refusal(sql`UPDATE ledger_entries SET amount = amount + 1`)).toMatch(/immutable/);
    expect(await refusal(sql`DELETE FROM ledger_entries`)).toMatch(/immutable/);
    expect(await refusal(sql`UPDATE ledger_transactions SET memo = 'x'`)).toMatch(/immutable/);
    expect(await refusal(sql`TRUNCATE ledger_entries CASCADE`)).toMatch(/immutable/);
    // and a balance of a person can never be set below zero, whatever writes it
    expect(await refusal(sql`UPDATE ledger_balances SET balance = -1 WHERE non_negative`)).toMatch(/ledger_balances_non_negative/);
    expect((await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ledger_entries`))[0]!.n).toBeGreaterThan(0);
  });

  it('replaying every verified service through crediting changes nothing', async () => {
    const balances = async () => queryRows<{ account_id: string; b: string }>(t.database.db, sql`SELECT account_id, sum(balance)::text AS b FROM ledger_balances GROUP BY account_id ORDER BY account_id`);
    const before = await balances();
    expect(await t.app.services.ledger.replayServices(t.fx.region.D!.districtId)).toBe(0);
    expect(await balances()).toEqual(before);
  });

  it('a rule changed from tomorrow leaves past entries as they were and applies from its day', async () => {
    // the clock only moves forward here: the outbox delivers what is due by it
    t.clock.set(`${day(1)}T02:00:00Z`);
    const today = day(0);
    const tomorrow = day(1);
    const bad = await send('districtAdmin', 'PUT', '/api/points-rules/service.hour', { points: 20, effectiveFrom: day(-1) });
    expect(bad.json()).toMatchObject({ code: 'ledger.bad_effective_from', field: 'effectiveFrom' });
    expect((await send('communityAdmin1', 'PUT', '/api/points-rules/service.hour', { points: 20, effectiveFrom: tomorrow })).statusCode).toBe(403);
    const changed = await send('districtAdmin', 'PUT', '/api/points-rules/service.hour', { points: 20, effectiveFrom: tomorrow, note: '年度调整' });
    expect(changed.json()).toMatchObject({ points: 20, effectiveFrom: tomorrow, inForce: false });
    const versions = ((await get('communityAdmin1', '/api/points-rules')).json() as { code: string; points: number; effectiveTo: string | null; inForce: boolean }[]).filter((r) => r.code === 'service.hour');
    expect(versions).toMatchObject([{ points: 10, effectiveTo: today, inForce: true }, { points: 20, effectiveTo: null, inForce: false }]);
    const before = await mine();
    await serve(60, 4); // served today: the old rate
    expect((await mine()).points - before.points).toBe(10);
    t.clock.set(`${day(1)}T02:00:00Z`);
    await serve(60, 4); // from the new day: the new rate
    expect((await mine()).points - before.points).toBe(30);
    const all = (await get('volunteer1', '/api/ledger/me/statement?unit=points&pageSize=200')).json() as { items: Line[] };
    expect(all.items.filter((l) => l.ruleCode === 'service.hour').map((l) => l.amount).sort()).toEqual([10, 10, 15, 20]);
  });

  it('the caps cut points earned in a day, never hours', async () => {
    t.clock.set(`${day(1)}T02:00:00Z`);
    expect((await send('districtAdmin', 'PUT', '/api/points-caps', { dailyCap: 25, monthlyCap: 500 })).json()).toEqual({ dailyCap: 25, monthlyCap: 500 });
    const before = await mine();
    await serve(60, 5); // 20 + 5
    await serve(60, 5); // capped to nothing
    const after = await mine();
    expect(after.points - before.points).toBe(25);
    expect(after.hours - before.hours).toBe(2);
    expect((await send('districtAdmin', 'PUT', '/api/points-caps', { dailyCap: -1, monthlyCap: null })).json()).toMatchObject({ code: 'ledger.bad_points', field: 'dailyCap' });
    await send('districtAdmin', 'PUT', '/api/points-caps', { dailyCap: null, monthlyCap: null });
  });

  it('staff award and deduct by a manual rule; a deduction never takes a balance below zero; a retried award posts once', async () => {
    const volunteerId = t.fx.person.volunteer1!.id;
    const points = async () => (await mine()).points;
    const start = await points();
    const key = crypto.randomUUID();
    const awards = await Promise.all(Array.from({ length: 20 }, () => send('communityAdmin1', 'POST', '/api/ledger/awards', { volunteerId, ruleCode: 'award.training', note: '参加急救培训', requestKey: key })));
    expect(awards.every((r) => r.statusCode === 201)).toBe(true);
    expect(awards.filter((r) => r.json().created)).toHaveLength(1);
    expect(await points()).toBe(start + 5);
    // out of scope: like missing
    expect((await send('communityAdmin2', 'POST', '/api/ledger/awards', { volunteerId, ruleCode: 'award.training', note: '培训' })).statusCode).toBe(404);
    expect((await send('communityAdmin1', 'POST', '/api/ledger/awards', { volunteerId, ruleCode: 'service.hour', note: '手工' })).json()).toMatchObject({ code: 'ledger.rule_not_manual', field: 'ruleCode' });
    expect((await send('communityAdmin1', 'POST', '/api/ledger/awards', { volunteerId, ruleCode: 'no.such', note: '手工' })).json()).toMatchObject({ code: 'ledger.rule_not_found', field: 'ruleCode' });
    // deductions of 50 each until nothing is left: the balance stops at zero
    for (let i = 0; i < Math.ceil((start + 5) / 50) + 1; i++) await send('communityAdmin1', 'POST', '/api/ledger/awards', { volunteerId, ruleCode: 'deduct.false_hours', note: '查实虚报' });
    expect(await points()).toBe(0);
  });

  it('a conduct incident deducts its points; annulling it on appeal gives them back', async () => {
    const volunteerId = t.fx.person.volunteer1!.id;
    await send('communityAdmin1', 'POST', '/api/ledger/awards', { volunteerId, ruleCode: 'award.district_honour', note: '区级表彰' });
    const before = (await mine()).points;
    const entries = (await get('communityAdmin1', '/api/conduct/entries')).json() as { id: string; points: number }[];
    const entry = entries.find((e) => e.points === 10)!;
    const recorded = await send('communityAdmin1', 'POST', '/api/conduct/incidents', { accountId: volunteerId, entryId: entry.id, what: '接单后未到岗', occurredAt: t.clock.now().toISOString() });
    expect(recorded.statusCode, recorded.body).toBe(201);
    await t.app.services.events.deliverDue(100_000);
    expect((await mine()).points).toBe(before - 10);
    const incident = recorded.json() as { id: string };
    expect((await send('volunteer1', 'POST', `/api/conduct/incidents/${incident.id}/appeal`, { statement: '当天已请假，有聊天记录为证' })).statusCode).toBe(200);
    const decided = await send('districtAdmin', 'POST', `/api/conduct/incidents/${incident.id}/decide`, { outcome: 'upheld', reason: '请假属实' });
    expect(decided.statusCode, decided.body).toBe(200);
    await t.app.services.events.deliverDue(100_000);
    expect((await mine()).points).toBe(before);
    expect((await mine()).recent[0]).toMatchObject({ kind: 'reverse', source: 'appeal', amount: 10 });
  });

  it('a no-show and a late cancellation reported by activities take the rule’s points, once each', async () => {
    const volunteerId = t.fx.person.volunteer1!.id;
    await send('communityAdmin1', 'POST', '/api/ledger/awards', { volunteerId, ruleCode: 'award.training', note: '培训' });
    const before = (await mine()).points;
    const activityId = crypto.randomUUID();
    for (const type of ['activities.noShow', 'activities.lateCancellation', 'activities.noShow'])
      await t.database.db.transaction((tx) => t.app.services.events.publish(tx, t.fx.region.D!.districtId, { type, subjectType: 'activity', subjectId: activityId, actorId: null, payload: { activityId, accountId: volunteerId } }));
    await t.app.services.events.deliverDue(100_000);
    // 5 for the no-show (reported twice, deducted once), 2 for the late cancellation
    expect((await mine()).points).toBe(before - 7);
    expect((await mine()).recent.slice(0, 2).map((l) => l.ruleCode).sort()).toEqual(['activity.late_cancellation', 'activity.no_show']);
  });

  it('staff read a passbook in scope only; the community figures add up', async () => {
    const volunteerId = t.fx.person.volunteer1!.id;
    const statement = await get('communityAdmin1', `/api/ledger/volunteers/${volunteerId}/statement?unit=hours`);
    expect(statement.statusCode).toBe(200);
    expect(statement.json().closing.hours).toBe((await mine()).hours);
    expect((await get('communityAdmin2', `/api/ledger/volunteers/${volunteerId}/statement`)).statusCode).toBe(404);
    expect((await get('volunteer2', `/api/ledger/volunteers/${volunteerId}`)).statusCode).toBe(403);
    const figures = (await get('communityAdmin1', '/api/ledger/communities')).json() as { name: string; pointsIssued: number; pointsDeducted: number; pointsOutstanding: number; hoursDeposited: number }[];
    const c1 = figures.find((f) => f.name === '光明社区')!;
    expect(c1.hoursDeposited).toBeGreaterThan(0);
    expect(c1.pointsIssued - c1.pointsDeducted).toBe(c1.pointsOutstanding);
    const bad = await get('volunteer1', '/api/ledger/me/statement?from=2026-05-01&to=2026-04-01');
    expect(bad.json()).toMatchObject({ code: 'ledger.bad_period', field: 'from' });
  });
  it('the passbook reads in the order of the days its lines count for: each balance is the one before it plus the line', async () => {
    // a service of one day rated two days later, after a service of the day between was rated: credited
    // out of their days' order (posted order made the balance column jump back and forth)
    const late = await postNeed(t, c.resident1!);
    await act(t, c.communityAdmin1!, late.id, 'accept', { severity: 'general' });
    await act(t, c.communityAdmin1!, late.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    await act(t, c.teamLeader1!, late.id, 'take');
    await act(t, c.teamLeader1!, late.id, 'assign', { volunteerId: t.fx.person.volunteer1!.id });
    await act(t, c.volunteer1!, late.id, 'check-in', { lng: 117.55, lat: 34.86 });
    t.clock.advance(60 * 60_000);
    const served = day(0);
    const photo = (await uploadPhoto(t, c.volunteer1!)).json() as { id: string };
    expect((await act(t, c.volunteer1!, late.id, 'complete', { summary: '已完成服务，老人很满意。', photos: [photo.id] })).statusCode).toBe(200);
    t.clock.advance(86_400_000);
    await serve(30, 4);
    t.clock.advance(86_400_000);
    expect((await act(t, c.resident1!, late.id, 'rate', { rating: 4, solved: true })).json().status).toBe('closed');
    type Dated = Line & { effectiveOn: string; postedAt: string; sourceId: string | null };
    const { items, closing } = (await get('volunteer1', '/api/ledger/me/statement?unit=hours&pageSize=200')).json() as { items: Dated[]; closing: { hours: number } };
    const oldestFirst = [...items].reverse();
    const lateLine = oldestFirst.findIndex((l) => l.sourceId === late.id);
    // the late one was posted last, and reads before the service of the day after it
    expect([lateLine >= 0, oldestFirst[lateLine]?.effectiveOn]).toEqual([true, served]);
    expect(oldestFirst.slice(lateLine + 1).some((l) => l.postedAt < oldestFirst[lateLine]!.postedAt)).toBe(true);
    expect(oldestFirst.map((l) => l.effectiveOn)).toEqual(oldestFirst.map((l) => l.effectiveOn).sort());
    let balance = 0;
    for (const l of oldestFirst) expect([l.effectiveOn, l.balance]).toEqual([l.effectiveOn, Math.round((balance += l.amount) * 100) / 100]);
    expect(balance).toBeCloseTo(closing.hours, 2);
  });
});
