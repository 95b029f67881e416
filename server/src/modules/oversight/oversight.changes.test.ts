import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed } from '../../test/needs-helpers.js';

const HOUR = 3_600_000;

/* Pauses (挂起) and extensions (延期): asked by the handler, decided by the level above, the deadline and its warnings following. */
describe.each(backends)('pauses and extensions on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['resident1', 'communityAdmin1', 'communityAdmin2', 'teamLeader1', 'streetAdmin1', 'gridWorker1', 'districtAdmin']) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  /** What the server's loops do every second: deliver events, then run due jobs. */
  const tick = async () => {
    await t.app.services.events.deliverDue();
    await t.app.services.jobs.runDue();
  };
  const post = (cookie: string, url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  const ask = (cookie: string, needId: string, body: object) => post(cookie, `/api/oversight/needs/${needId}/deadline-changes`, body);
  const decide = (cookie: string, id: string, verdict: 'approve' | 'refuse', note?: string) => post(cookie, `/api/oversight/deadline-changes/${id}/${verdict}`, note ? { note } : {});
  const clockOf = async (needId: string) => {
    const [row] = await queryRows<Record<'accepted_at' | 'deadline_at' | 'window_started_at' | 'paused_at', string | Date | null>>(t.database.db, sql`SELECT accepted_at, deadline_at, window_started_at, paused_at FROM needs WHERE id = ${needId}`);
    const at = (v: string | Date | null | undefined) => new Date(v!);
    return { accepted_at: at(row!.accepted_at), deadline_at: at(row!.deadline_at), window_started_at: at(row!.window_started_at), paused_at: row!.paused_at === null ? null : at(row!.paused_at) };
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const alertsOf = async (needId: string) =>
    (await queryRows<{ deadline_at: Date; threshold: number }>(t.database.db, sql`SELECT deadline_at, threshold FROM deadline_alerts WHERE need_id = ${needId} ORDER BY fired_at, threshold`)).map((a) => `${new Date(a.deadline_at).toISOString()}@${a.threshold}`);
  const inboxTypes = async (needId: string, person: string) =>
    (await queryRows<{ type: string }>(t.database.db, sql`SELECT type FROM inbox_messages WHERE subject_id = ${needId} AND account_id = ${t.fx.person[person]!.id} AND type LIKE 'oversight.%' ORDER BY created_at`)).map((m) => m.type);
  const timeline = async (needId: string) => (await t.app.inject({ url: `/api/needs/${needId}`, headers: { cookie: c.communityAdmin1! } })).json() as { overdue: boolean; paused: boolean; deadlineAt: string; timeline: { action: string; actorRole: string; note: string | null; data: Record<string, unknown> }[] };

  /** A need accepted now (general: 2 calendar days) and taken by 光明志愿服务队 (teamLeader1). */
  async function taken(title: string) {
    const need = await postNeed(t, c.resident1!, { title });
    await act(t, c.communityAdmin1!, need.id, 'accept', { severity: 'general' });
    await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    await act(t, c.teamLeader1!, need.id, 'take');
    await tick();
    return need.id;
  }

  it('an approved extension moves the deadline; the old window’s warnings do nothing and the new window’s fire', async () => {
    t.clock.set('2026-03-02T09:00:00+08:00');
    const id = await taken('延期测试');
    const t0 = (await clockOf(id)).accepted_at.getTime();
    const first = iso(t0 + 48 * HOUR);
    expect((await clockOf(id)).deadline_at.toISOString()).toBe(first);
    t.clock.set(new Date(t0 + 30 * HOUR));
    await tick();
    expect(await alertsOf(id)).toEqual([`${first}@50`]);

    const asked = await ask(c.teamLeader1!, id, { kind: 'extension', reason: '居民需要预约理发师，时间较长', extraDays: 2 });
    expect(asked.statusCode).toBe(201);
    const request = asked.json().items[0];
    const second = iso(t0 + 96 * HOUR);
    expect(request).toMatchObject({ kind: 'extension', state: 'requested', requestedRole: 'teamLeader', oldDeadline: first, newDeadline: second });
    expect(asked.json().canAsk).toBe(false);
    expect(await inboxTypes(id, 'communityAdmin1')).toEqual(['oversight.extensionAsked']);
    // asking moves nothing yet
    expect((await clockOf(id)).deadline_at.toISOString()).toBe(first);

    const approved = await decide(c.communityAdmin1!, request.id, 'approve', '同意延期两天');
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ deadlineAt: second, items: [{ state: 'approved', decisionNote: '同意延期两天', decidedByName: '光明管理员' }] });
    expect(await inboxTypes(id, 'teamLeader1')).toEqual(['oversight.extensionApproved']);
    const story = await timeline(id);
    expect(story.timeline.slice(-2).map((e) => [e.action, e.actorRole, e.note])).toEqual([
      ['extendAsk', 'teamLeader', '居民需要预约理发师，时间较长'],
      ['extendApprove', 'communityAdmin', '同意延期两天'],
    ]);
    expect(story.timeline.at(-1)!.data).toMatchObject({ oldDeadline: first, deadlineAt: second });

    // the old window's 80 % and 100 % fall due and do nothing; the new window's 50 % (48 h of 96) fires
    await tick();
    t.clock.set(new Date(t0 + 49 * HOUR));
    await tick();
    await tick();
    expect(await alertsOf(id)).toEqual([`${first}@50`, `${second}@50`]);
    expect((await timeline(id)).overdue).toBe(false);
    t.clock.set(new Date(t0 + 97 * HOUR));
    await tick();
    expect(await alertsOf(id)).toEqual([`${first}@50`, `${second}@50`, `${second}@80`, `${second}@100`]);
    expect((await timeline(id)).overdue).toBe(true);
  });

  it('a refused request leaves the deadline, and may be asked again', async () => {
    t.clock.set('2026-03-10T09:00:00+08:00');
    const id = await taken('驳回测试');
    const before = (await clockOf(id)).deadline_at.toISOString();
    const asked = (await ask(c.teamLeader1!, id, { kind: 'pause', reason: '居民外出探亲' })).json().items[0];
    const bare = await decide(c.communityAdmin1!, asked.id, 'refuse');
    expect(bare.json()).toMatchObject({ code: 'oversight.reason_required', field: 'note' });
    const refused = await decide(c.communityAdmin1!, asked.id, 'refuse', '可电话联系居民另约时间');
    expect(refused.json()).toMatchObject({ canAsk: true, items: [{ state: 'refused', decisionNote: '可电话联系居民另约时间' }] });
    expect((await clockOf(id)).deadline_at.toISOString()).toBe(before);
    expect((await clockOf(id)).paused_at).toBeNull();
    expect(await inboxTypes(id, 'teamLeader1')).toEqual(['oversight.pauseRefused']);
    expect((await timeline(id)).timeline.at(-1)).toMatchObject({ action: 'pauseRefuse', actorRole: 'communityAdmin', note: '可电话联系居民另约时间' });
    // decided once: a second decision is refused
    expect((await decide(c.communityAdmin1!, asked.id, 'approve')).json().code).toBe('oversight.already_decided');
    // the leader sees they may ask again
    expect((await t.app.inject({ url: `/api/oversight/needs/${id}/deadline-changes`, headers: { cookie: c.teamLeader1! } })).json().canAsk).toBe(true);
  });

  it('the level directly above decides; one open request per need', async () => {
    t.clock.set('2026-03-12T09:00:00+08:00');
    const id = await taken('审批链测试');
    const asked = (await ask(c.teamLeader1!, id, { kind: 'extension', reason: '材料未到', newDeadline: '2026-03-16T18:00:00+08:00' })).json().items[0];
    expect(asked.newDeadline).toBe('2026-03-16T10:00:00.000Z');
    expect((await ask(c.communityAdmin1!, id, { kind: 'pause', reason: '再申请一次' })).json().code).toBe('oversight.open_request');
    expect((await decide(c.teamLeader1!, asked.id, 'approve')).statusCode).toBe(403); // not one's own
    expect((await decide(c.streetAdmin1!, asked.id, 'approve')).statusCode).toBe(403); // not two levels up
    expect((await decide(c.gridWorker1!, asked.id, 'approve')).statusCode).toBe(403);
    expect((await decide(c.communityAdmin2!, asked.id, 'approve')).statusCode).toBe(404); // another community
    // the 待审批 lists: the community admin has it, the street admin does not
    const pending = (cookie: string) => t.app.inject({ url: '/api/oversight/deadline-changes', headers: { cookie } }).then((r) => r.json());
    expect((await pending(c.communityAdmin1!)).items.map((i: { id: string }) => i.id)).toContain(asked.id);
    expect((await pending(c.communityAdmin1!)).items.find((i: { id: string }) => i.id === asked.id)).toMatchObject({ needTitle: '审批链测试', canDecide: true });
    expect((await pending(c.streetAdmin1!)).items.map((i: { id: string }) => i.id)).not.toContain(asked.id);
    expect((await pending(c.communityAdmin2!)).items.map((i: { id: string }) => i.id)).not.toContain(asked.id);
    expect((await pending(c.teamLeader1!)).total).toBe(0);
    await decide(c.communityAdmin1!, asked.id, 'refuse', '不同意');

    // the community admin asks in its own right: the street decides
    const own = (await ask(c.communityAdmin1!, id, { kind: 'extension', reason: '需协调物业', extraDays: 1 })).json().items[0];
    expect(own.requestedRole).toBe('communityAdmin');
    expect((await pending(c.streetAdmin1!)).items.map((i: { id: string }) => i.id)).toContain(own.id);
    expect(await inboxTypes(id, 'streetAdmin1')).toEqual(['oversight.extensionAsked']);
    expect((await decide(c.communityAdmin1!, own.id, 'approve')).statusCode).toBe(403);
    expect((await decide(c.streetAdmin1!, own.id, 'approve')).statusCode).toBe(200);
    // the requester and the volunteer have no say
    const resident = await t.login('resident1');
    expect((await ask(resident, id, { kind: 'pause', reason: '我要出门' })).statusCode).toBe(403);
  });

  it('a paused need is neither overdue nor warned; resuming moves the deadline on by the time paused', async () => {
    t.clock.set('2026-03-16T09:00:00+08:00');
    const id = await taken('挂起测试');
    const { accepted_at: accepted, deadline_at: deadline } = await clockOf(id);
    const t0 = accepted.getTime();
    t.clock.advance(10 * HOUR);
    const asked = (await ask(c.teamLeader1!, id, { kind: 'pause', reason: '居民住院，暂不方便上门' })).json().items[0];
    const approved = await decide(c.communityAdmin1!, asked.id, 'approve');
    expect(approved.json()).toMatchObject({ items: [{ state: 'approved', canResume: true }] });
    const pausedAt = Date.parse(approved.json().pausedAt);
    expect(pausedAt - t0).toBeGreaterThanOrEqual(10 * HOUR);
    expect((await clockOf(id)).paused_at).not.toBeNull();

    // 60 hours on, past the old deadline (48 h): no warning, not overdue, not in the overdue list
    t.clock.set(new Date(t0 + 70 * HOUR));
    await tick();
    await tick();
    expect(await alertsOf(id)).toEqual([]);
    expect(await timeline(id)).toMatchObject({ overdue: false, paused: true });
    const overdue = await t.app.inject({ url: '/api/needs?view=all&due=overdue&pageSize=200', headers: { cookie: c.communityAdmin1! } });
    expect(overdue.json().items.map((n: { id: string }) => n.id)).not.toContain(id);

    const view = (await t.app.inject({ url: `/api/oversight/needs/${id}/deadline-changes`, headers: { cookie: c.teamLeader1! } })).json();
    expect(view.items[0].canResume).toBe(true);
    const resumed = await post(c.teamLeader1!, `/api/oversight/deadline-changes/${asked.id}/resume`);
    expect(resumed.statusCode).toBe(200);
    // about 60 h paused: the deadline and the window's start move on by exactly that
    const paused = Date.parse(resumed.json().items[0].resumedAt) - pausedAt;
    expect(Math.abs(paused - 60 * HOUR)).toBeLessThan(60_000);
    const moved = iso(deadline.getTime() + paused);
    expect(resumed.json()).toMatchObject({ pausedAt: null, deadlineAt: moved, canAsk: true, items: [{ state: 'ended', resumedByName: '李队长', newDeadline: moved }] });
    const started = (await clockOf(id)).window_started_at.getTime();
    expect(started).toBe(t0 + paused);
    expect((await timeline(id)).timeline.at(-1)).toMatchObject({ action: 'resume', actorRole: 'teamLeader', data: { pausedMs: paused, deadlineAt: moved, by: 'handler' } });
    expect((await post(c.teamLeader1!, `/api/oversight/deadline-changes/${asked.id}/resume`)).json().code).toBe('oversight.not_paused');

    // the clock runs again: 24 h of running time (10 before, 14 after) is the new window's 50 %
    await tick();
    t.clock.set(new Date(started + 24 * HOUR - 60_000));
    await tick();
    expect(await alertsOf(id)).toEqual([]);
    t.clock.set(new Date(started + 24 * HOUR + 60_000));
    await tick();
    expect(await alertsOf(id)).toEqual([`${moved}@50`]);
  });

  it('a pause resumes by itself at 00:00 of its expected date', async () => {
    t.clock.set('2026-03-23T10:00:00+08:00');
    const id = await taken('到期自动恢复');
    const deadline = (await clockOf(id)).deadline_at.getTime();
    expect((await ask(c.teamLeader1!, id, { kind: 'pause', reason: '居民出差', resumeOn: '2026-03-23' })).json()).toMatchObject({ code: 'oversight.resume_date', field: 'resumeOn' });
    const asked = (await ask(c.teamLeader1!, id, { kind: 'pause', reason: '居民出差三天', resumeOn: '2026-03-26' })).json().items[0];
    const pausedAt = Date.parse((await decide(c.communityAdmin1!, asked.id, 'approve', '同意')).json().pausedAt);
    t.clock.set('2026-03-25T23:59:00+08:00');
    await tick();
    expect((await clockOf(id)).paused_at).not.toBeNull();
    t.clock.set('2026-03-26T00:00:30+08:00');
    await tick();
    const after = await clockOf(id);
    expect(after.paused_at).toBeNull();
    // paused from about 10:00 on the 23rd to 00:00 on the 26th (62 hours), whenever the job ran
    expect(after.deadline_at.getTime()).toBe(deadline + Date.parse('2026-03-26T00:00:00+08:00') - pausedAt);
    expect((await timeline(id)).timeline.at(-1)).toMatchObject({ action: 'resume', actorRole: 'system', data: { by: 'expected' } });
    expect(await inboxTypes(id, 'teamLeader1')).toEqual(['oversight.pauseApproved', 'oversight.resumed']);
  });

  it('a need cancelled while paused ends the pause; an unanswered request lapses', async () => {
    t.clock.set('2026-03-30T09:00:00+08:00');
    const paused = await taken('挂起中撤销');
    const p = (await ask(c.teamLeader1!, paused, { kind: 'pause', reason: '居民外出' })).json().items[0];
    await decide(c.communityAdmin1!, p.id, 'approve');
    const waiting = await taken('待审批中撤销');
    const w = (await ask(c.teamLeader1!, waiting, { kind: 'extension', reason: '等待配件', extraDays: 3 })).json().items[0];
    t.clock.advance(5 * HOUR);
    await act(t, c.resident1!, paused, 'cancel', { note: '已自行解决' });
    await act(t, c.resident1!, waiting, 'cancel', { note: '不需要了' });
    await tick();
    const view = (id: string) => t.app.inject({ url: `/api/oversight/needs/${id}/deadline-changes`, headers: { cookie: c.communityAdmin1! } }).then((r) => r.json());
    expect((await view(paused)).items[0]).toMatchObject({ state: 'ended', resumedByName: null });
    expect((await clockOf(paused)).paused_at).toBeNull();
    expect((await view(waiting)).items[0]).toMatchObject({ state: 'ended', decidedByName: null });
    expect((await decide(c.communityAdmin1!, w.id, 'approve')).json().code).toBe('oversight.already_decided');
    expect((await ask(c.teamLeader1!, waiting, { kind: 'pause', reason: '再试' })).json().code).toBe('oversight.not_running');
  });
});
