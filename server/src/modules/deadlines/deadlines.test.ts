import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, categoryId, multipartBody, postNeed } from '../../test/needs-helpers.js';

type Rule = { id: string; regionId: string | null; regionName: string | null; categoryId: string | null; categoryName: string | null; severity: string; amount: number; unit: string; editable: boolean };

async function sheet(rows: (string | Date)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('节假日');
  ws.addRow(['日期', '类型', '名称']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(backends)('deadline rules and the holiday calendar on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['districtAdmin', 'streetAdmin1', 'streetAdmin2', 'communityAdmin1', 'resident1', 'otherDistrictAdmin']) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  const rules = async (who: string) => (await t.app.inject({ url: '/api/deadline-rules', headers: { cookie: c[who]! } })).json() as Rule[];
  const createRule = (who: string, body: object) => t.app.inject({ method: 'POST', url: '/api/deadline-rules', headers: { cookie: c[who]! }, payload: body });
  const patchRule = (who: string, id: string, body: object) => t.app.inject({ method: 'PATCH', url: `/api/deadline-rules/${id}`, headers: { cookie: c[who]! }, payload: body });
  const calendar = async (year: number, who = 'districtAdmin') => (await t.app.inject({ url: `/api/calendar?year=${year}`, headers: { cookie: c[who]! } })).json() as { year: number; days: { day: string; kind: string; name: string }[] };
  const importSheet = (bytes: Buffer, who = 'districtAdmin') => {
    const { payload, headers } = multipartBody(bytes, 'calendar.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return t.app.inject({ method: 'POST', url: '/api/calendar/import', headers: { ...headers, cookie: c[who]! }, payload });
  };

  it('a new district gets 2 / 3 / 10 calendar days district-wide and the official 2026 calendar', async () => {
    const all = await rules('districtAdmin');
    expect(all.map((r) => [r.regionId, r.categoryId, r.severity, r.amount, r.unit, r.editable])).toEqual([
      [null, null, 'general', 2, 'calendar_days', true],
      [null, null, 'important', 3, 'calendar_days', true],
      [null, null, 'major', 10, 'calendar_days', true],
    ]);
    const days = (await calendar(2026, 'communityAdmin1')).days;
    expect(days.find((d) => d.day === '2026-02-14')).toMatchObject({ kind: 'workday' });
    expect(days.find((d) => d.day === '2026-02-17')).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(days.find((d) => d.day === '2026-10-10')).toMatchObject({ kind: 'workday' });
    // provisioning again adds nothing
    await t.app.services.provisioning.provision(t.fx.region.D!.districtId);
    expect((await calendar(2026)).days.length).toBe(days.length);
    expect((await rules('districtAdmin')).length).toBe(3);
  });

  it('a street admin sets rules inside their street only; others see what applies to them, read-only', async () => {
    const elderly = await categoryId(t, c.districtAdmin!, 'elderly');
    const made = await createRule('streetAdmin1', { regionId: t.fx.region.C1!.id, categoryId: elderly, severity: 'general', amount: 1, unit: 'working_days' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ regionName: '光明社区', categoryName: '助老服务', amount: 1, unit: 'working_days', editable: true });
    const id = made.json().id as string;
    // district-wide, or another street: not theirs
    expect((await createRule('streetAdmin1', { severity: 'major', amount: 5, unit: 'calendar_days' })).json()).toMatchObject({ code: 'deadlines.region_required', field: 'regionId' });
    expect((await createRule('streetAdmin1', { regionId: t.fx.region.C3!.id, severity: 'major', amount: 5, unit: 'calendar_days' })).statusCode).toBe(404);
    expect((await createRule('communityAdmin1', { regionId: t.fx.region.C1!.id, severity: 'major', amount: 5, unit: 'calendar_days' })).statusCode).toBe(403);
    // one rule per region, category and severity
    expect((await createRule('districtAdmin', { regionId: t.fx.region.C1!.id, categoryId: elderly, severity: 'general', amount: 4, unit: 'calendar_days' })).json().code).toBe('deadlines.rule_exists');
    expect((await createRule('districtAdmin', { severity: 'general', amount: 4, unit: 'calendar_days' })).json().code).toBe('deadlines.rule_exists');

    // the community sees it (and the district-wide ones) but cannot change it; the other street does not see it at all
    const seenByCommunity = await rules('communityAdmin1');
    expect(seenByCommunity.find((r) => r.id === id)).toMatchObject({ editable: false });
    expect(seenByCommunity.filter((r) => r.regionId === null)).toHaveLength(3);
    expect((await patchRule('communityAdmin1', id, { amount: 9 })).statusCode).toBe(403);
    expect((await rules('streetAdmin2')).some((r) => r.id === id)).toBe(false);
    expect((await patchRule('streetAdmin2', id, { amount: 9 })).statusCode).toBe(404);
    expect((await patchRule('otherDistrictAdmin', id, { amount: 9 })).statusCode).toBe(404);
    // the street admin sees the district-wide rules but may not change them
    const districtWide = (await rules('streetAdmin1')).find((r) => r.regionId === null && r.severity === 'general')!;
    expect(districtWide.editable).toBe(false);
    expect((await patchRule('streetAdmin1', districtWide.id, { amount: 9 })).statusCode).toBe(403);

    expect((await patchRule('streetAdmin1', id, { amount: 2 })).json()).toMatchObject({ id, amount: 2, unit: 'working_days' });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/deadline-rules/${districtWide.id}`, headers: { cookie: c.districtAdmin! } })).json().code).toBe('deadlines.default_rule');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/deadline-rules/${id}`, headers: { cookie: c.streetAdmin1! } })).statusCode).toBe(200);
    expect((await rules('streetAdmin1')).some((r) => r.id === id)).toBe(false);
    const audited = await queryRows<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE object_id = ${id} ORDER BY at`);
    expect(audited.map((a) => a.action)).toEqual(['deadlines.rule_create', 'deadlines.rule_update', 'deadlines.rule_delete']);
  });

  it('the district admin marks a day off and a make-up day, and clears one; others may only read', async () => {
    const set = (who: string, body: object) => t.app.inject({ method: 'PUT', url: '/api/calendar/days', headers: { cookie: c[who]! }, payload: body });
    expect((await set('districtAdmin', { day: '2027-01-01', kind: 'holiday', name: '元旦' })).statusCode).toBe(200);
    expect((await set('districtAdmin', { day: '2027-01-04', kind: 'workday', name: '元旦调休' })).statusCode).toBe(200);
    expect((await set('districtAdmin', { day: '2027-01-04', kind: 'workday', name: '调休上班' })).statusCode).toBe(200);
    expect((await set('streetAdmin1', { day: '2027-01-05', kind: 'holiday', name: '休' })).statusCode).toBe(403);
    expect((await set('districtAdmin', { day: '2027-02-30', kind: 'holiday', name: '无' })).json()).toMatchObject({ code: 'validation.format', field: 'day' });
    expect((await calendar(2027, 'streetAdmin1')).days).toEqual([
      { day: '2027-01-01', kind: 'holiday', name: '元旦' },
      { day: '2027-01-04', kind: 'workday', name: '调休上班' },
    ]);
    expect((await calendar(2027, 'otherDistrictAdmin')).days).toEqual([]);
    const clear = (day: string) => t.app.inject({ method: 'DELETE', url: `/api/calendar/days/${day}`, headers: { cookie: c.districtAdmin! } });
    expect((await clear('2027-01-04')).statusCode).toBe(200);
    expect((await clear('2027-01-04')).json().code).toBe('deadlines.day.not_found');
    expect((await calendar(2027)).days.map((d) => d.day)).toEqual(['2027-01-01']);
  });

  it('an Excel sheet is imported whole, and a bad one is refused naming the row and column, writing nothing', async () => {
    const template = await t.app.inject({ url: '/api/calendar/template', headers: { cookie: c.districtAdmin! } });
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const good = await importSheet(await sheet([[new Date('2028-01-01T00:00:00Z'), '放假', '元旦'], ['2028/1/27', '调休上班', '春节调休'], ['2028年1月26日', '放假', '春节']]));
    expect(good.json()).toEqual({ imported: 3 });
    expect((await calendar(2028)).days).toEqual([
      { day: '2028-01-01', kind: 'holiday', name: '元旦' },
      { day: '2028-01-26', kind: 'holiday', name: '春节' },
      { day: '2028-01-27', kind: 'workday', name: '春节调休' },
    ]);

    const bad = await importSheet(await sheet([['2029-05-01', '放假', '劳动节'], ['2029-05-02', '休假吧', '劳动节'], ['2029-13-01', '放假', '']]));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'deadlines.import.bad_kind', field: 'file', message: '第3行「类型」应为“放假”或“调休上班”' });
    expect(bad.json().details.errors).toEqual([
      { code: 'deadlines.import.bad_kind', row: 3, column: '类型' },
      { code: 'deadlines.import.bad_date', row: 4, column: '日期' },
      { code: 'deadlines.import.bad_name', row: 4, column: '名称' },
    ]);
    expect((await calendar(2029)).days).toEqual([]);
    expect((await importSheet(Buffer.from('not a workbook'))).json()).toMatchObject({ code: 'deadlines.import.not_xlsx', field: 'file' });
    expect((await importSheet(await sheet([]))).json().code).toBe('deadlines.import.empty');
    expect((await importSheet(await sheet([['2029-05-01', '放假', '劳动节']]), 'streetAdmin1')).statusCode).toBe(403);
    // the template imports as it is (its two example rows)
    expect((await importSheet(template.rawPayload)).json()).toEqual({ imported: 2 });
  });

  it('accepting a need in working-day mode counts the make-up Saturday and skips Spring Festival; the most specific rule wins', async () => {
    const important = (await rules('districtAdmin')).find((r) => r.regionId === null && r.severity === 'important')!;
    await patchRule('districtAdmin', important.id, { amount: 2, unit: 'working_days' });
    t.clock.set('2026-02-13T15:00:00+08:00');
    try {
      const first = await postNeed(t, c.resident1!, { title: '春节前报修' });
      const accepted = await act(t, c.communityAdmin1!, first.id, 'accept', { severity: 'important' });
      // day 1 is Sat 14 Feb (调休上班), day 2 is Tue 24 Feb: due at 24:00 on the 24th, Shanghai
      expect(accepted.json().deadlineAt).toBe('2026-02-24T16:00:00.000Z');
      expect(accepted.json().timeline.at(-1).data).toMatchObject({ window: { amount: 2, unit: 'working_days' } });

      // a rule for 光明社区 and the parent category of 上门理发 beats the district-wide one
      await createRule('districtAdmin', { regionId: t.fx.region.C1!.id, categoryId: await categoryId(t, c.districtAdmin!, 'elderly'), severity: 'important', amount: 1, unit: 'working_days' });
      const second = await postNeed(t, c.resident1!, { title: '春节前理发' });
      expect((await act(t, c.communityAdmin1!, second.id, 'accept', { severity: 'important' })).json().deadlineAt).toBe('2026-02-14T16:00:00.000Z');
      // in another community the district-wide rule still applies
      const elsewhere = await postNeed(t, await t.login('resident2'), { title: '和平社区报修', regionId: t.fx.region.B2!.id });
      expect((await act(t, await t.login('communityAdmin2'), elsewhere.id, 'accept', { severity: 'important' })).json().deadlineAt).toBe('2026-02-24T16:00:00.000Z');
    } finally {
      t.clock.set(new Date());
    }
  });
});
