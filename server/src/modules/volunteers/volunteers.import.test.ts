import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { idNumberCheckDigit } from '../../platform/privacy/id-number.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { registration } from '../../test/registration.js';
import { multipartBody } from '../../test/needs-helpers.js';
import { parseAvailability } from './volunteers.import.rows.js';

type Status = {
  id: string;
  state: string;
  totalRows: number;
  checkedRows: number;
  importedRows: number;
  skippedRows: number;
  createdAccounts: number;
  problems: { row: number; column: string; reason: string }[];
  skipped: { row: number; reason: string }[];
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const heads = ['姓名', '手机号', '身份证号', '性别', '出生年份', '政治面貌', '在职党员', '工作单位', '所在社区', '住址（网格/楼栋）', '技能', '服务时段', '服务半径（米）'];
type Row = (string | number)[];

/** A valid ID number born in 1980–1999 with sequence `n`. */
const idNumber = (n: number) => {
  const first17 = `110101${1980 + (n % 20)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
};

/** 1,000 good rows over three communities (by name and by code), a third with ID numbers, some in-service party members. */
function goodRows(): Row[] {
  return Array.from({ length: 1000 }, (_, i) => {
    const community = ['光明社区', 'T0102', '幸福社区'][i % 3]!;
    const party = i % 5 === 0;
    return [
      `导入志愿者${i}`, `1370000${String(i).padStart(4, '0')}`, i % 3 === 0 ? idNumber(i) : '', i % 2 ? '男' : '女', 1960 + (i % 40),
      party ? '中共党员' : i % 7 === 0 ? '共青团员' : '群众', party ? '是' : '否', party ? '区税务局' : '', community, i % 3 === 0 && i % 2 ? '光明1号楼' : '',
      i % 4 ? '助老、理发' : '', i % 6 ? '周六 08:30-11:30;周日 14:00-17:00' : '', i % 10 ? 1000 : '',
    ];
  });
}

async function sheet(rows: Row[], header = heads): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('志愿者');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('reading availability', () => {
  it('takes Chinese and English weekdays, any dash, and refuses what it cannot read', () => {
    expect(parseAvailability('周六 08:30-11:30;周日 14:00-17:00')).toEqual([{ weekday: 6, from: '08:30', to: '11:30' }, { weekday: 7, from: '14:00', to: '17:00' }]);
    expect(parseAvailability('星期一 8:00～9:30；Sat 14:00-17:00')).toEqual([{ weekday: 1, from: '08:00', to: '09:30' }, { weekday: 6, from: '14:00', to: '17:00' }]);
    for (const bad of ['周八 08:00-09:00', '周一 10:00-09:00', '周一 25:00-26:00', '随时']) expect(parseAvailability(bad)).toBeNull();
  });
});

describe.each(backends)('volunteer import on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['districtAdmin', 'communityAdmin1', 'communityAdmin2', 'gridWorker1']) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  const upload = (who: string, bytes: Buffer, name = 'volunteers.xlsx') => {
    const { payload, headers } = multipartBody(bytes, name, XLSX);
    return t.app.inject({ method: 'POST', url: '/api/volunteer-imports', headers: { ...headers, cookie: c[who]! }, payload });
  };
  /** Uploads, lets the job run, and answers the import's final status. */
  const importSheet = async (who: string, bytes: Buffer, lang = 'zh-CN'): Promise<Status> => {
    const res = await upload(who, bytes);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ state: 'queued', checkedRows: 0 });
    await t.app.services.jobs.runDue();
    const status = await t.app.inject({ url: `/api/volunteer-imports/${res.json().id}`, headers: { cookie: c[who]!, 'accept-language': lang } });
    expect(status.statusCode, status.body).toBe(200);
    return status.json() as Status;
  };
  const count = async (what: 'volunteers' | 'accounts') =>
    Number((await queryRows<{ n: number }>(t.database.db, what === 'volunteers' ? sql`SELECT count(*)::int AS n FROM volunteers` : sql`SELECT count(*)::int AS n FROM accounts`))[0]!.n);

  it('1,000 rows with 7 bad ones import nothing and name each bad row and column; fixed, all 1,000 import at once; again, none twice', async () => {
    const rows = goodRows();
    const before = { volunteers: await count('volunteers'), accounts: await count('accounts') };
    // resident1 (光明社区, already has an account and an ID number) is one of the thousand
    rows[10] = ['张三', '13900000008', '', '男', 1990, '群众', '否', '', '光明社区', '', '修理', '', 800];

    const bad = rows.map((r) => [...r]);
    bad[4]![1] = '1234567'; // sheet row 6: not a phone
    bad[9]![2] = bad[0]![2]!; // row 11: the ID number of row 2
    bad[20]![8] = '不存在社区'; // row 22: no such community
    bad[30]![2] = `${String(idNumber(30)).slice(0, 17)}${idNumber(30).endsWith('0') ? '1' : '0'}`; // row 32: bad check digit
    bad[41]![6] = '是'; // row 43: in service but not a party member
    bad[41]![7] = '区税务局';
    bad[42]![11] = '周八 25:00-26:00'; // row 44: unreadable availability
    bad[50]![1] = bad[2]![1]!; // row 52: the phone of row 4
    expect(bad[41]![5]).toBe('群众');

    const refused = await importSheet('districtAdmin', await sheet(bad));
    expect(refused).toMatchObject({ state: 'refused', totalRows: 1000, checkedRows: 1000, importedRows: 0 });
    expect(refused.problems.map((p) => [p.row, p.column])).toEqual([
      [6, '手机号'],
      [11, '身份证号'],
      [22, '所在社区'],
      [32, '身份证号'],
      [43, '在职党员'],
      [44, '服务时段'],
      [52, '手机号'],
    ]);
    expect(refused.problems.map((p) => p.reason)).toEqual([
      '不是有效的手机号（11 位数字，以 1 开头）',
      '与第 2 行重复',
      '没有名称或编码为“不存在社区”的社区',
      '身份证号无效（18 位，校验位不符）',
      '只有中共党员（含预备党员）可登记为在职党员',
      expect.stringContaining('服务时段应写成'),
      '与第 4 行重复',
    ]);
    expect(await count('volunteers')).toBe(before.volunteers);
    expect(await count('accounts')).toBe(before.accounts);

    // the same problems in English for an English reader, words not codes
    const en = (await t.app.inject({ url: `/api/volunteer-imports/${refused.id}`, headers: { cookie: c.districtAdmin!, 'accept-language': 'en' } })).json() as Status;
    expect(en.problems[0]).toEqual({ row: 6, column: 'Phone', reason: 'Not a valid mobile number (11 digits starting with 1)' });
    expect(JSON.stringify(en.problems)).not.toMatch(/volunteers\.import|bad_phone/);

    // the report: every row as uploaded, the 7 bad ones with their problems and highlighted
    const report = await t.app.inject({ url: `/api/volunteer-imports/${refused.id}/report`, headers: { cookie: c.districtAdmin! } });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.rowCount).toBe(1001);
    expect(ws.getRow(1).getCell(15).value).toBe('问题');
    const flagged = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const problem = ws.getRow(r).getCell(15).value;
      if (problem) flagged.push([ws.getRow(r).getCell(1).value, problem]);
    }
    expect(flagged.map(([row]) => row)).toEqual([6, 11, 22, 32, 43, 44, 52]);
    expect(flagged[0]![1]).toBe('手机号：不是有效的手机号（11 位数字，以 1 开头）');
    const row6 = ws.getRow(6);
    expect(row6.getCell(3).value).toBe('1234567');
    expect((row6.getCell(3).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF8B4AE');
    expect((ws.getRow(7).getCell(3).fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
    // ID numbers: masked in the report, and kept only encrypted while the import waits
    expect(ws.getRow(2).getCell(4).value).toBe(`${idNumber(0).slice(0, 6)}********${idNumber(0).slice(-4)}`);
    const [kept] = await queryRows<{ rows: string }>(t.database.db, sql`SELECT rows::text AS rows FROM volunteer_imports WHERE id = ${refused.id}`);
    expect(kept!.rows).toContain('13700000000');
    expect(kept!.rows).not.toContain(idNumber(0));

    // fixed: all 1,000 in one go — 999 new residents, resident1 registered on their account
    const started = Date.now();
    const done = await importSheet('districtAdmin', await sheet(rows));
    const took = Date.now() - started;
    expect(done).toMatchObject({ state: 'done', totalRows: 1000, importedRows: 1000, skippedRows: 0, createdAccounts: 999, problems: [] });
    expect(took, `import took ${took} ms`).toBeLessThan(20_000);
    const [cleared] = await queryRows<{ rows: unknown[] }>(t.database.db, sql`SELECT rows FROM volunteer_imports WHERE id = ${done.id}`);
    expect(cleared!.rows).toEqual([]);
    expect(await count('volunteers')).toBe(before.volunteers + 1000);
    expect(await count('accounts')).toBe(before.accounts + 999);
    const imported = await queryRows<{ status: string; number: string | null; roles: string[]; phone: string; community: string; region: string; in_service: boolean; availability: unknown[] }>(
      t.database.db,
      sql`SELECT v.status, v.number, a.roles, a.phone, c.name AS community, r.name AS region, v.in_service, v.availability FROM volunteers v
          JOIN accounts a ON a.district_id = v.district_id AND a.id = v.account_id JOIN regions c ON c.id = v.community_id JOIN regions r ON r.id = v.region_id
          WHERE a.phone LIKE '1370000%' OR a.phone = '13900000008'`,
    );
    expect(imported).toHaveLength(1000);
    expect(imported.every((v) => v.status === 'active' && v.number?.startsWith('LX') && v.roles.includes('volunteer'))).toBe(true);
    expect(new Set(imported.map((v) => v.number)).size).toBe(1000);
    const first = imported.find((v) => v.phone === '13700000000')!;
    expect(first).toMatchObject({ community: '光明社区', region: '光明社区', in_service: true, availability: [] });
    expect(imported.find((v) => v.phone === '13700000003')).toMatchObject({ community: '光明社区', region: '光明1号楼' });
    expect(imported.find((v) => v.phone === '13700000001')).toMatchObject({ community: '和平社区', region: '和平社区', in_service: false, availability: [{ weekday: 6, from: '08:30', to: '11:30' }, { weekday: 7, from: '14:00', to: '17:00' }] });
    const [resident1] = await queryRows<{ skills: string[]; gender: string; name: string }>(t.database.db, sql`SELECT skills, gender, name FROM accounts WHERE phone = '13900000008'`);
    expect(resident1).toMatchObject({ name: '张三', skills: ['修理'] });
    const audit = await queryRows<{ details: { imported: number; newAccounts: number } }>(t.database.db, sql`SELECT details FROM audit_log WHERE action = 'volunteers.import' AND object_id = ${done.id}`);
    expect(audit.map((a) => a.details)).toEqual([expect.objectContaining({ imported: 1000, newAccounts: 999, skipped: 0 })]);

    // the same sheet again: every row is an active volunteer already — skipped, nothing doubled
    const again = await importSheet('districtAdmin', await sheet(rows));
    expect(again).toMatchObject({ state: 'done', importedRows: 0, skippedRows: 1000, createdAccounts: 0 });
    expect(again.skipped[0]).toEqual({ row: 2, reason: '已是在册志愿者，跳过' });
    expect(await count('volunteers')).toBe(before.volunteers + 1000);
    expect(await count('accounts')).toBe(before.accounts + 999);

    // a new account can log in only after resetting its password: no one knows the temporary one
    const [account] = await queryRows<{ must: boolean }>(t.database.db, sql`SELECT must_change_password AS must FROM accounts WHERE phone = '13700000000'`);
    expect(account!.must).toBe(true);
  }, 120_000);

  it('a community admin imports only into their own community; people elsewhere are reported, not moved', async () => {
    const rows: Row[] = [
      ['光明新人', '13710000001', '', '女', 1975, '群众', '否', '', '光明社区', '光明一网格', '', '', ''],
      ['和平新人', '13710000002', '', '男', 1976, '群众', '否', '', '和平社区', '', '', '', ''],
      ['钱四', '13900000009', '', '', '', '', '', '', '光明社区', '', '', '', ''], // resident2 lives in 和平社区
      ['外网格', '13710000004', '', '', '', '', '', '', 'T0101', '和平一网格', '', '', ''],
      ['借用身份证', '13710000005', '110101199001011237', '', '', '', '', '', '光明社区', '', '', '', ''], // resident1's ID number
      ['外区的人', '13900000010', '', '', '', '', '', '', '光明社区', '', '', '', ''], // a phone of the other district
    ];
    const status = await importSheet('communityAdmin1', await sheet(rows));
    expect(status.state).toBe('refused');
    expect(status.problems).toEqual([
      { row: 3, column: '所在社区', reason: '“和平社区”不在您管理的范围内' },
      { row: 4, column: '所在社区', reason: '该手机号的居民住在其他社区，请核对所在社区' },
      { row: 5, column: '住址（网格/楼栋）', reason: '“和平一网格”不是该社区内的网格或楼栋' },
      { row: 6, column: '身份证号', reason: '该身份证号已属于其他账号' },
      { row: 7, column: '手机号', reason: '该手机号已在其他区县注册' },
    ]);
    const volunteers = await count('volunteers');
    const fixed = await importSheet('communityAdmin1', await sheet([rows[0]!]));
    expect(fixed).toMatchObject({ state: 'done', importedRows: 1, createdAccounts: 1 });
    expect(await count('volunteers')).toBe(volunteers + 1);
    // another community's admin does not see the import; a grid worker may not import
    expect((await t.app.inject({ url: `/api/volunteer-imports/${fixed.id}`, headers: { cookie: c.communityAdmin2! } })).statusCode).toBe(404);
    expect((await upload('gridWorker1', await sheet([rows[0]!]))).statusCode).toBe(403);
  });

  it('an applicant is approved by the import with a number; a suspended volunteer is left as is', async () => {
    const apply = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: await registration(t, { phone: '13720000001', password: 'Volunteer#2026', name: '申请人', regionId: t.fx.region.B1!.id, volunteer: true }) });
    expect(apply.statusCode, apply.body).toBe(202);
    const status = await importSheet('communityAdmin1', await sheet([['申请人', '13720000001', '', '', '', '预备党员', '是', '街道办', '光明社区', '', '', '', '']]));
    expect(status).toMatchObject({ state: 'done', importedRows: 1, createdAccounts: 0 });
    const [row] = await queryRows<{ status: string; number: string; political_status: string; region: string }>(
      t.database.db,
      sql`SELECT v.status, v.number, v.political_status, r.name AS region FROM volunteers v JOIN accounts a ON a.id = v.account_id JOIN regions r ON r.id = v.region_id WHERE a.phone = '13720000001'`,
    );
    expect(row).toMatchObject({ status: 'active', political_status: 'probationary', region: '光明1号楼' });
    expect(row!.number).toMatch(/^LX\d{6}$/);

    const volunteer1 = t.fx.person.volunteer1!.id;
    const suspended = await t.app.inject({ method: 'POST', url: `/api/volunteers/${volunteer1}/suspend`, headers: { cookie: c.communityAdmin1! }, payload: { reason: '测试暂停' } });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const again = await importSheet('communityAdmin1', await sheet([['赵志愿', '13900000007', '', '', '', '', '', '', '光明社区', '', '', '', '']]));
    expect(again).toMatchObject({ state: 'done', importedRows: 0, skippedRows: 1, skipped: [{ row: 2, reason: '该志愿者暂停服务中，未作更改' }] });
    const [still] = await queryRows<{ status: string }>(t.database.db, sql`SELECT status FROM volunteers WHERE account_id = ${volunteer1}`);
    expect(still!.status).toBe('suspended');
  });

  it('refuses a file that is not a sheet, or lacks a column, naming the field; the template in either language imports as it is', async () => {
    const notSheet = await upload('districtAdmin', Buffer.from('name,phone\n张三,13800000000'), 'volunteers.csv');
    expect(notSheet.statusCode).toBe(400);
    expect(notSheet.json()).toMatchObject({ code: 'volunteers.import.not_xlsx', field: 'file' });
    const noCommunity = await upload('districtAdmin', await sheet([['张三', '13800000000']], ['姓名', '手机号']));
    expect(noCommunity.json()).toMatchObject({ code: 'volunteers.import.missing_column', field: 'file', message: '表头缺少「所在社区」列，请使用模板' });
    expect((await upload('districtAdmin', await sheet([]))).json()).toMatchObject({ code: 'volunteers.import.empty', field: 'file' });
    const json = await t.app.inject({ method: 'POST', url: '/api/volunteer-imports', headers: { cookie: c.districtAdmin! }, payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ field: 'file' });

    for (const lang of ['zh-CN', 'en']) {
      const template = await t.app.inject({ url: '/api/volunteers/import-template', headers: { cookie: c.communityAdmin1!, 'accept-language': lang } });
      expect(template.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
      const [volunteersSheet, lists] = book.worksheets;
      expect(volunteersSheet!.getRow(1).getCell(1).value).toBe(lang === 'en' ? 'Name' : '姓名');
      // the communities the admin may import into: their own only
      expect(lists!.getColumn(1).values.slice(2).filter(Boolean)).toEqual(['光明社区']);
      expect(lists!.getColumn(3).values.slice(2).filter(Boolean)).toHaveLength(4);
    }
    const template = await t.app.inject({ url: '/api/volunteers/import-template', headers: { cookie: c.communityAdmin1! } });
    const status = await importSheet('communityAdmin1', template.rawPayload);
    expect(status).toMatchObject({ state: 'done', importedRows: 1 });
  });
});
