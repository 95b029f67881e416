import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed } from '../../test/needs-helpers.js';

/*
 * No code reaches a spreadsheet: every cell of every export, in zh-CN and en, is checked against
 * every closed value set the API publishes (each StringEnum of the OpenAPI document: kinds,
 * statuses, channels, severities, genders, political statuses …) and against the shape of a dotted
 * code ("needs.submit", "elderly.companion"). A new export joins the list below.
 */
const openapi = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../openapi.json'), 'utf8')) as unknown;

/** Every string of every `enum` in the document. */
function enumValues(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) enumValues(n, into);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'enum' && Array.isArray(value)) {
        for (const v of value) if (typeof v === 'string' && v.length > 1) into.add(v);
      } else enumValues(value, into);
    }
  }
  return into;
}
const codes = enumValues(openapi);
const DOTTED = /^[a-z][A-Za-z]*(\.[a-z][A-Za-z_]*)+$/;

async function cells(bytes: Buffer): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text ?? '').trim())));
  return out;
}

describe.each(backends)('exports speak words, not codes, on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  const exportsToRead = ['/api/needs/export', '/api/volunteers/export', '/api/figures/export', '/api/volunteers/import-template'];

  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await t.login('districtAdmin');
    const community = await t.login('communityAdmin1');
    const resident = await t.login('resident1');
    // a need of each kind, one of them dispatched, so the sheets carry statuses, channels, kinds, severities
    await postNeed(t, resident, { kind: 'microWish', title: '想要一本大字版字典' });
    await postNeed(t, resident, { kind: 'grievance', title: '楼道灯坏了很久', severity: 'important' });
    const need = await postNeed(t, resident, { title: '老人需要上门理发' });
    await act(t, community, need.id, 'accept');
    await act(t, community, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
  }, 120_000);
  afterAll(() => t.close());

  it('the closed value sets are known to this test (it would check nothing otherwise)', () => {
    for (const code of ['serviceRequest', 'general', 'self', 'submitted', 'dispatched', 'microWish']) expect(codes).toContain(code);
  });

  for (const lang of ['zh-CN', 'en']) {
    it(`no cell of any export in ${lang} is a code`, async () => {
      for (const url of exportsToRead) {
        const res = await t.app.inject({ url, headers: { cookie: admin, 'accept-language': lang } });
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
        const all = await cells(res.rawPayload);
        expect(all.length, url).toBeGreaterThan(1);
        const raw = all.filter((c) => codes.has(c) || DOTTED.test(c));
        expect(raw, `${url} (${lang})`).toEqual([]);
      }
    });
  }
});
