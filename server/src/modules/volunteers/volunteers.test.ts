import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { registration } from '../../test/registration.js';

type Detail = { id: string; number: string | null; status: string; statusReason: string | null; name: string; phone: string; idNumber: string | null; stars: number; verifiedHours: number; communityName: string; canDecide: boolean };
type Mine = { registered: boolean; volunteer: Detail | null; card: { number: string; verifyCode: string; stars: number } | null; nextStarAt: number | null };

const application = { politicalStatus: 'party', inService: true, workUnit: '县税务局', skills: ['理发', '陪诊'], availability: [{ weekday: 6, from: '08:30', to: '11:30' }], serviceRadiusM: 1500, gender: 'female', birthYear: 1980 };

describe.each(backends)('volunteer registry on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  let phoneSeq = 0;

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['districtAdmin', 'communityAdmin1', 'communityAdmin2', 'gridWorker1', 'resident1', 'resident2', 'volunteer1']) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: c[who] ?? who } });
  const post = (who: string, url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: { cookie: c[who] ?? who }, payload });
  /** A new resident of building B1 (community C1), registered the public way; answers their cookie and id. */
  const newResident = async (volunteer = false) => {
    const phone = `1360000${String(++phoneSeq).padStart(4, '0')}`;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: await registration(t, { phone, password: 'Volunteer#2026', name: `新居民${phoneSeq}`, regionId: t.fx.region.B1!.id, volunteer }) });
    expect(res.statusCode, res.body).toBe(202);
    const cookie = await t.loginPhone(phone, 'Volunteer#2026');
    const me = (await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).json() as { account: { id: string; roles: string[] } };
    return { cookie, id: me.account.id, roles: me.account.roles };
  };
  const roles = async (cookie: string) => ((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).json() as { account: { roles: string[] } }).account.roles;

  it('registering "as a volunteer" is an application for the community, not the role', async () => {
    const r = await newResident(true);
    expect(r.roles).not.toContain('volunteer');
    const mine = (await get(r.cookie, '/api/volunteers/me')).json() as Mine;
    expect(mine).toMatchObject({ registered: true, card: null, volunteer: { status: 'applied', number: null, communityName: '光明社区' } });
    await t.app.services.events.deliverDue();
    const inbox = (await get('communityAdmin1', '/api/inbox?pageSize=50')).json().items as { type: string; subject: { id: string } }[];
    expect(inbox.some((m) => m.type === 'volunteers.applied' && m.subject.id === r.id)).toBe(true);
    const list = (await get('communityAdmin1', '/api/volunteers?status=applied&pageSize=100')).json();
    expect(list.items.map((v: { id: string }) => v.id)).toContain(r.id);
  });

  it('refuses a bad application, naming the field, and writes nothing', async () => {
    const r = await newResident();
    const cases: [object, string][] = [
      [{ ...application, politicalStatus: 'masses' }, 'inService'],
      [{ ...application, workUnit: ' ' }, 'workUnit'],
      [{ ...application, availability: [{ weekday: 2, from: '18:00', to: '09:00' }] }, 'availability'],
      [{ ...application, idNumber: '110101199001011234' }, 'idNumber'], // wrong check digit
      [{ ...application, idNumber: '11010119850510001X' }, 'idNumber'], // volunteer1's
      [{ ...application, serviceRadiusM: 5 }, 'serviceRadiusM'],
    ];
    for (const [body, field] of cases) {
      const res = await post(r.cookie, '/api/volunteers/apply', body);
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(JSON.stringify(res.json())).toContain(field);
    }
    expect(((await get(r.cookie, '/api/volunteers/me')).json() as Mine).registered).toBe(false);
  });

  it('applies → approved with a number, the role and a card whose QR code verifies publicly', async () => {
    const r = await newResident();
    const applied = await post(r.cookie, '/api/volunteers/apply', { ...application, idNumber: '11010519491231002X' });
    expect(applied.statusCode, applied.body).toBe(200);
    expect((applied.json() as Mine).volunteer).toMatchObject({ status: 'applied', idNumber: '110105********002X' });
    // another community's admin does not see it: 404 like missing
    expect((await get('communityAdmin2', `/api/volunteers/${r.id}`)).statusCode).toBe(404);
    expect((await post('communityAdmin2', `/api/volunteers/${r.id}/approve`)).statusCode).toBe(404);
    // a grid worker reads but does not decide
    expect((await get('gridWorker1', `/api/volunteers/${r.id}`)).statusCode).toBe(200);
    expect((await post('gridWorker1', `/api/volunteers/${r.id}/approve`)).statusCode).toBe(403);
    const approved = await post('communityAdmin1', `/api/volunteers/${r.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().number).toMatch(/^LX\d{6}$/);
    expect(await roles(r.cookie)).toContain('volunteer');
    expect((await get(r.cookie, '/api/needs?view=pool')).statusCode).toBe(200);
    // approving twice is refused, and the number stays
    expect((await post('communityAdmin1', `/api/volunteers/${r.id}/approve`)).statusCode).toBe(409);
    const mine = (await get(r.cookie, '/api/volunteers/me')).json() as Mine;
    expect(mine.card).toMatchObject({ number: approved.json().number, stars: 0 });
    expect(mine.nextStarAt).toBe(100);
    const card = (await t.app.inject({ url: `/api/public/volunteer-cards/${mine.card!.verifyCode}` })).json();
    expect(card).toMatchObject({ valid: true, number: mine.card!.number, status: 'active', communityName: '光明社区' });
    expect(card.name).toMatch(/^新\*+$/);
    const forged = mine.card!.verifyCode.replace(/.$/, (ch) => (ch === '0' ? '1' : '0'));
    expect((await t.app.inject({ url: `/api/public/volunteer-cards/${forged}` })).json()).toMatchObject({ valid: false, number: null });
  });

  it('suspends with a reason the volunteer sees (the role goes at once), reinstates, and lets them leave and return with the same number', async () => {
    const r = await newResident();
    await post(r.cookie, '/api/volunteers/apply', application);
    const number = (await post('communityAdmin1', `/api/volunteers/${r.id}/approve`)).json().number as string;
    expect((await post('communityAdmin1', `/api/volunteers/${r.id}/suspend`, {})).statusCode).toBe(400);
    const suspended = await post('communityAdmin1', `/api/volunteers/${r.id}/suspend`, { reason: '多次爽约' });
    expect(suspended.json()).toMatchObject({ status: 'suspended', statusReason: '多次爽约' });
    expect(await roles(r.cookie)).not.toContain('volunteer');
    expect((await get(r.cookie, '/api/needs?view=pool')).statusCode).toBe(403);
    expect(((await get(r.cookie, '/api/volunteers/me')).json() as Mine).volunteer).toMatchObject({ status: 'suspended', statusReason: '多次爽约' });
    expect((await post('communityAdmin1', `/api/volunteers/${r.id}/reinstate`, {})).json()).toMatchObject({ status: 'active', statusReason: null });
    expect(await roles(r.cookie)).toContain('volunteer');
    expect((await post(r.cookie, '/api/volunteers/me/leave', {})).json()).toMatchObject({ volunteer: { status: 'left' } });
    expect(await roles(r.cookie)).not.toContain('volunteer');
    await post(r.cookie, '/api/volunteers/apply', application);
    expect((await post('communityAdmin1', `/api/volunteers/${r.id}/approve`)).json()).toMatchObject({ status: 'active', number });
    const audit = await queryRows<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE object_id = ${r.id} AND action LIKE 'volunteers.%' ORDER BY at`);
    expect(audit.map((a) => a.action)).toEqual(['volunteers.apply', 'volunteers.approve', 'volunteers.suspend', 'volunteers.reinstate', 'volunteers.leave', 'volunteers.reapply', 'volunteers.approve']);
  });

  it('approves in bulk what is pending in scope, and numbers concurrent approvals without a gap or a repeat', async () => {
    const pending = await Promise.all(Array.from({ length: 4 }, () => newResident(true)));
    const other = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: await registration(t, { phone: '13600009999', password: 'Volunteer#2026', name: '和平居民', regionId: t.fx.region.B2!.id, volunteer: true }) });
    expect(other.statusCode).toBe(202);
    const [otherId] = (await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM accounts WHERE phone = '13600009999'`)).map((r) => r.id);
    const bulk = await post('communityAdmin1', '/api/volunteers/approve', { ids: [pending[0]!.id, pending[1]!.id, t.fx.person.volunteer1!.id, otherId] });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json().approved).toHaveLength(2);
    expect(bulk.json().skipped).toEqual(expect.arrayContaining([{ id: t.fx.person.volunteer1!.id, reason: 'wrong_status' }, { id: otherId, reason: 'not_found' }]));
    // two admins approving at once
    const admins = ['communityAdmin1', 'districtAdmin'];
    const raced = await Promise.all(pending.slice(2).map((p, i) => post(admins[i]!, `/api/volunteers/${p.id}/approve`)));
    expect(raced.map((r) => r.statusCode)).toEqual([200, 200]);
    const numbers = (await queryRows<{ number: string }>(t.database.db, sql`SELECT number FROM volunteers WHERE number LIKE 'LX%' AND district_id = ${t.fx.region.D!.districtId} ORDER BY number`)).map((r) => Number(r.number.slice(2)));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('credits verified hours once per source, and lists, filters and exports by stars and hours', async () => {
    const districtId = t.fx.region.D!.districtId;
    const volunteerId = t.fx.person.volunteer1!.id;
    const activityId = crypto.randomUUID();
    for (let i = 0; i < 2; i++) {
      await t.database.db.transaction((tx) =>
        t.app.services.events.publish(tx, districtId, { type: 'activities.hoursApproved', subjectType: 'activity', subjectId: activityId, actorId: null, payload: { activityId, accountId: volunteerId, hours: '120.50', servedOn: '2026-11-28', title: '主题党日：清扫楼道' } }),
      );
    }
    await t.app.services.events.deliverDue();
    const detail = (await get('communityAdmin1', `/api/volunteers/${volunteerId}`)).json();
    expect(detail).toMatchObject({ verifiedHours: 120.5, stars: 1, recentServices: [{ source: 'activity', title: '主题党日：清扫楼道', hours: 120.5, servedOn: '2026-11-28' }] });
    const starred = (await get('communityAdmin1', '/api/volunteers?minStars=1')).json();
    expect(starred.items.map((v: { id: string }) => v.id)).toEqual([volunteerId]);
    expect((await get('communityAdmin1', '/api/volunteers?maxHours=100&status=active')).json().items.map((v: { id: string }) => v.id)).not.toContain(volunteerId);
    expect((await get('communityAdmin1', '/api/volunteers?q=赵志愿')).json().items).toHaveLength(1);
    expect((await get('communityAdmin1', '/api/volunteers?skill=不存在的技能')).json().total).toBe(0);
    const xlsx = await get('communityAdmin1', '/api/volunteers/export?minStars=1');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.arrayContaining(['赵志愿', '139****0007', '在册', '★']));
    // 住址 is the full place, as the needs export names it, not just the building
    expect(rows[1]![10]).toBe('东街道 › 光明社区 › 光明一网格 › 光明1号楼');
  });

  it('keeps the number prefix per district, changed by its admin only', async () => {
    expect((await t.app.inject({ method: 'PUT', url: '/api/volunteers/settings', headers: { cookie: c.communityAdmin1! }, payload: { numberPrefix: 'JN', yearlyMinimumHours: 12 } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: '/api/volunteers/settings', headers: { cookie: c.districtAdmin! }, payload: { numberPrefix: 'jn', yearlyMinimumHours: 12 } })).statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'PUT', url: '/api/volunteers/settings', headers: { cookie: c.districtAdmin! }, payload: { numberPrefix: 'JN', yearlyMinimumHours: 12 } });
    expect(ok.json()).toEqual({ numberPrefix: 'JN', yearlyMinimumHours: 12 });
    const r = await newResident(true);
    expect((await post('communityAdmin1', `/api/volunteers/${r.id}/approve`)).json().number).toMatch(/^JN\d{6}$/);
  });
});
