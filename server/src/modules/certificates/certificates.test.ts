import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { newCode } from './certificates.code.js';

type Certificate = { id: string; code: string; volunteerId: string; name: string; number: string; communityName: string; districtName: string; from: string; to: string; totalHours: number; serviceCount: number; issuedAt: string; verifyPath: string };

/** The text of a PDF as poppler's pdftotext reads it (Debian poppler-utils), and its page count. */
function pdfText(pdf: Buffer): { text: string; pages: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-cert-'));
  const file = path.join(dir, 'c.pdf');
  fs.writeFileSync(file, pdf);
  const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (text.error || text.status !== 0) throw new Error(`pdftotext failed (is poppler-utils installed?): ${text.error?.message ?? text.stderr}`);
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { text: text.stdout, pages: Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? 0) };
}

describe.each(backends)('service record certificates on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  let districtId: string;
  let volunteer1: string;
  let number1: string;
  let sourceSeq = 0;

  beforeAll(async () => {
    t = await createTestApp(backend);
    t.clock.set('2026-06-15T02:00:00Z');
    for (const k of ['districtAdmin', 'communityAdmin1', 'communityAdmin2', 'resident1', 'volunteer1', 'volunteer2']) c[k] = await t.login(k);
    districtId = t.fx.region.D!.districtId;
    volunteer1 = t.fx.person.volunteer1!.id;
    number1 = ((await get('volunteer1', '/api/volunteers/me')).json() as { volunteer: { number: string } }).volunteer.number;
    // volunteer1's verified record: three services this year, one last year
    await credit(volunteer1, [
      ['2025-12-20', '冬季送温暖', '4'],
      ['2026-02-01', '陪同老人理发', '2'],
      ['2026-03-10', '社区环境清洁', '1.5'],
      ['2026-05-20', '助老陪诊服务', '3'],
    ]);
  });
  afterAll(() => t.close());

  const get = (who: string, url: string) => t.app.inject({ url, headers: c[who] ? { cookie: c[who] } : {} });
  const post = (who: string, url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: { cookie: c[who]! }, payload });
  async function credit(accountId: string, entries: [string, string, string][]) {
    // verified hours reach the record the way the order chain and activities credit them: in a transaction
    await t.database.db.transaction(async (tx) => {
      for (const [servedOn, title, hours] of entries) {
        await t.app.services.volunteers.creditService(tx, districtId, { accountId, source: 'activity', sourceId: `00000000-0000-4000-8000-${String(++sourceSeq).padStart(12, '0')}`, title, servedOn, hours });
      }
    });
  }
  const issue = async (who: string, body: object = {}) => {
    const res = await post(who, '/api/certificates', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Certificate;
  };
  const pdf = async (who: string, id: string) => {
    const res = await get(who, `/api/certificates/${id}/pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return res.rawPayload;
  };

  it('a volunteer issues one for this year: only verified services in the period, the Chinese text in the PDF', async () => {
    const cert = await issue('volunteer1');
    expect(cert).toMatchObject({ volunteerId: volunteer1, name: '赵志愿', number: number1, communityName: '光明社区', districtName: '测试区', from: '2026-01-01', to: '2026-06-15', totalHours: 6.5, serviceCount: 3 });
    expect(cert.code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(cert.verifyPath).toBe(`/verify/certificate/${cert.code}`);

    const { text, pages } = pdfText(await pdf('volunteer1', cert.id));
    expect(pages).toBe(1);
    for (const s of ['测试区', '志愿服务记录证明', '赵志愿', number1, '光明社区', '6.5 小时', '3 次', '陪同老人理发', '社区环境清洁', '助老陪诊服务', '2026年1月1日', '2026年6月15日', '出具单位：测试区', `出具日期：2026年6月15日`, cert.code, `/verify/certificate/${cert.code}`]) {
      expect(text, s).toContain(s);
    }
    // last year's service is outside the period
    expect(text).not.toContain('冬季送温暖');

    const mine = (await get('volunteer1', '/api/certificates/mine')).json() as { items: Certificate[] };
    expect(mine.items.map((i) => i.id)).toContain(cert.id);
  });

  it('counts only the verified record: not the running total, not a second credit of the same service', async () => {
    await t.database.db.execute(sql`UPDATE volunteers SET verified_hours = 999 WHERE district_id = ${districtId} AND account_id = ${volunteer1}`);
    await t.database.db.transaction((tx) =>
      t.app.services.volunteers.creditService(tx, districtId, { accountId: volunteer1, source: 'activity', sourceId: `00000000-0000-4000-8000-${String(2).padStart(12, '0')}`, title: '陪同老人理发', servedOn: '2026-02-01', hours: '2' }),
    );
    const cert = await issue('volunteer1', { from: '2026-02-01', to: '2026-03-10' });
    expect(cert).toMatchObject({ totalHours: 3.5, serviceCount: 2, from: '2026-02-01', to: '2026-03-10' });
    const { text } = pdfText(await pdf('volunteer1', cert.id));
    expect(text).toContain('3.5 小时');
    expect(text).not.toContain('助老陪诊服务');
  });

  it('its code verifies publicly with what the certificate says; a changed code does not; a typo is told apart', async () => {
    const cert = await issue('volunteer1');
    const check = async (code: string) => {
      const res = await get('anyone', `/api/public/certificates/${encodeURIComponent(code)}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { status: string; valid: boolean; certificate: Record<string, unknown> | null };
    };
    const valid = await check(cert.code);
    expect(valid).toMatchObject({ status: 'valid', valid: true, certificate: { code: cert.code, name: '赵**', number: number1, communityName: '光明社区', districtName: '测试区', from: cert.from, to: cert.to, totalHours: 6.5, serviceCount: 3, issuedAt: cert.issuedAt } });
    expect(Object.keys(valid.certificate!).sort()).toEqual(['code', 'communityName', 'districtName', 'from', 'issuedAt', 'name', 'number', 'serviceCount', 'to', 'totalHours']);
    expect(JSON.stringify(valid)).not.toContain(t.fx.person.volunteer1!.phone);
    expect(JSON.stringify(valid)).not.toContain('赵志愿');
    // typed loosely: lower case, spaces for hyphens
    expect((await check(cert.code.toLowerCase().replace(/-/g, ' '))).status).toBe('valid');

    // a well-formed code (right check symbol) that was never issued
    expect(await check(newCode())).toEqual({ status: 'invalid', valid: false, certificate: null });
    // one symbol changed: the check symbol no longer matches
    const i = 7;
    const typo = cert.code.slice(0, i) + (cert.code[i] === 'A' ? 'B' : 'A') + cert.code.slice(i + 1);
    expect(await check(typo)).toEqual({ status: 'mistyped', valid: false, certificate: null });
    expect(await check('not-a-code')).toEqual({ status: 'malformed', valid: false, certificate: null });
  });

  it('is frozen when issued: later services change neither the PDF nor the public check', async () => {
    const cert = await issue('volunteer1');
    const before = await pdf('volunteer1', cert.id);
    await credit(volunteer1, [['2026-06-01', '端午节慰问', '5']]);
    t.clock.advance(86_400_000);
    const after = await pdf('volunteer1', cert.id);
    expect(after.equals(before)).toBe(true);
    const checked = (await get('volunteer1', `/api/public/certificates/${cert.code}`)).json();
    expect(checked.certificate).toMatchObject({ totalHours: 6.5, serviceCount: 3 });
    expect(pdfText(after).text).not.toContain('端午节慰问');
    // a new one counts it
    expect(await issue('volunteer1')).toMatchObject({ totalHours: 11.5, serviceCount: 4, to: '2026-06-16' });
  });

  it('staff issue for a volunteer in their subtree; anyone else gets 404', async () => {
    const cert = await issue('communityAdmin1', { volunteerId: volunteer1 });
    expect(cert).toMatchObject({ volunteerId: volunteer1, number: number1, name: '赵志愿' });
    expect(pdfText(await pdf('communityAdmin1', cert.id)).text).toContain('赵志愿');
    await pdf('districtAdmin', cert.id);
    await pdf('volunteer1', cert.id);

    for (const who of ['communityAdmin2', 'volunteer2', 'resident1']) {
      const issued = await post(who, '/api/certificates', { volunteerId: volunteer1 });
      expect(issued.statusCode, `${who} issues: ${issued.body}`).toBe(404);
      const downloaded = await get(who, `/api/certificates/${cert.id}/pdf`);
      expect(downloaded.statusCode, `${who} downloads`).toBe(404);
    }
  });

  it('only a numbered volunteer, active or left, gets one; the period is checked', async () => {
    const refused = await post('resident1', '/api/certificates');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('certificates.not_eligible');
    // suspended: no certificate; left: still one
    await t.database.db.execute(sql`UPDATE volunteers SET status = 'suspended' WHERE district_id = ${districtId} AND account_id = ${t.fx.person.volunteer2!.id}`);
    expect((await post('volunteer2', '/api/certificates')).statusCode).toBe(409);
    await t.database.db.execute(sql`UPDATE volunteers SET status = 'left' WHERE district_id = ${districtId} AND account_id = ${t.fx.person.volunteer2!.id}`);
    expect(await issue('volunteer2')).toMatchObject({ serviceCount: 0, totalHours: 0, name: '孙志愿' });

    const backwards = await post('volunteer1', '/api/certificates', { from: '2026-05-01', to: '2026-04-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: 'certificates.bad_period', field: 'from' });
    const future = await post('volunteer1', '/api/certificates', { to: '2027-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'certificates.bad_period', field: 'to' });
  });

  it('lists every service of a long record across pages', async () => {
    const many = Array.from({ length: 95 }, (_, i): [string, string, string] => [`2025-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, `长期服务第${i + 1}次`, '1']);
    await credit(t.fx.person.volunteer2!.id, many);
    const cert = await issue('volunteer2', { from: '2025-01-01', to: '2025-12-31' });
    expect(cert).toMatchObject({ serviceCount: 95, totalHours: 95 });
    const { text, pages } = pdfText(await pdf('volunteer2', cert.id));
    expect(pages).toBeGreaterThanOrEqual(3);
    for (const i of [1, 40, 41, 95]) expect(text).toContain(`长期服务第${i}次`);
    expect(text.replace(/\s/g, '')).toContain(`共${pages}页`);
    expect(text).toContain('95 小时');
  });

  it('limits the public check per caller', async () => {
    const cookie = await t.login('streetAdmin1'); // nobody else in this file checks as them
    const codes = Array.from({ length: t.config.heavyReadLimitPerMinute + 1 }, () => newCode());
    const statuses: number[] = [];
    for (const code of codes) statuses.push((await t.app.inject({ url: `/api/public/certificates/${code}`, headers: { cookie } })).statusCode);
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
