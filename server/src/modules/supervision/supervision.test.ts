import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed } from '../../test/needs-helpers.js';
import { deadlineAlerts } from './supervision.table.js';

const HOUR = 3_600_000;

/* The deadline watch: warnings at 50 % and 80 %, the overdue reminder at 100 %, each exactly once. */
describe.each(backends)('deadline warnings on %s', (backend) => {
  let t: TestApp;
  let resident: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    resident = await t.login('resident1');
    admin = await t.login('communityAdmin1');
  });
  afterAll(() => t.close());

  /** What the server's loops do every second: deliver events, then run due jobs. */
  const tick = async () => {
    await t.app.services.events.deliverDue();
    await t.app.services.jobs.runDue();
  };
  const alertsOf = async (needId: string) =>
    (await t.database.db.select().from(deadlineAlerts).where(eq(deadlineAlerts.needId, needId))).map((a) => ({ threshold: a.threshold, recipients: [...a.recipients].sort() })).sort((a, b) => a.threshold - b.threshold);
  const id = (key: string) => t.fx.person[key]!.id;

  it('warns at 50 % and 80 % of a 2-day window and reminds the street once overdue, each once', async () => {
    const need = await postNeed(t, resident, { title: '期限预警测试' });
    expect((await act(t, admin, need.id, 'accept', { severity: 'general' })).statusCode).toBe(200);
    expect((await act(t, admin, need.id, 'dispatch', { teamId: t.fx.team.T1!.id })).statusCode).toBe(200);
    await tick();
    expect(await alertsOf(need.id)).toEqual([]);

    t.clock.advance(24 * HOUR + 60_000);
    await tick();
    await tick();
    const handlers = [id('communityAdmin1'), id('gridWorker1'), id('teamLeader1')].sort();
    expect(await alertsOf(need.id)).toEqual([{ threshold: 50, recipients: handlers }]);

    t.clock.advance(24 * HOUR);
    await tick();
    expect(await alertsOf(need.id)).toEqual([
      { threshold: 50, recipients: handlers },
      { threshold: 80, recipients: handlers },
      { threshold: 100, recipients: [...handlers, id('streetAdmin1')].sort() },
    ]);
    // the list shows it overdue, and filters it
    const list = await t.app.inject({ url: '/api/needs?view=all&due=overdue', headers: { cookie: admin } });
    expect(list.json().items.map((n: { id: string; overdue: boolean }) => [n.id, n.overdue])).toContainEqual([need.id, true]);
    // each recipient has each warning once in their inbox
    const inbox = await queryRows<{ type: string; n: number }>(t.database.db, sql`SELECT type, count(*)::int AS n FROM inbox_messages WHERE subject_id = ${need.id} AND type LIKE 'deadline.%' GROUP BY type ORDER BY type`);
    expect(inbox).toEqual([
      { type: 'deadline.overdue', n: 4 },
      { type: 'deadline.warn50', n: 3 },
      { type: 'deadline.warn80', n: 3 },
    ]);
    const leader = await t.login('teamLeader1');
    const mine = (await t.app.inject({ url: '/api/inbox', headers: { cookie: leader } })).json().items.filter((m: { subject: { id: string } }) => m.subject.id === need.id);
    expect(mine.map((m: { title: string }) => m.title)).toEqual(expect.arrayContaining(['已超时', '即将超时', '办理时限过半']));
    // nothing fires twice, however often the loops run
    t.clock.advance(10 * 24 * HOUR);
    await tick();
    expect(await alertsOf(need.id)).toHaveLength(3);
  });

  it('a finished item gets no more warnings; a redelivered event schedules nothing new', async () => {
    const need = await postNeed(t, resident, { title: '按时完成的需求' });
    await act(t, admin, need.id, 'accept', { severity: 'important' });
    await tick();
    const jobs = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM jobs WHERE key LIKE ${`${need.id}:%`}`);
    expect(jobs[0]!.n).toBe(3);
    await act(t, admin, need.id, 'cancel', { note: '居民已自行解决' });
    t.clock.advance(4 * 24 * HOUR);
    await tick();
    expect(await alertsOf(need.id)).toEqual([]);
    const done = await queryRows<{ state: string }>(t.database.db, sql`SELECT state FROM jobs WHERE key LIKE ${`${need.id}:%`}`);
    expect(done.map((j) => j.state)).toEqual(['done', 'done', 'done']);
  });

  it('lists items due within 24 hours, nearest deadline first', async () => {
    const a = await postNeed(t, resident, { title: '即将到期甲' });
    await act(t, admin, a.id, 'accept', { severity: 'general' });
    t.clock.advance(HOUR);
    const b = await postNeed(t, resident, { title: '即将到期乙' });
    await act(t, admin, b.id, 'accept', { severity: 'general' });
    t.clock.advance(30 * HOUR);
    const res = await t.app.inject({ url: '/api/needs?view=all&due=within24h&sort=deadline', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((n: { id: string }) => n.id);
    expect(ids.indexOf(a.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(res.json().items.every((n: { overdue: boolean }) => !n.overdue)).toBe(true);
  });
});
