import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed, uploadPhoto } from '../../test/needs-helpers.js';

type Call = { id: string; kind: string; name: string; state: string; contactName: string | null; mine: boolean; photos: string[]; part: string | null };
type Detail = { id: string; state: string; source: string; reason: string | null; openedByName: string | null; street: { name: string }; need: { id: string; address: string | null; status: string }; calls: Call[]; progress: { called: number; reported: number; done: number }; canManage: boolean; canOpenNeed: boolean };
type Message = { type: string; body: string; subject: { type: string; id: string; label: string } };

describe.each(backends)('吹哨报到 (whistles) on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const people = ['districtAdmin', 'streetAdmin1', 'streetAdmin2', 'communityAdmin1', 'communityAdmin2', 'gridWorker1', 'teamLeader1', 'volunteer1', 'volunteer2', 'resident1', 'resident2'];

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of people) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: c[who]! } });
  const post = (who: string, url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: { cookie: c[who]! }, payload });
  const deliver = () => t.app.services.events.deliverDue();
  const accepted = async (severity: 'general' | 'major') => {
    const need = await postNeed(t, c.resident1!, { title: `吹哨测试${crypto.randomUUID().slice(0, 6)}` });
    expect((await act(t, c.communityAdmin1!, need.id, 'accept', { severity })).statusCode).toBe(200);
    return need;
  };
  const whistlesOf = async (needId: string, who = 'streetAdmin1') => (await get(who, `/api/whistles?needId=${needId}`)).json().items as { id: string; state: string; source: string }[];
  const count = async (needId: string) => (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM whistles WHERE need_id = ${needId}`))[0]!.n;
  const timeline = async (needId: string) => ((await get('communityAdmin1', `/api/needs/${needId}`)).json().timeline as { action: string; actorRole: string; note: string | null }[]);
  const inbox = async (who: string, subjectId: string) => ((await get(who, '/api/inbox?pageSize=100')).json().items as Message[]).filter((m) => m.subject.id === subjectId);
  const unit = async (name: string, contact: string | null, at = 'D') => {
    const res = await post('districtAdmin', '/api/whistle-units', { name, kind: 'partner', regionId: t.fx.region[at]!.id, contactAccountId: contact ? t.fx.person[contact]!.id : null });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; name: string };
  };
  const majorWhistle = async () => {
    const need = await accepted('major');
    await deliver();
    const [w] = await whistlesOf(need.id);
    return { need, id: w!.id };
  };

  it('a major need is whistled to its street when accepted, exactly once however often the event is delivered', async () => {
    const need = await accepted('major');
    await deliver();
    const [w, ...more] = await whistlesOf(need.id);
    expect(more).toEqual([]);
    expect(w).toMatchObject({ state: 'open', source: 'major' });
    const detail = (await get('streetAdmin1', `/api/whistles/${w!.id}`)).json() as Detail;
    expect(detail).toMatchObject({ street: { name: '东街道' }, openedByName: null, canManage: true, need: { id: need.id, status: 'accepted' } });
    expect((await timeline(need.id)).filter((e) => e.action === 'whistle')).toEqual([expect.objectContaining({ actorRole: 'system', note: '东街道' })]);
    // the street's admins hear of it, with a link to the whistle; another street's do not
    expect((await inbox('streetAdmin1', w!.id)).map((m) => [m.type, m.subject.type, m.subject.label])).toEqual([['whistle.opened', 'whistle', need.number]]);
    expect(await inbox('streetAdmin2', w!.id)).toEqual([]);

    // handed out again (a crash before "delivered" was written): no second whistle, no second step
    const redeliver = () => t.database.db.execute(sql`UPDATE event_deliveries SET delivered_at = NULL WHERE subscriber = 'whistles.open' AND event_id IN (SELECT id FROM domain_events WHERE subject_id = ${need.id})`);
    await redeliver();
    expect(await deliver()).toBeGreaterThanOrEqual(1);
    expect(await count(need.id)).toBe(1);
    // even once this whistle is closed, the same acceptance opens no other
    expect((await post('streetAdmin1', `/api/whistles/${w!.id}/close`, { summary: '已协调解决' })).statusCode).toBe(200);
    await redeliver();
    await deliver();
    expect(await count(need.id)).toBe(1);
    expect((await timeline(need.id)).filter((e) => e.action === 'whistle')).toHaveLength(1);
  });

  it('a general or important need accepted is not whistled', async () => {
    const need = await accepted('general');
    await deliver();
    expect(await count(need.id)).toBe(0);
  });

  it('a community admin whistles a need by hand: the order is escalated (已吹哨) and its whistle opens once', async () => {
    const need = await accepted('general');
    const res = await post('communityAdmin1', '/api/whistles', { needId: need.id, reason: '涉及多个部门，社区难以协调' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'open', source: 'escalate', reason: '涉及多个部门，社区难以协调', openedByName: '光明管理员', canManage: false, canOpenNeed: true, need: { status: 'escalated' } });
    expect((await timeline(need.id)).map((e) => e.action).slice(-2)).toEqual(['escalate', 'whistle']);
    const again = await post('communityAdmin1', '/api/whistles', { needId: need.id, reason: '再吹一次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('whistles.already_open');
    // its own escalation event, delivered after the request opened the whistle, opens nothing more
    await deliver();
    expect(await count(need.id)).toBe(1);
    expect((await timeline(need.id)).filter((e) => e.action === 'whistle')).toHaveLength(1);
  });

  it('a need shows as whistled only while its whistle is open: closed by the street, its page says so', async () => {
    const need = await accepted('general');
    const whistleOfNeed = async () => ((await get('communityAdmin1', `/api/needs/${need.id}`)).json() as { whistle: string | null }).whistle;
    expect(await whistleOfNeed()).toBeNull();
    const opened = await post('communityAdmin1', '/api/whistles', { needId: need.id, reason: '需要街道协调' });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(await whistleOfNeed()).toBe('open');
    expect((await post('streetAdmin1', `/api/whistles/${opened.json().id}/close`, { summary: '已协调' })).statusCode).toBe(200);
    expect(await whistleOfNeed()).toBe('closed');
  });

  it('the lists tell an escalated need’s whistle as its page does: open, then closed by the street (已结束吹哨, not 已吹哨)', async () => {
    const need = await accepted('general');
    const rowOf = async (who: string, view: string) => {
      const res = await get(who, `/api/needs?view=${view}&q=${need.number}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string; status: string; whistle: string | null }[]).find((n) => n.id === need.id);
    };
    // the staff ledger (its pages kept between requests), the street's, and the resident's own list
    const rows = async () => Promise.all([rowOf('communityAdmin1', 'all'), rowOf('streetAdmin1', 'all'), rowOf('resident1', 'mine')]);
    expect((await rows()).map((r) => [r?.status, r?.whistle])).toEqual(Array(3).fill(['accepted', null]));
    const opened = await post('communityAdmin1', '/api/whistles', { needId: need.id, reason: '需要街道协调' });
    expect(opened.statusCode, opened.body).toBe(201);
    expect((await rows()).map((r) => [r?.status, r?.whistle])).toEqual(Array(3).fill(['escalated', 'open']));
    expect((await post('streetAdmin1', `/api/whistles/${opened.json().id}/close`, { summary: '已协调' })).statusCode).toBe(200);
    expect((await rows()).map((r) => [r?.status, r?.whistle])).toEqual(Array(3).fill(['escalated', 'closed']));
    // the ledger's workbook says so too, in words
    const sheet = await t.app.inject({ url: `/api/needs/export?view=all&q=${need.number}`, headers: { cookie: c.communityAdmin1! } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(2).getCell(5).value).toBe('已结束吹哨');
    // dispatched on from there, it is no longer escalated: its state speaks for it
    expect((await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id })).statusCode).toBe(200);
    expect((await rows()).map((r) => [r?.status, r?.whistle])).toEqual(Array(3).fill(['dispatched', null]));
  });

  it('two admins whistling the same need at once: one whistle, the other is told', async () => {
    const need = await accepted('general');
    const replies = await Promise.all([
      post('communityAdmin1', '/api/whistles', { needId: need.id, reason: '社区申请吹哨' }),
      post('streetAdmin1', '/api/whistles', { needId: need.id, reason: '街道主动吹哨' }),
    ]);
    expect(replies.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    await deliver();
    expect(await count(need.id)).toBe(1);
  });

  it('only an admin over the need may whistle it by hand', async () => {
    const need = await accepted('general');
    const other = await post('communityAdmin2', '/api/whistles', { needId: need.id, reason: '越权吹哨' });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('needs.not_found');
    for (const who of ['gridWorker1', 'resident1', 'teamLeader1']) expect((await post(who, '/api/whistles', { needId: need.id, reason: '吹哨' })).statusCode, who).toBe(403);
    expect(await count(need.id)).toBe(0);
  });

  it('the order chain’s own escalate action opens the whistle through its event, with the reason', async () => {
    const need = await accepted('general');
    expect((await act(t, c.communityAdmin1!, need.id, 'escalate', { note: '情况复杂，申请街道协调' })).statusCode).toBe(200);
    await deliver();
    const [w] = await whistlesOf(need.id);
    expect((await get('streetAdmin1', `/api/whistles/${w!.id}`)).json()).toMatchObject({ source: 'escalate', reason: '情况复杂，申请街道协调', openedByName: '光明管理员' });
  });

  it('the street calls units in; each reports in and records its part; the street closes it — on the timeline and in the inboxes', async () => {
    const { need, id } = await majorWhistle();
    const property = await unit(`物业公司${crypto.randomUUID().slice(0, 4)}`, 'volunteer2');
    const elsewhere = await unit(`西街道单位${crypto.randomUUID().slice(0, 4)}`, 'resident2', 'S2');
    const url = `/api/whistles/${id}`;

    // only the street over it calls in, and only units serving the street
    expect((await post('communityAdmin1', `${url}/call-in`, { unitIds: [property.id] })).statusCode).toBe(403);
    expect((await post('streetAdmin2', `${url}/call-in`, { unitIds: [property.id] })).statusCode).toBe(404);
    const wrong = await post('streetAdmin1', `${url}/call-in`, { unitIds: [elsewhere.id] });
    expect([wrong.statusCode, wrong.json().code, wrong.json().field]).toEqual([400, 'whistles.unit_not_found', 'unitIds']);
    const none = await post('streetAdmin1', `${url}/call-in`, { unitIds: [] });
    expect([none.statusCode, none.json().code]).toEqual([400, 'whistles.nothing_to_call']);

    const called = await post('streetAdmin1', `${url}/call-in`, { teamIds: [t.fx.team.T1!.id], unitIds: [property.id] });
    expect(called.statusCode, called.body).toBe(200);
    const calls = (called.json() as Detail).calls;
    expect(calls.map((x) => [x.kind, x.name, x.contactName, x.state])).toEqual(expect.arrayContaining([['team', '光明志愿服务队', '李队长', 'called'], ['partner', property.name, '孙志愿', 'called']]));
    // calling the same again changes nothing
    expect(((await post('streetAdmin1', `${url}/call-in`, { unitIds: [property.id] })).json() as Detail).calls).toHaveLength(2);
    const teamCall = calls.find((x) => x.kind === 'team')!.id;
    const unitCall = calls.find((x) => x.kind === 'partner')!.id;

    // each contact is told, with a link to the whistle
    expect((await inbox('teamLeader1', id)).map((m) => m.type)).toEqual(['whistle.called']);
    const [told] = await inbox('volunteer2', id);
    expect(told).toMatchObject({ type: 'whistle.called', subject: { type: 'whistle', label: need.number } });
    expect(told!.body).toContain(property.name);

    // a called contact sees the item and their own call; others outside see nothing
    const mine = (await get('volunteer2', url)).json() as Detail;
    expect(mine.calls.filter((x) => x.mine).map((x) => x.id)).toEqual([unitCall]);
    expect(mine).toMatchObject({ canManage: false, canOpenNeed: false, need: { address: '光明1号楼2单元301' } });
    expect(((await get('volunteer2', '/api/whistles?calledToMe=true')).json().items as { id: string; myPending: number }[]).find((w) => w.id === id)).toMatchObject({ myPending: 1 });
    for (const who of ['resident2', 'streetAdmin2', 'communityAdmin2', 'volunteer1']) {
      expect((await get(who, url)).statusCode, who).toBe(404);
      expect(((await get(who, '/api/whistles')).json().items as { id: string }[]).map((w) => w.id), who).not.toContain(id);
    }
    expect((await get('communityAdmin1', url)).json()).toMatchObject({ canManage: false, canOpenNeed: true });

    // report in, then the part: each by its own contact, once
    expect((await post('volunteer2', `/api/whistles/calls/${unitCall}/part`, { text: '已到场' })).json().code).toBe('whistles.not_reported');
    expect((await post('teamLeader1', `/api/whistles/calls/${unitCall}/report-in`)).json().code).toBe('whistles.not_allowed');
    expect((await post('resident2', `/api/whistles/calls/${unitCall}/report-in`)).statusCode).toBe(404);
    const reported = await post('teamLeader1', `/api/whistles/calls/${teamCall}/report-in`);
    expect(reported.statusCode, reported.body).toBe(200);
    expect((reported.json() as Detail).progress).toEqual({ called: 2, reported: 1, done: 0 });
    expect((await post('teamLeader1', `/api/whistles/calls/${teamCall}/report-in`)).json().code).toBe('whistles.already_reported');
    expect((await inbox('streetAdmin1', id)).map((m) => m.type).sort()).toEqual(['whistle.opened', 'whistle.reported']);

    expect((await post('volunteer2', `/api/whistles/calls/${unitCall}/report-in`)).statusCode).toBe(200);
    const theirs = (await uploadPhoto(t, c.resident2!)).json().id as string;
    expect((await post('volunteer2', `/api/whistles/calls/${unitCall}/part`, { text: '清理', photos: [theirs] })).json()).toMatchObject({ code: 'whistles.bad_photo', field: 'photos' });
    const photo = (await uploadPhoto(t, c.volunteer2!)).json().id as string;
    const part = await post('volunteer2', `/api/whistles/calls/${unitCall}/part`, { text: '物业已清理堆放杂物，恢复消防通道。', photos: [photo] });
    expect(part.statusCode, part.body).toBe(200);
    expect((part.json() as Detail).calls.find((x) => x.id === unitCall)).toMatchObject({ state: 'done', part: '物业已清理堆放杂物，恢复消防通道。', photos: [photo] });
    expect((await post('volunteer2', `/api/whistles/calls/${unitCall}/part`, { text: '再记一次' })).json().code).toBe('whistles.part_recorded');
    // the photo follows the whistle: its street and the other called unit see it, an outsider does not
    for (const [who, status] of [['streetAdmin1', 200], ['teamLeader1', 200], ['resident2', 404]] as const) expect((await get(who, `/api/files/${photo}`)).statusCode, who).toBe(status);

    // the street closes it; the called units hear of it and act no more
    expect((await post('communityAdmin1', `${url}/close`, { summary: '结束' })).statusCode).toBe(403);
    const closed = await post('streetAdmin1', `${url}/close`, { summary: '城管、物业联合处置完毕，消防通道已恢复。' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', canManage: false });
    expect((await post('teamLeader1', `/api/whistles/calls/${teamCall}/part`, { text: '补记' })).json().code).toBe('whistles.closed');
    expect((await post('streetAdmin1', `${url}/call-in`, { unitIds: [property.id] })).json().code).toBe('whistles.closed');
    expect((await post('streetAdmin1', `${url}/close`, { summary: '再结束' })).json().code).toBe('whistles.closed');
    // once it is closed the called unit no longer gets the item's address
    expect(((await get('volunteer2', url)).json() as Detail).need.address).toBeNull();
    for (const who of ['teamLeader1', 'volunteer2']) expect((await inbox(who, id)).map((m) => m.type).sort(), who).toEqual(['whistle.called', 'whistle.closed']);

    // every step on the need's timeline, in the role it was taken in; the need keeps its state
    const steps = (await timeline(need.id)).filter((e) => ['whistle', 'callIn', 'reportIn', 'unitPart', 'whistleClose'].includes(e.action));
    expect(steps.map((e) => [e.action, e.actorRole])).toEqual([['whistle', 'system'], ['callIn', 'streetAdmin'], ['reportIn', 'teamLeader'], ['reportIn', 'unit'], ['unitPart', 'unit'], ['whistleClose', 'streetAdmin']]);
    expect(steps.find((e) => e.action === 'unitPart')!.note).toBe('物业已清理堆放杂物，恢复消防通道。');
    expect((await get('communityAdmin1', `/api/needs/${need.id}`)).json().status).toBe('accepted');
    const audited = await queryRows<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE object_type = 'whistle' AND object_id = ${id} ORDER BY at`);
    expect(audited.map((a) => a.action)).toEqual(['whistles.open', 'whistles.callIn', 'whistles.reportIn', 'whistles.reportIn', 'whistles.part', 'whistles.close']);
  });

  it('the street admin reports in and records the part for a unit that has no contact', async () => {
    const { id } = await majorWhistle();
    const units = (await get('streetAdmin1', `/api/whistle-units?whistleId=${id}`)).json() as { id: string; code: string | null; contact: unknown }[];
    const police = units.find((u) => u.code === 'police')!;
    expect(police.contact).toBeNull();
    const calls = ((await post('streetAdmin1', `/api/whistles/${id}/call-in`, { unitIds: [police.id] })).json() as Detail).calls;
    expect((await post('streetAdmin1', `/api/whistles/calls/${calls[0]!.id}/report-in`)).statusCode).toBe(200);
    const done = await post('streetAdmin1', `/api/whistles/calls/${calls[0]!.id}/part`, { text: '派出所民警到场劝导。' });
    expect((done.json() as Detail).calls[0]).toMatchObject({ state: 'done', mine: false });
  });

  it('units: provisioned for every district, kept by the district admin; a street admin sees those serving the street', async () => {
    const forStreet = (who: string) => get(who, '/api/whistle-units').then((r) => r.json() as { id: string; code: string | null; name: string; active: boolean }[]);
    const defaults = (await forStreet('streetAdmin1')).filter((u) => u.code).map((u) => u.code);
    expect(defaults).toEqual(['cityManagement', 'marketRegulation', 'housing', 'police', 'emergency', 'property']);
    const west = await unit(`西街道物业${crypto.randomUUID().slice(0, 4)}`, null, 'S2');
    expect((await forStreet('streetAdmin1')).map((u) => u.id)).not.toContain(west.id);
    expect((await forStreet('streetAdmin2')).map((u) => u.id)).toContain(west.id);
    expect((await get('resident1', '/api/whistle-units')).statusCode).toBe(403);

    expect((await post('streetAdmin1', '/api/whistle-units', { name: '街道自建单位', kind: 'department' })).statusCode).toBe(403);
    const taken = await post('districtAdmin', '/api/whistle-units', { name: '公安派出所', kind: 'department' });
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'whistles.unit.name_taken']);
    const nobody = await post('districtAdmin', '/api/whistle-units', { name: '无人单位', kind: 'department', contactAccountId: crypto.randomUUID() });
    expect([nobody.statusCode, nobody.json().field]).toEqual([400, 'contactAccountId']);
    const otherDistrict = await post('districtAdmin', '/api/whistle-units', { name: '外区单位', kind: 'department', regionId: t.fx.region.X!.id });
    expect(otherDistrict.statusCode).toBe(404);

    // retired: no longer offered, and cannot be called
    const retired = await t.app.inject({ method: 'PATCH', url: `/api/whistle-units/${west.id}`, headers: { cookie: c.districtAdmin! }, payload: { active: false } });
    expect(retired.json()).toMatchObject({ active: false });
    expect((await forStreet('streetAdmin2')).map((u) => u.id)).not.toContain(west.id);
    expect((await forStreet('districtAdmin')).map((u) => u.id)).not.toContain(west.id);
    expect(((await get('districtAdmin', '/api/whistle-units?includeRetired=true')).json() as { id: string }[]).map((u) => u.id)).toContain(west.id);
  });

  it('a unit’s new contact takes over its calls in open whistles; the previous one no longer sees them', async () => {
    const { id } = await majorWhistle();
    const team = await unit(`共建单位${crypto.randomUUID().slice(0, 4)}`, 'volunteer2');
    await post('streetAdmin1', `/api/whistles/${id}/call-in`, { unitIds: [team.id] });
    expect((await get('volunteer2', `/api/whistles/${id}`)).statusCode).toBe(200);
    const moved = await t.app.inject({ method: 'PATCH', url: `/api/whistle-units/${team.id}`, headers: { cookie: c.districtAdmin! }, payload: { contactAccountId: t.fx.person.resident2!.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().contact).toMatchObject({ name: '钱四', phone: expect.stringContaining('****') });
    expect((await get('volunteer2', `/api/whistles/${id}`)).statusCode).toBe(404);
    const theirs = (await get('resident2', `/api/whistles/${id}`)).json() as Detail;
    expect(theirs.calls.filter((x) => x.mine)).toHaveLength(1);
  });
});
