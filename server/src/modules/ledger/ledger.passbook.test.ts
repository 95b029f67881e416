import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

/** The text of a PDF as poppler's pdftotext reads it (Debian poppler-utils). */
function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passbook-'));
  const file = path.join(dir, 'p.pdf');
  fs.writeFileSync(file, pdf);
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  if (out.error || out.status !== 0) throw new Error(`pdftotext failed (is poppler-utils installed?): ${out.error?.message ?? out.stderr}`);
  return out.stdout;
}

async function sheetRows(body: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push(Array.from({ length: 8 }, (_, i) => String(row.getCell(i + 1).value ?? ''))));
  return rows;
}

/* 储蓄存折: the statement printed to PDF (Chinese renders) and Excel (words, never codes), mine and staff's. */
describe.each(backends)('the passbook as PDF and Excel on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  let volunteerId: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['communityAdmin1', 'communityAdmin2', 'volunteer1', 'volunteer2']) c[k] = await t.login(k);
    volunteerId = t.fx.person.volunteer1!.id;
    await t.database.db.transaction((tx) =>
      t.app.services.ledger.creditServices(tx, t.fx.region.D!.districtId, [{ accountId: volunteerId, communityId: null, source: 'activity', sourceId: crypto.randomUUID(), title: '重阳节敬老义诊', servedOn: shanghaiDay(t.clock.now()), hours: '2.50' }]),
    );
  });
  afterAll(() => t.close());

  const get = (who: string, url: string, lang = 'zh-CN') => t.app.inject({ url, headers: { cookie: c[who]!, 'accept-language': lang } });

  it('my passbook prints to a PDF whose Chinese text reads back: name, lines, sources, rules, balances', async () => {
    const res = await get('volunteer1', '/api/ledger/me/statement.pdf');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    // named in the reader's language (UTF-8 filename*), with the English name as the ASCII fallback
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="passbook-[\x20-\x7e]+\.pdf"; filename\*=UTF-8''%E5%82%A8%E8%93%84%E5%AD%98%E6%8A%98-.+\.pdf$/);
    expect((await get('volunteer1', '/api/ledger/me/statement.pdf', 'en')).headers['content-disposition']).toMatch(/^attachment; filename="passbook-.+\.pdf"; filename\*=UTF-8''passbook-.+\.pdf$/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    for (const words of ['时间银行储蓄存折', '赵志愿', '重阳节敬老义诊', '志愿活动·存入', '志愿服务每小时', '+2.5 小时', '+25 积分', '期末余额']) expect(text).toContain(words);
    expect(text.replace(/\s/g, '')).toContain('第1页/共1页');
    // in English when asked, the same lines
    const en = pdfText((await get('volunteer1', '/api/ledger/me/statement.pdf?lang=en')).rawPayload);
    expect(en).toContain('Time bank passbook');
    expect(en).toContain('Volunteer activity');
    expect(en).toContain('Earned');
  });

  it('a period with nothing in it says so', async () => {
    const text = pdfText((await get('volunteer1', '/api/ledger/me/statement.pdf?from=2020-01-01&to=2020-12-31')).rawPayload);
    expect(text).toContain('本期间内没有记账');
    expect(text).toContain('2020-01-01 至 2020-12-31');
  });

  it('the Excel workbook has the same lines in the reader’s words, amounts as numbers, never a raw code', async () => {
    const res = await get('volunteer1', '/api/ledger/me/statement.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(['日期', '业务', '来源', '摘要', '规则', '单位', '发生额', '余额']);
    expect(rows.slice(1)).toContainEqual([shanghaiDay(t.clock.now()), '存入', '志愿活动', '重阳节敬老义诊', '', '小时', '2.5', '2.5']);
    expect(rows.slice(1).some((r) => r[4] === '志愿服务每小时' && r[5] === '积分')).toBe(true);
    const codes = new Set(['earn', 'activity', 'hours', 'points', 'service.hour']);
    expect(rows.flat().filter((v) => codes.has(v))).toEqual([]);
    const en = await sheetRows((await get('volunteer1', '/api/ledger/me/statement.xlsx', 'en')).rawPayload);
    expect(en[0]![0]).toBe('Date');
    expect(en.flat()).toContain('Volunteer activity');
  });

  it('staff print a volunteer’s passbook in their scope only, and the read is audited', async () => {
    const pdf = await get('communityAdmin1', `/api/ledger/volunteers/${volunteerId}/statement.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload)).toContain('赵志愿');
    expect((await get('communityAdmin1', `/api/ledger/volunteers/${volunteerId}/statement.xlsx`)).statusCode).toBe(200);
    expect((await get('communityAdmin2', `/api/ledger/volunteers/${volunteerId}/statement.pdf`)).statusCode).toBe(404);
    expect((await get('volunteer2', `/api/ledger/volunteers/${volunteerId}/statement.xlsx`)).statusCode).toBe(403);
    const audited = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'ledger.passbook.read' AND object_id = ${volunteerId}`);
    expect(audited[0]!.n).toBe(2);
  });
});
