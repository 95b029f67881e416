import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { shanghaiDay } from '../../platform/clock/clock.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { categoryId } from '../../test/needs-helpers.js';
import { addDays, nextOn } from './care.policy.js';

type View = { id: string; view: string; name: string | null; callName: string; idNumber: string | null; phone: string | null; riskNotes: string | null; guardian: { name: string; phone: string | null } | null; needs: string; paired: { volunteerId: string; name: string }[]; pairingMode: string; lastCondition: string | null; canManage: boolean; status: string; types: { code: string; name: string }[]; place: { text: string } };
type PlanView = { id: string; nextDueOn: string | null; active: boolean; recent: { dueOn: string; outcome: string; need: { id: string; number: string } | null }[] };

describe.each(backends)('care recipients (关爱对象 · 一人一策) on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const people = ['districtAdmin', 'communityAdmin1', 'communityAdmin2', 'gridWorker1', 'volunteer1', 'volunteer2', 'resident1', 'teamLeader1', 'otherDistrictAdmin'];

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of people) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  const get = (who: string, url: string, lang = 'zh-CN') => t.app.inject({ url, headers: { cookie: c[who]!, 'accept-language': lang } });
  const send = (who: string, method: 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, lang = 'zh-CN') =>
    t.app.inject({ method, url, headers: { cookie: c[who]!, 'accept-language': lang }, ...(payload ? { payload } : {}) });
  let seq = 0;
  const register = async (body: Record<string, unknown> = {}) => {
    const res = await send('communityAdmin1', 'POST', '/api/care-recipients', {
      regionId: t.fx.region.B1!.id, name: `王秀英${++seq}`, callName: '王奶奶', gender: 'female', birthYear: 1941, phone: '13700000001', address: '3单元502',
      typeCodes: ['lonelyElderly'], guardianName: '王建国', guardianRelation: '儿子', guardianPhone: '13700000002', needs: '每周探访，每月理发', riskNotes: '高血压，独居，夜间易跌倒', ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as View;
  };

  it('every district starts with its kinds of care; the district admin adds one; others may not', async () => {
    const types = (await get('communityAdmin1', '/api/care-types')).json() as { code: string; name: string }[];
    expect(types.map((x) => x.name)).toEqual(['鳏寡孤独', '重症残疾人', '留守儿童', '困境儿童', '空巢老人', '低保户']);
    expect((await get('resident1', '/api/care-types')).statusCode).toBe(403);
    const made = await send('districtAdmin', 'POST', '/api/care-types', { code: 'veteran', name: '退役军人', nameEn: 'Veteran' });
    expect(made.statusCode, made.body).toBe(201);
    expect((await send('districtAdmin', 'POST', '/api/care-types', { code: 'veteran', name: '重复', nameEn: 'Again' })).json()).toMatchObject({ code: 'care.type_code_taken', field: 'code' });
    expect((await send('communityAdmin1', 'POST', '/api/care-types', { code: 'x', name: '社区自建', nameEn: 'Own' })).statusCode).toBe(403);
    const off = await send('districtAdmin', 'PATCH', `/api/care-types/${made.json().id}`, { active: false });
    expect(off.json()).toMatchObject({ active: false });
    const refused = await send('communityAdmin1', 'POST', '/api/care-recipients', { regionId: t.fx.region.B1!.id, name: '张三', typeCodes: ['veteran'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'care.bad_type', field: 'typeCodes' });
    expect(refused.json().message).toContain('veteran');
  });

  it('a record: staff see it masked, the ID number is encrypted at rest, a full look is audited; one person is registered once', async () => {
    const made = await register({ idNumber: '110101194105050027' });
    expect(made).toMatchObject({ view: 'staff', callName: '王奶奶', phone: '137****0001', idNumber: '110101********0027', riskNotes: '高血压，独居，夜间易跌倒', canManage: true, pairingMode: 'none' });
    expect(made.guardian).toEqual({ name: '王建国', relation: '儿子', phone: '137****0002' });
    expect(made.place.text).toBe('东街道 › 光明社区 › 光明一网格 › 光明1号楼');
    const [row] = await queryRows<{ enc: string }>(t.database.db, sql`SELECT id_number_enc AS enc FROM care_recipients WHERE id = ${made.id}`);
    expect(row!.enc).not.toContain('110101194105050027');
    const full = await send('communityAdmin1', 'POST', `/api/care-recipients/${made.id}/reveal`, { field: 'idNumber' });
    expect(full.json()).toEqual({ value: '110101194105050027' });
    expect((await send('gridWorker1', 'POST', `/api/care-recipients/${made.id}/reveal`, { field: 'phone' })).statusCode).toBe(403);
    await get('gridWorker1', `/api/care-recipients/${made.id}`);
    const audit = await queryRows<{ action: string; actor: string }>(t.database.db, sql`SELECT action, actor_id AS actor FROM audit_log WHERE object_id = ${made.id} ORDER BY at`);
    expect(audit.map((a) => a.action)).toEqual(['care.create', 'pii.reveal', 'care.read']);
    expect(audit[2]!.actor).toBe(t.fx.person.gridWorker1!.id);
    const again = await send('communityAdmin1', 'POST', '/api/care-recipients', { regionId: t.fx.region.B1!.id, name: '王秀英', typeCodes: ['lonelyElderly'], idNumber: '110101194105050027' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'care.id_number_taken', field: 'idNumber' });
    const bad = await send('communityAdmin1', 'POST', '/api/care-recipients', { regionId: t.fx.region.B1!.id, name: '王秀英', typeCodes: ['lonelyElderly'], idNumber: '110101194105050028' }, 'en');
    expect(bad.json()).toMatchObject({ code: 'care.invalid_id_number', field: 'idNumber' });
    const missing = await send('communityAdmin1', 'POST', '/api/care-recipients', { regionId: t.fx.region.B1!.id, typeCodes: ['lonelyElderly'] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('姓名 (name)');
  });

  it('only the community’s staff and the paired volunteers see a person; volunteers see what they need to help', async () => {
    const made = await register();
    for (const who of ['communityAdmin2', 'otherDistrictAdmin', 'volunteer1', 'resident1']) expect((await get(who, `/api/care-recipients/${made.id}`)).statusCode, who).toBe(404);
    expect((await send('communityAdmin2', 'PATCH', `/api/care-recipients/${made.id}`, { needs: '改' })).statusCode).toBe(404);
    expect((await send('gridWorker1', 'PATCH', `/api/care-recipients/${made.id}`, { needs: '改' })).statusCode).toBe(403);
    expect(((await get('communityAdmin2', '/api/care-recipients?pageSize=200')).json().items as { id: string }[]).some((r) => r.id === made.id)).toBe(false);
    expect(((await get('communityAdmin1', '/api/care-recipients?pageSize=200')).json().items as { id: string }[]).some((r) => r.id === made.id)).toBe(true);
    expect((await get('volunteer1', '/api/care-recipients')).statusCode).toBe(403);
    // a place in another community is out of reach for a community admin
    expect((await send('communityAdmin1', 'POST', '/api/care-recipients', { regionId: t.fx.region.B2!.id, name: '钱五', typeCodes: ['lonelyElderly'] })).statusCode).toBe(404);

    const paired = await send('communityAdmin1', 'PUT', `/api/care-recipients/${made.id}/pairing`, { volunteerIds: [t.fx.person.volunteer1!.id, t.fx.person.teamLeader1!.id] });
    expect(paired.json()).toMatchObject({ pairingMode: 'twoToOne' });
    // each volunteer is told, by the name they will use (never the record's full name)
    const told = (await get('volunteer1', '/api/inbox?pageSize=50')).json().items as { type: string; body: string; subject: { id: string } }[];
    const message = told.find((m) => m.type === 'care.paired' && m.subject.id === made.id);
    expect(message?.body).toContain('王奶奶');
    expect(message?.body).not.toContain(made.name!);
    const seen = (await get('volunteer1', `/api/care-recipients/${made.id}`)).json() as View;
    expect(seen).toMatchObject({ view: 'volunteer', name: null, callName: '王奶奶', idNumber: null, phone: null, riskNotes: null, guardian: null, needs: '每周探访，每月理发', canManage: false });
    expect(seen.place.text).toContain('光明1号楼');
    const mine = (await get('volunteer1', '/api/care-recipients/mine')).json() as View[];
    expect(mine.map((m) => m.id)).toContain(made.id);
    expect((await get('volunteer2', `/api/care-recipients/${made.id}`)).statusCode).toBe(404);
    // only active volunteers, three at most
    expect((await send('communityAdmin1', 'PUT', `/api/care-recipients/${made.id}/pairing`, { volunteerIds: [t.fx.person.resident1!.id] })).json()).toMatchObject({ code: 'care.not_a_volunteer', field: 'volunteerIds' });
    const four = await send('communityAdmin1', 'PUT', `/api/care-recipients/${made.id}/pairing`, { volunteerIds: ['volunteer1', 'volunteer2', 'teamLeader1', 'gridWorker1'].map((k) => t.fx.person[k]!.id) });
    expect(four.json()).toMatchObject({ code: 'care.too_many_paired', field: 'volunteerIds' });
    // unpairing takes the person away from the volunteer
    await send('communityAdmin1', 'PUT', `/api/care-recipients/${made.id}/pairing`, { volunteerIds: [t.fx.person.teamLeader1!.id] });
    expect((await get('volunteer1', `/api/care-recipients/${made.id}`)).statusCode).toBe(404);
  });

  it('visits: the paired volunteer logs one, the list shows the latest condition; never for a time to come', async () => {
    const made = await register();
    await send('communityAdmin1', 'PUT', `/api/care-recipients/${made.id}/pairing`, { volunteerIds: [t.fx.person.volunteer1!.id] });
    const logged = await send('volunteer1', 'POST', `/api/care-recipients/${made.id}/visits`, { kind: 'visit', condition: 'attention', summary: '血压偏高，已提醒按时服药' });
    expect(logged.statusCode, logged.body).toBe(201);
    const older = new Date(t.clock.now().getTime() - 3 * 86_400_000).toISOString();
    await send('gridWorker1', 'POST', `/api/care-recipients/${made.id}/visits`, { kind: 'call', condition: 'good', summary: '电话问候，情况良好', visitedAt: older });
    const detail = (await get('communityAdmin1', `/api/care-recipients/${made.id}`)).json() as View;
    expect(detail.lastCondition).toBe('attention');
    const visits = (await get('volunteer1', `/api/care-recipients/${made.id}/visits`)).json();
    expect(visits.total).toBe(2);
    expect(visits.items[0]).toMatchObject({ condition: 'attention', mine: true, visitorName: '赵志愿', summary: '血压偏高，已提醒按时服药' });
    // the grid worker's call: its notes are staff's, not shown to a volunteer (staff read them)
    expect(visits.items[1]).toMatchObject({ kind: 'call', condition: 'good', summary: '' });
    expect((await get('communityAdmin1', `/api/care-recipients/${made.id}/visits`)).json().items[1].summary).toBe('电话问候，情况良好');
    expect((await get('volunteer1', `/api/care-recipients/${made.id}/plans`)).statusCode).toBe(403);
    const ancient = await send('volunteer1', 'POST', `/api/care-recipients/${made.id}/visits`, { kind: 'visit', condition: 'good', summary: '很久以前', visitedAt: '2020-01-01T00:00:00Z' });
    expect(ancient.json()).toMatchObject({ code: 'care.visit_too_old', field: 'visitedAt' });
    const future = await send('volunteer1', 'POST', `/api/care-recipients/${made.id}/visits`, { kind: 'visit', condition: 'good', summary: '明天', visitedAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString() });
    expect(future.json()).toMatchObject({ code: 'care.visit_in_future', field: 'visitedAt' });
    expect((await send('volunteer2', 'POST', `/api/care-recipients/${made.id}/visits`, { kind: 'visit', condition: 'good', summary: '路过' })).statusCode).toBe(404);
    // an urgent visit: the community's admin and the grid worker over the place hear of it, the visitor does not
    const urgent = await send('volunteer1', 'POST', `/api/care-recipients/${made.id}/visits`, { kind: 'visit', condition: 'urgent', summary: '老人在家摔倒，已拨打120并通知家属' });
    expect(urgent.statusCode).toBe(201);
    const alerts = async (who: string) => ((await get(who, '/api/inbox?pageSize=50')).json().items as { type: string; body: string; subject: { id: string } }[]).filter((m) => m.type === 'care.urgent' && m.subject.id === made.id);
    expect((await alerts('communityAdmin1'))[0]?.body).toContain('老人在家摔倒');
    expect(await alerts('gridWorker1')).toHaveLength(1);
    expect(await alerts('volunteer1')).toHaveLength(0);
    expect(await alerts('communityAdmin2')).toHaveLength(0);
    await send('volunteer1', 'POST', `/api/care-recipients/${made.id}/visits`, { kind: 'visit', condition: 'attention', summary: '复查：已出院回家，需关注' });
    const attention = (await get('communityAdmin1', '/api/care-recipients?condition=attention&pageSize=200')).json().items as { id: string }[];
    expect(attention.map((r) => r.id)).toContain(made.id);
    await expect(t.database.db.execute(sql`UPDATE care_visits SET summary = 'x' WHERE recipient_id = ${made.id}`)).rejects.toThrow();
  });

  it('a plan orders each of its days once, a few days ahead, as the system; an admin may order a day now', async () => {
    const made = await register();
    const today = shanghaiDay(t.clock.now());
    const haircut = await categoryId(t, c.communityAdmin1!, 'elderly.haircut');
    const res = await send('communityAdmin1', 'POST', `/api/care-recipients/${made.id}/plans`, { categoryId: haircut, title: '每周上门探访', details: '陪老人聊天，检查水电燃气', frequency: 'weekly', dayOf: 3, startTime: '09:30', durationMinutes: 60, startsOn: today });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json() as PlanView;
    const first = nextOn({ frequency: 'weekly', dayOf: 3, startsOn: today, endsOn: null }, today)!;
    expect(plan.nextDueOn).toBe(first);
    expect((await send('communityAdmin1', 'POST', `/api/care-recipients/${made.id}/plans`, { categoryId: haircut, title: '每月理发', frequency: 'monthly', dayOf: 30, startTime: '09:30', durationMinutes: 60, startsOn: today })).statusCode).toBe(400);
    expect((await send('communityAdmin1', 'POST', `/api/care-recipients/${made.id}/plans`, { categoryId: haircut, title: '每周', frequency: 'weekly', dayOf: 9, startTime: '09:30', durationMinutes: 60, startsOn: today })).json()).toMatchObject({ code: 'care.bad_day_of', field: 'dayOf' });
    // a category that asks a required question could never be ordered by a plan: refused when the plan is made
    const asking = await send('districtAdmin', 'POST', '/api/need-categories', { parentId: await categoryId(t, c.districtAdmin!, 'elderly'), code: `elderly.ask${++seq}`, name: `问楼层${seq}`, nameEn: `Asks ${seq}`, extraQuestions: [{ key: 'floor', label: '几楼', labelEn: 'Floor', type: 'text', required: true }] });
    expect(asking.statusCode, asking.body).toBe(201);
    expect((await send('communityAdmin1', 'POST', `/api/care-recipients/${made.id}/plans`, { categoryId: asking.json().id, title: '每周', frequency: 'weekly', dayOf: 3, startTime: '09:30', durationMinutes: 60, startsOn: today })).json()).toMatchObject({ code: 'care.category_asks', field: 'categoryId' });

    // an admin orders the first day now: once, however often asked
    const now1 = await send('communityAdmin1', 'POST', `/api/care-plans/${plan.id}/orders`, { dueOn: first });
    expect(now1.json()).toMatchObject({ created: true });
    const now2 = await send('communityAdmin1', 'POST', `/api/care-plans/${plan.id}/orders`, { dueOn: first });
    expect(now2.json()).toEqual({ needId: now1.json().needId, created: false });
    expect((await send('communityAdmin1', 'POST', `/api/care-plans/${plan.id}/orders`, { dueOn: addDays(first, 1) })).json()).toMatchObject({ code: 'care.not_a_service_day', field: 'dueOn' });
    expect((await send('gridWorker1', 'POST', `/api/care-plans/${plan.id}/orders`, { dueOn: first })).statusCode).toBe(403);
    // a later day ordered ahead: the days between are not skipped (the next day is still the one after the first)
    const later = await send('communityAdmin1', 'POST', `/api/care-plans/${plan.id}/orders`, { dueOn: addDays(first, 21) });
    expect(later.json()).toMatchObject({ created: true });
    const planNow = ((await get('communityAdmin1', `/api/care-recipients/${made.id}/plans`)).json() as PlanView[])[0]!;
    expect(planNow.nextDueOn).toBe(addDays(first, 7));
    // nobody records a 一人一策 order by hand
    const forged = await send('communityAdmin1', 'POST', '/api/needs', { kind: 'serviceRequest', categoryId: haircut, title: '伪造', description: '伪造的一人一策工单', regionId: t.fx.region.B1!.id, channel: 'carePlan', requesterName: '王奶奶' });
    expect(forged.json()).toMatchObject({ field: 'channel' });
    const need = (await get('communityAdmin1', `/api/needs/${now1.json().needId}`)).json();
    expect(need).toMatchObject({ title: '每周上门探访', channel: 'carePlan', status: 'submitted' });
    expect(need.requesterName).toBe('王奶奶');
    expect(new Date(need.wantedFrom).toISOString()).toBe(new Date(`${first}T09:30:00+08:00`).toISOString());
    const timeline = need.timeline as { actorRole: string }[];
    expect(timeline[0]!.actorRole).toBe('system');

    // the sweep: two weeks on, each day within the lead ordered once (the first one already was)
    for (let i = 0; i < 14; i++) {
      t.clock.advance(86_400_000);
      await t.app.services.jobs.runDue();
      await t.app.services.jobs.runDue();
    }
    const plans = (await get('communityAdmin1', `/api/care-recipients/${made.id}/plans`)).json() as PlanView[];
    const runs = plans[0]!.recent;
    const [counted] = await queryRows<{ needs: number; runs: number; days: number }>(t.database.db, sql`SELECT
      (SELECT count(*)::int FROM needs WHERE idempotency_key LIKE ${`care:${plan.id}:%`}) AS needs,
      (SELECT count(*)::int FROM care_runs WHERE plan_id = ${plan.id}) AS runs,
      (SELECT count(DISTINCT due_on)::int FROM care_runs WHERE plan_id = ${plan.id}) AS days`);
    expect(counted!.needs).toBe(counted!.runs);
    expect(counted!.days).toBe(counted!.runs);
    expect(counted!.runs).toBeGreaterThanOrEqual(3);
    expect(runs.every((r) => r.outcome === 'ordered' && r.need !== null)).toBe(true);
    expect(plans[0]!.nextDueOn! > shanghaiDay(t.clock.now())).toBe(true);

    // stopping: no more orders
    expect((await send('communityAdmin1', 'POST', `/api/care-plans/${plan.id}/stop`)).json()).toMatchObject({ active: false, nextDueOn: null });
    for (let i = 0; i < 8; i++) {
      t.clock.advance(86_400_000);
      await t.app.services.jobs.runDue();
      await t.app.services.jobs.runDue();
    }
    const [after] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM care_runs WHERE plan_id = ${plan.id}`);
    expect(after!.n).toBe(counted!.runs);
  });

  it('the list exports as a workbook: words, phones masked, no risk notes or ID numbers; only the caller’s subtree; audited', async () => {
    const made = await register({ name: `导出测试${++seq}`, idNumber: null });
    const res = await t.app.inject({ url: '/api/care-recipients/export?q=导出测试', headers: { cookie: c.communityAdmin1!, 'accept-language': 'zh-CN' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('关爱对象台账'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((v) => String(v ?? '')));
    expect(rows[0]!.slice(0, 5)).toEqual(['姓名', '称呼', '性别', '出生年份', '关爱类别']);
    const mine = rows.find((r) => r[0] === made.name)!;
    expect(mine).toBeDefined();
    expect(mine.join('|')).toContain('137****0001');
    expect(mine.join('|')).toContain('鳏寡孤独');
    expect(mine.join('|')).not.toContain('高血压');
    expect(mine.join('|')).not.toContain('13700000001');
    const other = await t.app.inject({ url: '/api/care-recipients/export?q=导出测试', headers: { cookie: c.communityAdmin2! } });
    const otherBook = new ExcelJS.Workbook();
    await otherBook.xlsx.load(other.rawPayload as unknown as ArrayBuffer);
    expect(otherBook.worksheets[0]!.rowCount).toBe(1);
    const [audit] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'care.export' AND actor_id = ${t.fx.person.communityAdmin1!.id}`);
    expect(audit!.n).toBe(1);
  });

  it('archiving closes the record and stops its plans; an archived record is not edited', async () => {
    const made = await register();
    const haircut = await categoryId(t, c.communityAdmin1!, 'elderly.haircut');
    const today = shanghaiDay(t.clock.now());
    await send('communityAdmin1', 'POST', `/api/care-recipients/${made.id}/plans`, { categoryId: haircut, title: '每月理发', frequency: 'monthly', dayOf: 5, startTime: '14:00', durationMinutes: 60, startsOn: today });
    const archived = await send('communityAdmin1', 'POST', `/api/care-recipients/${made.id}/archive`, { reason: '已搬离本社区' });
    expect(archived.json()).toMatchObject({ status: 'archived', canManage: false });
    expect(((await get('communityAdmin1', `/api/care-recipients/${made.id}/plans`)).json() as PlanView[]).every((p) => !p.active)).toBe(true);
    expect((await send('communityAdmin1', 'PATCH', `/api/care-recipients/${made.id}`, { needs: '改' })).json()).toMatchObject({ code: 'care.archived' });
    expect(((await get('communityAdmin1', '/api/care-recipients?status=archived&pageSize=200')).json().items as { id: string }[]).map((r) => r.id)).toContain(made.id);
  });
});
