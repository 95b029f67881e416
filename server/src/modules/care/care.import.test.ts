import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { idNumberCheckDigit } from '../../platform/privacy/id-number.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { multipartBody } from '../../test/needs-helpers.js';
import { zipOf } from '../../test/zip-bomb.js';

type Outcome = { fileName: string; state: 'done' | 'refused'; totalRows: number; importedRows: number; problems: { row: number; column: string; reason: string }[] };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const heads = ['姓名', '称呼', '性别', '出生年份', '身份证号', '电话', '所在社区', '网格/楼栋', '门牌', '关爱类别', '监护人', '与监护人关系', '监护人电话', '需求', '风险提示'];
type Row = (string | number)[];

/** A valid ID number born in 1930–1949 with sequence `n` (another range than other tests' people). */
const idNumber = (n: number) => {
  const first17 = `110102${1930 + (n % 20)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
};

/** `n` good rows over three communities (by name and by code) and their homes, a third with ID numbers (from `ids` on). */
function goodRows(n: number, tag: string, ids = 0): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const community = ['光明社区', 'T0102', '幸福社区'][i % 3]!;
    const home = i % 3 === 0 ? ['', '光明一网格', 'T01010101'][i % 9 / 3]! : i % 3 === 1 && i % 2 ? '和平1号楼' : '';
    return [
      `${tag}${i}`, i % 2 ? '王奶奶' : '', i % 2 ? '女' : '男', 1930 + (i % 20), i % 3 === 0 ? idNumber(ids + i) : '', i % 4 ? `1370000${String(i).padStart(4, '0')}` : '', community, home,
      i % 5 ? `${1 + (i % 6)}单元${100 + i}` : '', i % 2 ? '鳏寡孤独、空巢老人' : '重症残疾人,lowIncome', i % 4 ? '王建国' : '', i % 4 ? '儿子' : '', i % 4 ? '13600000001' : '', '每周探访', i % 7 ? '' : '独居，夜间易跌倒',
    ];
  });
}

async function sheet(rows: Row[], header = heads): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('关爱对象');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(backends)('care import (关爱对象批量导入) on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['districtAdmin', 'communityAdmin1', 'gridWorker1', 'volunteer1', 'resident1']) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  const upload = (who: string, bytes: Buffer, lang = 'zh-CN', name = 'care.xlsx') => {
    const { payload, headers } = multipartBody(bytes, name, XLSX);
    return t.app.inject({ method: 'POST', url: '/api/care-recipients/import', headers: { ...headers, cookie: c[who]!, 'accept-language': lang }, payload });
  };
  const importSheet = async (who: string, bytes: Buffer, lang = 'zh-CN'): Promise<Outcome> => {
    const res = await upload(who, bytes, lang);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Outcome;
  };
  const count = async () => Number((await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM care_recipients`))[0]!.n);

  it('a good sheet of 600 imports whole in one go, places and kinds resolved, ID numbers encrypted, one audit entry', async () => {
    const before = await count();
    const done = await importSheet('districtAdmin', await sheet(goodRows(600, '导入对象')));
    expect(done).toMatchObject({ state: 'done', totalRows: 600, importedRows: 600, problems: [] });
    expect(await count()).toBe(before + 600);

    const rows = await queryRows<{ name: string; call_name: string | null; gender: string; birth_year: number; id_number_enc: string | null; id_number_hmac: string | null; phone: string | null; place: string; address: string; type_codes: string[]; guardian_name: string | null; guardian_phone: string | null; risk_notes: string; created_by: string }>(
      t.database.db,
      sql`SELECT c.*, r.name AS place FROM care_recipients c JOIN regions r ON r.id = c.region_id WHERE c.name LIKE '导入对象%' ORDER BY c.created_at, c.name`,
    );
    expect(rows).toHaveLength(600);
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get('导入对象0')).toMatchObject({ call_name: null, gender: 'male', birth_year: 1930, phone: null, place: '光明社区', address: '', type_codes: ['severeDisability', 'lowIncome'], guardian_name: null, risk_notes: '独居，夜间易跌倒', created_by: t.fx.person.districtAdmin!.id });
    expect(byName.get('导入对象1')).toMatchObject({ call_name: '王奶奶', gender: 'female', phone: '13700000001', place: '和平1号楼', address: '2单元101', type_codes: ['lonelyElderly', 'emptyNest'], guardian_name: '王建国', guardian_phone: '13600000001' });
    expect(byName.get('导入对象3')).toMatchObject({ place: '光明一网格' });
    expect(byName.get('导入对象6')).toMatchObject({ place: '光明1号楼' });
    expect(byName.get('导入对象2')).toMatchObject({ place: '幸福社区' });
    // the ID number is kept only encrypted, with the digest that keeps one person registered once
    const first = byName.get('导入对象0')!;
    expect(first.id_number_enc).not.toContain(idNumber(0));
    expect(t.app.deps.crypto.decrypt(first.id_number_enc!)).toBe(idNumber(0));
    expect(first.id_number_hmac).toBe(t.app.deps.crypto.digest(idNumber(0)));

    const audit = await queryRows<{ details: unknown; actor_id: string }>(t.database.db, sql`SELECT details, actor_id FROM audit_log WHERE action = 'care.import'`);
    expect(audit).toEqual([{ actor_id: t.fx.person.districtAdmin!.id, details: { file: 'care.xlsx', imported: 600, places: 6 } }]);
    // staff find them on the list like any registered person
    const list = (await t.app.inject({ url: '/api/care-recipients?q=导入对象1', headers: { cookie: c.communityAdmin1! } })).json() as { items: { name: string }[] };
    expect(list.items.map((i) => i.name)).not.toContain('导入对象1'); // 和平1号楼 is not 光明社区's
    expect((await t.app.inject({ url: `/api/care-recipients?q=${encodeURIComponent('导入对象0')}`, headers: { cookie: c.communityAdmin1! } })).json().items).toHaveLength(1);
  }, 60_000);

  it('one bad row of many: nothing written, every problem named by row and column, in Chinese and in English', async () => {
    const rows = goodRows(50, '坏表对象', 600);
    rows[4]![2] = '未知'; // sheet row 6: gender
    rows[4]![3] = 1850; //              and birth year
    rows[9]![9] = '鳏寡孤独、外星人'; // row 11: one kind unknown
    rows[12]![0] = ''; // row 14: no name
    rows[20]![5] = '12345'; // row 22: not a phone
    rows[22]![10] = ''; // row 24: a guardian's phone without the guardian
    rows[30]![6] = '不存在社区'; // row 32
    rows[31]![6] = '光明社区'; // row 33: a grid of another community
    rows[31]![7] = '和平一网格';
    const before = await count();
    const refused = await importSheet('districtAdmin', await sheet(rows));
    expect(refused).toMatchObject({ state: 'refused', totalRows: 50, importedRows: 0 });
    expect(refused.problems.map((p) => [p.row, p.column])).toEqual([
      [6, '性别'],
      [6, '出生年份'],
      [11, '关爱类别'],
      [14, '姓名'],
      [22, '电话'],
      [24, '监护人'],
      [32, '所在社区'],
      [33, '网格/楼栋'],
    ]);
    expect(refused.problems.map((p) => p.reason)).toEqual([
      '应为“男”或“女”',
      expect.stringMatching(/^应为 1900–20\d\d 之间的年份$/),
      '没有名为“外星人”的关爱类别（或已停用）',
      '必填',
      '不是有效的手机号（11 位数字，以 1 开头）',
      '填写监护人电话或关系时，请填写监护人姓名',
      '没有名称或编码为“不存在社区”的社区',
      '“和平一网格”不是该社区内的网格或楼栋',
    ]);
    expect(await count()).toBe(before);

    const en = await importSheet('districtAdmin', await sheet(rows), 'en');
    expect(en.problems[0]).toEqual({ row: 6, column: 'Gender', reason: 'Must be 男 (male) or 女 (female)' });
    expect(en.problems[2]).toEqual({ row: 11, column: 'Kinds of care', reason: 'No active kind of care is named “外星人”' });
    expect(JSON.stringify(en.problems)).not.toMatch(/care\.import|bad_gender/);
    expect(await count()).toBe(before);

    // the report: the same file sent again comes back with every row, the bad ones marked; still nothing written
    const { payload, headers } = multipartBody(await sheet(rows), 'care.xlsx', XLSX);
    const report = await t.app.inject({ method: 'POST', url: '/api/care-recipients/import/report', headers: { ...headers, cookie: c.districtAdmin! }, payload });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.headers['content-type']).toContain(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.rowCount).toBe(51);
    expect(ws.getRow(1).getCell(17).value).toBe('问题');
    const flagged: unknown[] = [];
    for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(17).value) flagged.push(ws.getRow(r).getCell(1).value);
    expect(flagged).toEqual([6, 11, 14, 22, 24, 32, 33]);
    expect(ws.getRow(6).getCell(17).value).toBe(`性别：应为“男”或“女”；出生年份：${refused.problems[1]!.reason}`);
    expect((ws.getRow(6).getCell(4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF8B4AE');
    // ID numbers masked, as staff see them on screen
    expect(ws.getRow(2).getCell(6).value).toBe(`${idNumber(600).slice(0, 6)}********${idNumber(600).slice(-4)}`);
    expect(await count()).toBe(before);
  });

  it('an ID number twice in the sheet, or registered already, is a row error; nothing written', async () => {
    const registered = await t.app.inject({ method: 'POST', url: '/api/care-recipients', headers: { cookie: c.communityAdmin1! }, payload: { regionId: t.fx.region.B1!.id, name: '已登记', typeCodes: ['lonelyElderly'], idNumber: idNumber(901) } });
    expect(registered.statusCode, registered.body).toBe(201);
    const rows: Row[] = [
      ['甲', '', '', '', idNumber(902), '', '光明社区', '', '', '鳏寡孤独'],
      ['乙', '', '', '', ` ${idNumber(902).toLowerCase()} `, '', '光明社区', '', '', '鳏寡孤独'], // the same ID number, written otherwise
      ['丙', '', '', '', idNumber(901), '', '光明社区', '', '', '鳏寡孤独'], // the person registered above
      ['丁', '', '', '', `${idNumber(903).slice(0, 17)}${idNumber(903).endsWith('0') ? '1' : '0'}`, '', '光明社区', '', '', '鳏寡孤独'],
    ];
    const before = await count();
    const refused = await importSheet('communityAdmin1', await sheet(rows));
    expect(refused.problems).toEqual([
      { row: 3, column: '身份证号', reason: '与第 2 行重复' },
      { row: 4, column: '身份证号', reason: '该身份证号已登记为关爱对象' },
      { row: 5, column: '身份证号', reason: '身份证号无效（18 位，校验位不符）' },
    ]);
    expect(await count()).toBe(before);
    expect(await importSheet('communityAdmin1', await sheet([rows[0]!]))).toMatchObject({ state: 'done', importedRows: 1 });
    // the same sheet again: that person is registered now
    expect((await importSheet('communityAdmin1', await sheet([rows[0]!]))).problems).toEqual([{ row: 2, column: '身份证号', reason: '该身份证号已登记为关爱对象' }]);

    // registered by someone else between the check and the write: the UNIQUE digest refuses the whole sheet, a 409 naming the file
    const db = t.app.deps.db;
    const transaction = db.transaction.bind(db);
    vi.spyOn(db, 'transaction').mockImplementationOnce(async (work, config) => {
      const meanwhile = await t.app.inject({ method: 'POST', url: '/api/care-recipients', headers: { cookie: c.districtAdmin! }, payload: { regionId: t.fx.region.B1!.id, name: '同时登记', typeCodes: ['lonelyElderly'], idNumber: idNumber(905) } });
      expect(meanwhile.statusCode, meanwhile.body).toBe(201);
      return transaction(work, config);
    });
    const raced = await upload('communityAdmin1', await sheet([['戊', '', '', '', '', '', '光明社区', '', '', '鳏寡孤独'], ['己', '', '', '', idNumber(905), '', '光明社区', '', '', '鳏寡孤独']]));
    vi.restoreAllMocks();
    expect(raced.statusCode, raced.body).toBe(409);
    expect(raced.json()).toMatchObject({ code: 'care.import.changed', field: 'file' });
    expect((await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM care_recipients WHERE name = '戊'`))[0]!.n).toBe(0);
  });

  it('a community admin imports only into their own community; a switched-off kind is unknown; staff who are no admins may not import', async () => {
    const rows: Row[] = [
      ['光明的人', '', '', '', '', '', '光明社区', '光明1号楼', '', '鳏寡孤独'],
      ['和平的人', '', '', '', '', '', '和平社区', '', '', '鳏寡孤独'],
      ['外区的人', '', '', '', '', '', '外社区', '', '', '鳏寡孤独'],
    ];
    const refused = await importSheet('communityAdmin1', await sheet(rows));
    expect(refused.problems).toEqual([
      { row: 3, column: '所在社区', reason: '“和平社区”不在您管理的范围内' },
      { row: 4, column: '所在社区', reason: '没有名称或编码为“外社区”的社区' },
    ]);
    const types = (await t.app.inject({ url: '/api/care-types', headers: { cookie: c.districtAdmin! } })).json() as { id: string; code: string }[];
    const lowIncome = types.find((k) => k.code === 'lowIncome')!;
    expect((await t.app.inject({ method: 'PATCH', url: `/api/care-types/${lowIncome.id}`, headers: { cookie: c.districtAdmin! }, payload: { active: false } })).statusCode).toBe(200);
    const off = await importSheet('communityAdmin1', await sheet([['低保的人', '', '', '', '', '', '光明社区', '', '', '低保户']]));
    expect(off.problems).toEqual([{ row: 2, column: '关爱类别', reason: '没有名为“低保户”的关爱类别（或已停用）' }]);
    await t.app.inject({ method: 'PATCH', url: `/api/care-types/${lowIncome.id}`, headers: { cookie: c.districtAdmin! }, payload: { active: true } });

    const before = await count();
    for (const who of ['gridWorker1', 'volunteer1', 'resident1']) {
      const res = await upload(who, await sheet([rows[0]!]));
      expect(res.statusCode, who).toBe(403);
      expect((await t.app.inject({ url: '/api/care-recipients/import-template', headers: { cookie: c[who]! } })).statusCode, who).toBe(403);
    }
    expect(await count()).toBe(before);
    expect(await importSheet('communityAdmin1', await sheet([rows[0]!]))).toMatchObject({ state: 'done', importedRows: 1 });
  });

  it('refuses a file that is not a sheet, or lacks a column, naming the field; the template in either language imports as it is', async () => {
    const notSheet = await upload('districtAdmin', Buffer.from('姓名,所在社区\n张三,光明社区'), 'zh-CN', 'care.csv');
    expect(notSheet.statusCode).toBe(400);
    expect(notSheet.json()).toMatchObject({ code: 'care.import.not_xlsx', field: 'file' });
    const noKinds = await upload('districtAdmin', await sheet([['张三', '光明社区']], ['姓名', '所在社区']));
    expect(noKinds.statusCode).toBe(400);
    expect(noKinds.json()).toMatchObject({ code: 'care.import.missing_column', field: 'file', message: '表头缺少「关爱类别」列，请使用模板' });
    const noKindsEn = await upload('districtAdmin', await sheet([['张三', '光明社区']], ['姓名', '所在社区']), 'en');
    expect(noKindsEn.json().message).toBe('The header has no “关爱类别” column; use the template');
    expect((await upload('districtAdmin', await sheet([]))).json()).toMatchObject({ code: 'care.import.empty', field: 'file' });
    // 80 KB that unpack to 100 MB: refused before the workbook reader unpacks it in memory
    const bomb = await upload('districtAdmin', zipOf(100 * 1024 * 1024));
    expect(bomb.statusCode).toBe(413);
    expect(bomb.json()).toMatchObject({ code: 'care.import.unpacked_too_large', field: 'file' });
    const json = await t.app.inject({ method: 'POST', url: '/api/care-recipients/import', headers: { cookie: c.districtAdmin! }, payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ field: 'file' });

    for (const lang of ['zh-CN', 'en']) {
      const template = await t.app.inject({ url: '/api/care-recipients/import-template', headers: { cookie: c.communityAdmin1!, 'accept-language': lang } });
      expect(template.statusCode).toBe(200);
      expect(template.headers['content-type']).toContain(XLSX);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
      const [people, lists] = book.worksheets;
      expect(people!.getRow(1).getCell(1).value).toBe(lang === 'en' ? 'Name' : '姓名');
      // the communities the admin may import into: their own only; the district's active kinds
      expect(lists!.getColumn(1).values.slice(2).filter(Boolean)).toEqual(['光明社区']);
      expect(lists!.getColumn(3).values.slice(2).filter(Boolean)).toEqual(['鳏寡孤独', '重症残疾人', '留守儿童', '困境儿童', '空巢老人', '低保户']);
      const status = await importSheet('communityAdmin1', template.rawPayload, lang);
      expect(status).toMatchObject({ state: 'done', importedRows: 1 });
    }
  });

  // 30 s: walking every row to the last one took a minute of the server's time for this file
  it('a sheet formatted down to its last row (1,048,576) imports the rows that hold something', { timeout: 30_000 }, async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('关爱对象');
    ws.addRow(heads);
    const [one] = goodRows(1, '格式行');
    one![4] = ''; // no ID number: the earlier tests registered the generated ones
    ws.addRow(one!);
    ws.getCell('A1048576').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
    const formatted = await importSheet('districtAdmin', Buffer.from(await book.xlsx.writeBuffer()));
    expect(formatted).toMatchObject({ state: 'done', totalRows: 1, importedRows: 1 });

  });
});
