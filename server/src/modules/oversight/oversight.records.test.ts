import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed, uploadPhoto } from '../../test/needs-helpers.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

/* Supervision records (督办) while a need is handled, the satisfaction callback (回访) after it was served. */
describe.each(backends)('supervision records and callbacks on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['resident1', 'communityAdmin1', 'communityAdmin2', 'teamLeader1', 'volunteer1', 'streetAdmin1', 'gridWorker1', 'otherDistrictAdmin']) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  const today = () => shanghaiDay(t.clock.now());
  const record = (cookie: string, needId: string, body: object) => t.app.inject({ method: 'POST', url: `/api/oversight/needs/${needId}/supervisions`, headers: { cookie }, payload: body });
  const list = (cookie: string, needId: string) => t.app.inject({ url: `/api/oversight/needs/${needId}/supervisions`, headers: { cookie } });
  const inboxOf = async (needId: string, person: string) =>
    (await queryRows<{ type: string }>(t.database.db, sql`SELECT type FROM inbox_messages WHERE subject_id = ${needId} AND account_id = ${t.fx.person[person]!.id} AND type LIKE 'oversight.%'`)).map((m) => m.type);

  /** A need dispatched to 光明志愿服务队 and in service by volunteer1. */
  async function inService(title: string) {
    const need = await postNeed(t, c.resident1!, { title });
    await act(t, c.communityAdmin1!, need.id, 'accept', { severity: 'general' });
    await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    await act(t, c.teamLeader1!, need.id, 'take');
    await act(t, c.teamLeader1!, need.id, 'assign', { volunteerId: t.fx.person.volunteer1!.id });
    await act(t, c.volunteer1!, need.id, 'check-in');
    return need.id;
  }

  it('staff record 督办 while it is handled: on the timeline, and the handlers are told', async () => {
    const id = await inService('督办记录测试');
    const made = await record(c.communityAdmin1!, id, { kind: 'writtenReminder', happenedOn: today(), outcome: '已向服务队发出书面催办单，要求本周内完成' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ kind: 'writtenReminder', outcome: '已向服务队发出书面催办单，要求本周内完成', satisfaction: null, recordedByName: '光明管理员', recordedRole: 'communityAdmin', round: 1 });
    const street = await record(c.streetAdmin1!, id, { kind: 'onSite', happenedOn: today(), outcome: '街道到现场督办，协调物业配合' });
    expect(street.statusCode).toBe(201);
    const grid = await record(c.gridWorker1!, id, { kind: 'phoneCallback', happenedOn: today(), outcome: '电话回访居民，服务正在进行' });
    expect(grid.statusCode).toBe(201);

    const listed = (await list(c.teamLeader1!, id)).json();
    expect(listed.items.map((r: { kind: string }) => r.kind)).toEqual(['phoneCallback', 'onSite', 'writtenReminder']);
    expect(listed).toMatchObject({ canSupervise: false, canCallback: false }); // the team is supervised, it does not supervise
    expect((await list(c.communityAdmin1!, id)).json()).toMatchObject({ canSupervise: true, canCallback: false });

    const detail = (await t.app.inject({ url: `/api/needs/${id}`, headers: { cookie: c.communityAdmin1! } })).json();
    expect(detail.timeline.slice(-3).map((e: { action: string; actorRole: string; data: { kind: string } }) => [e.action, e.actorRole, e.data.kind])).toEqual([
      ['supervise', 'communityAdmin', 'writtenReminder'],
      ['supervise', 'streetAdmin', 'onSite'],
      ['supervise', 'gridWorker', 'phoneCallback'],
    ]);
    expect(await inboxOf(id, 'teamLeader1')).toEqual(['oversight.supervised', 'oversight.supervised', 'oversight.supervised']);
    expect(await inboxOf(id, 'communityAdmin1')).toHaveLength(2); // not for their own record
    const audit = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'oversight.supervise' AND object_type = 'supervisionRecord'`);
    expect(audit[0]!.n).toBeGreaterThanOrEqual(3);

    // a callback is for after the service
    expect((await record(c.communityAdmin1!, id, { kind: 'satisfactionCallback', happenedOn: today(), outcome: '太早了', satisfaction: 'satisfied' })).json()).toMatchObject({ code: 'oversight.kind_not_now' });
  });

  it('the satisfaction callback after completion records a score; 督办 no longer fits', async () => {
    const id = await inService('回访测试');
    const photo = (await uploadPhoto(t, c.volunteer1!)).json();
    await act(t, c.volunteer1!, id, 'complete', { summary: '已完成上门服务', photos: [photo.id] });
    expect((await record(c.communityAdmin1!, id, { kind: 'writtenReminder', happenedOn: today(), outcome: '催办' })).json().code).toBe('oversight.kind_not_now');
    expect((await record(c.communityAdmin1!, id, { kind: 'satisfactionCallback', happenedOn: today(), outcome: '居民表示满意' })).json()).toMatchObject({ code: 'oversight.satisfaction_required', field: 'satisfaction' });
    expect((await record(c.communityAdmin1!, id, { kind: 'satisfactionCallback', happenedOn: '2099-01-01', outcome: '未来', satisfaction: 'satisfied' })).json()).toMatchObject({ code: 'oversight.date_out_of_range', field: 'happenedOn' });
    expect((await record(c.communityAdmin1!, id, { kind: 'satisfactionCallback', happenedOn: today(), outcome: '   ', satisfaction: 'satisfied' })).json()).toMatchObject({ code: 'oversight.outcome_required', field: 'outcome' });
    const made = await record(c.gridWorker1!, id, { kind: 'satisfactionCallback', happenedOn: today(), outcome: '居民说理发很好，但等得久了点', satisfaction: 'basicallySatisfied' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ kind: 'satisfactionCallback', satisfaction: 'basicallySatisfied' });
    expect((await list(c.communityAdmin1!, id)).json()).toMatchObject({ canSupervise: false, canCallback: true });
    const detail = (await t.app.inject({ url: `/api/needs/${id}`, headers: { cookie: c.resident1! } })).json();
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'callback', actorRole: 'gridWorker', data: { satisfaction: 'basicallySatisfied' } });
    // a callback tells no handler anything
    expect(await inboxOf(id, 'teamLeader1')).toEqual([]);

    // what the figures may count: the callbacks of a subtree and period
    const actor = { accountId: t.fx.person.streetAdmin1!.id, districtId: t.fx.region.S1!.districtId, name: '东街道管理员', roles: ['streetAdmin' as const], regionId: t.fx.region.S1!.id, regionPath: t.fx.region.S1!.path, mustChangePassword: false, ip: '127.0.0.1' };
    const counts = await t.app.services.oversight.callbackCounts(actor, { regionPath: t.fx.region.C1!.path, from: today(), to: '2099-01-01' });
    expect(counts).toEqual({ satisfied: 0, basicallySatisfied: 1, dissatisfied: 0, total: 1 });
    await expect(t.app.services.oversight.callbackCounts(actor, { regionPath: t.fx.region.C3!.path, from: today(), to: '2099-01-01' })).rejects.toMatchObject({ code: 'regions.not_found' });
  });

  it('another community, another district and the requester are kept out', async () => {
    const id = await inService('督办范围测试');
    await record(c.communityAdmin1!, id, { kind: 'phoneCallback', happenedOn: today(), outcome: '电话督促' });
    for (const who of ['communityAdmin2', 'otherDistrictAdmin']) {
      expect((await list(c[who]!, id)).statusCode, who).toBe(404);
      expect((await record(c[who]!, id, { kind: 'phoneCallback', happenedOn: today(), outcome: '越权' })).statusCode, who).toBe(404);
    }
    // the requester sees the need but not its supervision file; the leader and the volunteer record nothing
    expect((await list(c.resident1!, id)).statusCode).toBe(403);
    expect((await record(c.teamLeader1!, id, { kind: 'phoneCallback', happenedOn: today(), outcome: '自己督办自己' })).statusCode).toBe(403);
    expect((await record(c.volunteer1!, id, { kind: 'phoneCallback', happenedOn: today(), outcome: '志愿者' })).statusCode).toBe(403);
    expect((await list(c.communityAdmin1!, id)).json().items).toHaveLength(1);
  });
});
