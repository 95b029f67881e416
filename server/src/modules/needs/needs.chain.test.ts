import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, categoryId, postNeed, uploadPhoto } from '../../test/needs-helpers.js';

describe.each(backends)('the order chain on %s', (backend) => {
  let t: TestApp;
  let c: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(backend);
    c = {};
    for (const k of ['resident1', 'communityAdmin1', 'teamLeader1', 'volunteer1', 'streetAdmin1', 'communityAdmin2', 'resident2', 'gridWorker1']) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  it('点单 → 受理 → 派单 → 接单 → 领单 → 签到 → 结单 → 评单 → 办结, every step on the timeline', async () => {
    const need = await postNeed(t, c.resident1!);
    expect(need.status).toBe('submitted');
    expect((await act(t, c.communityAdmin1!, need.id, 'accept', { severity: 'general' })).json().deadlineAt).toBeTruthy();
    expect((await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id })).json().status).toBe('dispatched');
    expect((await act(t, c.teamLeader1!, need.id, 'take')).json().status).toBe('taken');
    expect((await act(t, c.teamLeader1!, need.id, 'assign', { volunteerId: t.fx.person.volunteer1!.id })).json().status).toBe('claimed');
    const serving = await act(t, c.volunteer1!, need.id, 'check-in', { lng: 117.55, lat: 34.86 });
    expect(serving.json()).toMatchObject({ status: 'in_service', requesterPhone: '13900000008' });
    // the slot is written with the transition (its one write): the answer shows it checked in
    const [slot] = serving.json<{ assignments: { status: string; checkInAt: string | null }[] }>().assignments;
    expect(slot).toMatchObject({ status: 'serving' });
    expect(Date.parse(slot!.checkInAt!)).toBeGreaterThan(Date.now() - 60_000);
    const photo = (await uploadPhoto(t, c.volunteer1!)).json();
    const done = await act(t, c.volunteer1!, need.id, 'complete', { summary: '已为老人理发，老人很满意。', photos: [photo.id] });
    expect(done.json().status).toBe('completed');
    const rated = await act(t, c.resident1!, need.id, 'rate', { rating: 5, solved: true, comment: '谢谢志愿者' });
    expect(rated.statusCode).toBe(200);
    const detail = rated.json();
    expect(detail.status).toBe('closed');
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'dispatch', 'take', 'assign', 'checkIn', 'complete', 'rate', 'close']);
    expect(detail.timeline.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(detail.timeline.at(-1).actorRole).toBe('system');
    // the resident sees the volunteer by a masked name only
    expect(detail.assignments[0].volunteerName).toBe('赵**');
    expect(detail.timeline[0].actorName).toBe('张三'); // but their own name in full
    const leaderView = (await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: c.teamLeader1! } })).json();
    expect(leaderView.assignments[0].volunteerName).toBe('赵志愿'); // a leader knows their members
    // but not the requester: masked on the timeline as in the need's own line
    expect([leaderView.requesterName, leaderView.timeline[0].actorName]).toEqual(['张*', '张*']);
    expect(detail.timeline[0].actorName).toBe('张三');
    // the volunteer finds the place by every level below the district, not the building alone
    const volunteerView = (await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: c.volunteer1! } })).json();
    expect(volunteerView.place).toEqual(['东街道', '光明社区', '光明一网格', '光明1号楼']);
    // the hours served wait for the rating, then are confirmed for the time bank
    const [hours] = await queryRows<{ status: string; hours: string; volunteer_id: string }>(t.database.db, sql`SELECT status, hours, volunteer_id FROM service_hours WHERE need_id = ${need.id}`);
    expect(hours).toMatchObject({ status: 'confirmed', volunteer_id: t.fx.person.volunteer1!.id });
    expect(Number(hours!.hours)).toBeGreaterThanOrEqual(0.25);
  });

  it('a wanted time already over is refused, with some minutes’ grace for a phone’s clock', async () => {
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const haircut = await categoryId(t, c.resident1!, 'elderly.haircut');
    const post = (wantedFrom: string, wantedTo: string) =>
      t.app.inject({ method: 'POST', url: '/api/needs', headers: { cookie: c.resident1! }, payload: { kind: 'serviceRequest', categoryId: haircut, title: '上门理发', description: '老人行动不便', regionId: t.fx.region.B1!.id, wantedFrom, wantedTo } });
    // 上午 picked at 22:35: over for hours
    const morning = await post(at(-14 * 60), at(-10 * 60));
    expect([morning.statusCode, morning.json().code, morning.json().field, morning.json().message]).toEqual([400, 'needs.window_past', 'wantedTo', '期望时间已经过去，请重新选择']);
    // a window that ended five minutes ago (a slow line), or runs on, is taken
    expect((await post(at(-60), at(-5))).statusCode).toBe(201);
    expect((await post(at(-60), at(120))).statusCode).toBe(201);
  });

  it('an illegal transition is refused naming the current state, in the caller’s language', async () => {
    const need = await postNeed(t, c.resident1!);
    const res = await act(t, c.teamLeader1!, need.id, 'take', {}, 'en');
    // the leader has no relation to an undispatched need: it is not even visible
    expect(res.statusCode).toBe(404);
    const early = await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id }, 'en');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'needs.illegal_transition', message: 'The order is submitted; this action is not possible now', details: { status: 'submitted' } });
    const zh = await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    expect(zh.json().message).toBe('当前状态为「已点单」，不能执行此操作');
  });

  it('a second decline goes to the street for a ruling (审定), and the ruled team cannot decline', async () => {
    const need = await postNeed(t, c.resident1!);
    await act(t, c.communityAdmin1!, need.id, 'accept');
    await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    const noReason = await act(t, c.teamLeader1!, need.id, 'decline', { reasonCode: 'nonsense' });
    expect(noReason.json()).toMatchObject({ code: 'needs.bad_reason', field: 'reasonCode' });
    const declined = await act(t, c.teamLeader1!, need.id, 'decline', { reasonCode: 'noManpower' });
    // no longer the team's: out of the leader's sight, so the answer is just the new state
    expect(declined.json()).toEqual({ id: need.id, status: 'accepted', hidden: true });
    await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    await act(t, c.teamLeader1!, need.id, 'decline', { reasonCode: 'timeConflict' });
    const blocked = await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    expect(blocked.json().code).toBe('needs.ruling_pending');
    const ruled = await act(t, c.streetAdmin1!, need.id, 'rule', { teamId: t.fx.team.T1!.id, note: '由光明队承接' });
    expect(ruled.json()).toMatchObject({ status: 'dispatched', rulingPending: false });
    expect((await act(t, c.teamLeader1!, need.id, 'decline', { reasonCode: 'noManpower' })).json().code).toBe('needs.ruled_must_take');
    expect(ruled.json().deadlineAt).toBeTruthy(); // the deadline kept running from acceptance
  });

  it('bulk dispatch answers per need: one out of scope, one in', async () => {
    const mine = await postNeed(t, c.resident1!);
    await act(t, c.communityAdmin1!, mine.id, 'accept');
    const theirs = await postNeed(t, c.resident2!, { regionId: t.fx.region.B2!.id });
    const res = await t.app.inject({ method: 'POST', url: '/api/needs/bulk', headers: { cookie: c.communityAdmin1! }, payload: { ids: [mine.id, theirs.id], action: 'dispatch', teamId: t.fx.team.T1!.id } });
    expect(res.json()).toEqual([{ id: mine.id, ok: true }, { id: theirs.id, ok: false, code: 'needs.not_found' }]);
  });

  it('a poor rating reopens the order for another round', async () => {
    const need = await postNeed(t, c.resident1!);
    await act(t, c.communityAdmin1!, need.id, 'accept');
    await act(t, c.communityAdmin1!, need.id, 'pool');
    expect((await act(t, c.volunteer1!, need.id, 'grab')).json().status).toBe('claimed');
    await act(t, c.volunteer1!, need.id, 'check-in');
    const photo = (await uploadPhoto(t, c.volunteer1!)).json();
    await act(t, c.volunteer1!, need.id, 'complete', { summary: '已上门', photos: [photo.id] });
    const rated = await act(t, c.resident1!, need.id, 'rate', { rating: 2, solved: false, comment: '没剪好' });
    expect(rated.json()).toMatchObject({ status: 'reopened', round: 2, filled: 0 });
    expect((await act(t, c.communityAdmin1!, need.id, 'pool')).json().status).toBe('pooled');
    expect((await act(t, c.volunteer1!, need.id, 'grab')).json().status).toBe('claimed');
  });

  it('closing needs a summary and a photo unless the category waives it', async () => {
    const need = await postNeed(t, c.resident1!);
    await act(t, c.communityAdmin1!, need.id, 'accept');
    await act(t, c.communityAdmin1!, need.id, 'pool');
    await act(t, c.volunteer1!, need.id, 'grab');
    const tooSoon = await act(t, c.volunteer1!, need.id, 'complete', { summary: 'x', photos: [] });
    expect(tooSoon.json().code).toBe('needs.illegal_transition');
    await act(t, c.volunteer1!, need.id, 'check-in');
    expect((await act(t, c.volunteer1!, need.id, 'complete', { summary: '完成', photos: [] })).json()).toMatchObject({ code: 'needs.photo_required', field: 'photos' });
    const someoneElses = (await uploadPhoto(t, c.resident1!)).json();
    expect((await act(t, c.volunteer1!, need.id, 'complete', { summary: '完成', photos: [someoneElses.id] })).json().code).toBe('needs.bad_photo');
  });

  it('the requester cancels with a reason from any open state; the slot frees up', async () => {
    const need = await postNeed(t, c.resident1!);
    await act(t, c.communityAdmin1!, need.id, 'accept');
    await act(t, c.communityAdmin1!, need.id, 'pool');
    await act(t, c.volunteer1!, need.id, 'grab');
    expect((await act(t, c.resident1!, need.id, 'cancel', {})).json()).toMatchObject({ field: 'note' });
    const res = await act(t, c.resident1!, need.id, 'cancel', { note: '家人已经帮忙理发了' });
    expect(res.json().status).toBe('cancelled');
    expect(res.json().assignments[0].status).toBe('released');
  });

  it('a resident sees only their own needs; another community’s admin gets 404', async () => {
    const need = await postNeed(t, c.resident1!);
    expect((await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: c.resident2! } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: c.communityAdmin2! } })).statusCode).toBe(404);
    expect((await act(t, c.communityAdmin2!, need.id, 'accept')).statusCode).toBe(404);
    const mine = await t.app.inject({ url: '/api/needs?view=mine', headers: { cookie: c.resident2! } });
    expect(mine.json().items.some((n: { id: string }) => n.id === need.id)).toBe(false);
    const list = await t.app.inject({ url: '/api/needs?view=all&pageSize=200', headers: { cookie: c.communityAdmin2! } });
    expect(list.json().items.some((n: { id: string }) => n.id === need.id)).toBe(false);
    expect((await t.app.inject({ url: '/api/needs?view=all', headers: { cookie: c.resident1! } })).statusCode).toBe(403);
  });

  it('a volunteer cannot close another volunteer’s task', async () => {
    const need = await postNeed(t, c.resident1!, { slots: 2 });
    await act(t, c.communityAdmin1!, need.id, 'accept');
    await act(t, c.communityAdmin1!, need.id, 'pool');
    await act(t, c.volunteer1!, need.id, 'grab');
    await act(t, c.volunteer1!, need.id, 'check-in');
    const leader = await act(t, c.teamLeader1!, need.id, 'complete', { summary: '冒名结单', photos: [] });
    expect([403, 404]).toContain(leader.statusCode);
    expect(leader.json().code).not.toBe('needs.photo_required');
  });

  it('staff see the requester’s phone masked; the full number is an audited reveal', async () => {
    const need = await postNeed(t, c.resident1!);
    const seen = await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: c.gridWorker1! } });
    expect(seen.json()).toMatchObject({ requesterName: '张三', requesterPhone: '139****0008' });
    const revealed = await t.app.inject({ method: 'POST', url: `/api/needs/${need.id}/reveal-phone`, headers: { cookie: c.gridWorker1! }, payload: {} });
    expect(revealed.json()).toEqual({ value: '13900000008' });
  });

  it('flags a likely duplicate at intake and lets staff merge it; requesters follow the survivor', async () => {
    const first = await postNeed(t, c.resident1!, { title: '楼道灯不亮了' });
    const second = await postNeed(t, c.resident1!, { title: '楼道灯坏了' });
    expect(second.duplicateCount).toBeGreaterThan(0);
    const merged = await act(t, c.communityAdmin1!, second.id, 'merge', { targetId: first.id });
    expect(merged.json()).toMatchObject({ status: 'merged', mergedIntoId: first.id });
  });

  it('exports the list to Excel', async () => {
    const res = await t.app.inject({ url: '/api/needs/export?view=all', headers: { cookie: c.communityAdmin1! } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('a transition whose write fails leaves nothing of it behind: state, timeline, audit line, domain event', async () => {
    const need = await postNeed(t, c.resident1!);
    // the timeline's next step is taken already: the transition's one write must fail on it (UNIQUE need, seq)
    await t.database.db.execute(sql`INSERT INTO need_events (district_id, need_id, seq, action, to_status, actor_role) VALUES (${t.fx.region.D!.districtId}, ${need.id}, 2, 'planted', 'submitted', 'system')`);
    const res = await act(t, c.communityAdmin1!, need.id, 'accept', { severity: 'general' });
    // a conflict the caller can retry after a refresh, in their language — never a 500
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'request.conflict' });
    const [row] = await queryRows<{ status: string; version: number }>(t.database.db, sql`SELECT status, version FROM needs WHERE id = ${need.id}`);
    expect(row).toEqual({ status: 'submitted', version: 1 });
    const audit = await queryRows(t.database.db, sql`SELECT 1 FROM audit_log WHERE object_id = ${need.id} AND action = 'needs.accept'`);
    const events = await queryRows(t.database.db, sql`SELECT 1 FROM domain_events WHERE subject_id = ${need.id} AND type = 'needs.accept'`);
    expect({ audit: audit.length, events: events.length }).toEqual({ audit: 0, events: 0 });
    // the database goes on: the next need is accepted as usual
    const next = await postNeed(t, c.resident1!);
    expect((await act(t, c.communityAdmin1!, next.id, 'accept', { severity: 'general' })).json().status).toBe('accepted');
    expect((await act(t, c.communityAdmin1!, next.id, 'pool')).json().status).toBe('pooled');
    // a grab writes the slot and the volunteer's load before its last write: all of it goes when that fails
    const volunteerId = t.fx.person.volunteer1!.id;
    const load = async () => (await queryRows<{ n: number }>(t.database.db, sql`SELECT coalesce((SELECT open_tasks FROM volunteer_load WHERE account_id = ${volunteerId}), 0) AS n`))[0]!.n;
    const before = await load();
    await t.database.db.execute(sql`INSERT INTO need_events (district_id, need_id, seq, action, to_status, actor_role) VALUES (${t.fx.region.D!.districtId}, ${next.id}, 4, 'planted', 'pooled', 'system')`);
    expect((await act(t, c.volunteer1!, next.id, 'grab')).statusCode).toBe(409);
    const slots = await queryRows(t.database.db, sql`SELECT 1 FROM need_assignments WHERE need_id = ${next.id}`);
    expect({ slots: slots.length, load: await load() }).toEqual({ slots: 0, load: before });
  });
});
