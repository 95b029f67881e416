import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed, uploadPhoto } from '../../test/needs-helpers.js';

const HOUR = 3_600_000;

/* A need's window: reopening restarts it by the same rule; a pause of a working-day window gives back working time only. */
describe.each(backends)('deadline windows on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['resident1', 'communityAdmin1', 'teamLeader1', 'volunteer1', 'districtAdmin']) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  const tick = async () => {
    await t.app.services.events.deliverDue();
    await t.app.services.jobs.runDue();
  };
  const post = (cookie: string, url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  const clockOf = async (needId: string) => {
    const [row] = await queryRows<Record<'accepted_at' | 'deadline_at' | 'window_started_at', string | Date>>(t.database.db, sql`SELECT accepted_at, deadline_at, window_started_at FROM needs WHERE id = ${needId}`);
    return { acceptedAt: new Date(row!.accepted_at).getTime(), deadlineAt: new Date(row!.deadline_at).getTime(), startedAt: new Date(row!.window_started_at).getTime() };
  };
  const warningJobs = async (needId: string) =>
    (await queryRows<{ key: string }>(t.database.db, sql`SELECT key FROM jobs WHERE name = 'supervision.deadline' AND key LIKE ${`${needId}:%`} ORDER BY run_at`)).map((j) => j.key);
  const alertsOf = async (needId: string) =>
    (await queryRows<{ deadline_at: string | Date; threshold: number }>(t.database.db, sql`SELECT deadline_at, threshold FROM deadline_alerts WHERE need_id = ${needId} ORDER BY fired_at, threshold`)).map((a) => `${new Date(a.deadline_at).toISOString()}@${a.threshold}`);

  it('a poor rating reopens the need with a new window from the reopening, by the same rule; acceptance keeps its time', async () => {
    t.clock.set('2026-04-06T09:00:00+08:00');
    const need = await postNeed(t, c.resident1!, { title: '重办重新计时' });
    await act(t, c.communityAdmin1!, need.id, 'accept', { severity: 'general' });
    const first = await clockOf(need.id);
    expect(first.deadlineAt - first.acceptedAt).toBe(48 * HOUR);
    await act(t, c.communityAdmin1!, need.id, 'pool');
    await act(t, c.volunteer1!, need.id, 'grab');
    await act(t, c.volunteer1!, need.id, 'check-in');
    const photo = (await uploadPhoto(t, c.volunteer1!)).json();
    t.clock.advance(30 * HOUR);
    await act(t, c.volunteer1!, need.id, 'complete', { summary: '已上门理发', photos: [photo.id] });
    t.clock.advance(10 * HOUR);
    const rated = await act(t, c.resident1!, need.id, 'rate', { rating: 1, solved: false, comment: '没剪好' });
    expect(rated.json().status).toBe('reopened');
    const reopen = rated.json().timeline.at(-1);
    expect(reopen.action).toBe('reopen');

    const second = await clockOf(need.id);
    expect(second.acceptedAt).toBe(first.acceptedAt);
    // reopened 40 hours after acceptance (give or take the milliseconds the requests took)
    expect(Math.abs(second.startedAt - (first.acceptedAt + 40 * HOUR))).toBeLessThan(10_000);
    expect(second.deadlineAt - second.startedAt).toBe(48 * HOUR);
    expect(rated.json().deadlineAt).toBe(new Date(second.deadlineAt).toISOString());
    expect(reopen.data).toMatchObject({ deadlineAt: new Date(second.deadlineAt).toISOString(), window: { amount: 2, unit: 'calendar_days' } });

    // the new window's warnings are scheduled on needs.reopen, the old window's lapse
    await tick();
    const newWindow = new Date(second.deadlineAt).toISOString();
    expect((await warningJobs(need.id)).filter((k) => k.includes(newWindow))).toHaveLength(3);
    t.clock.set(new Date(first.deadlineAt + HOUR));
    await tick();
    expect(await alertsOf(need.id)).toEqual([]);
    expect((await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: c.communityAdmin1! } })).json().overdue).toBe(false);
    t.clock.set(new Date(second.startedAt + 24 * HOUR + 60_000));
    await tick();
    expect(await alertsOf(need.id)).toEqual([`${newWindow}@50`]);
  });

  it('a pause of a working-day window across Spring Festival gives back the working time paused, not the holiday', async () => {
    // 重要 in 光明社区: 2 working days
    const rule = await post(c.districtAdmin!, '/api/deadline-rules', { regionId: t.fx.region.C1!.id, severity: 'important', amount: 2, unit: 'working_days' });
    expect(rule.statusCode).toBe(201);
    t.clock.set('2026-02-12T10:00:00+08:00'); // Thursday
    const need = await postNeed(t, c.resident1!, { title: '春节前挂起' });
    await act(t, c.communityAdmin1!, need.id, 'accept', { severity: 'important' });
    await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    await act(t, c.teamLeader1!, need.id, 'take');
    // Fri 13 and the make-up Saturday 14: due at the end of Saturday
    expect((await clockOf(need.id)).deadlineAt).toBe(Date.parse('2026-02-15T00:00:00+08:00'));

    t.clock.set('2026-02-13T10:00:00+08:00');
    const asked = (await post(c.teamLeader1!, `/api/oversight/needs/${need.id}/deadline-changes`, { kind: 'pause', reason: '居民回老家过年' })).json().items[0];
    const pausedAt = Date.parse((await post(c.communityAdmin1!, `/api/oversight/deadline-changes/${asked.id}/approve`, {})).json().pausedAt);
    t.clock.set('2026-02-24T10:00:00+08:00');
    const resumed = (await post(c.teamLeader1!, `/api/oversight/deadline-changes/${asked.id}/resume`)).json();
    const resumedAt = Date.parse(resumed.items[0].resumedAt);
    // paused: 14 h of Friday, the make-up Saturday, nothing of the holiday, 10 h of Tuesday = 48 working hours
    const paused = 48 * HOUR + (resumedAt - Date.parse('2026-02-24T10:00:00+08:00')) - (pausedAt - Date.parse('2026-02-13T10:00:00+08:00'));
    const event = (await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: c.communityAdmin1! } })).json().timeline.at(-1);
    expect(event).toMatchObject({ action: 'resume', data: { pausedMs: paused } });
    // 48 working hours after the end of Saturday 14 (the holiday runs to Mon 23): Tue 24 and Wed 25
    expect((await clockOf(need.id)).deadlineAt).toBe(Date.parse('2026-02-26T00:00:00+08:00') + (paused - 48 * HOUR));
    expect(resumed.deadlineAt).toBe(new Date((await clockOf(need.id)).deadlineAt).toISOString());
  });
});
