import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { registration } from '../../test/registration.js';

type Member = { accountId: string; name: string; hoursThisYear: number; behind: boolean; remindedToday: boolean; communityName: string };
type Detail = { id: string; name: string; memberCount: number; behindCount: number; minimumHours: number; canManage: boolean; members: Member[]; contact: { id: string } | null; communities: { id: string }[] };

const application = { politicalStatus: 'party', inService: true, skills: [], availability: [], serviceRadiusM: 1500 };

describe.each(backends)('partner units and 双报到 on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  let seq = 0;
  let unit: Detail;
  let contactCookie: string;
  const members: { id: string; cookie: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['districtAdmin', 'streetAdmin1', 'streetAdmin2', 'communityAdmin1', 'communityAdmin2', 'resident1']) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: c[who] ?? who, 'accept-language': 'en' } });
  const send = (method: 'POST' | 'PATCH' | 'PUT', who: string, url: string, payload: object = {}) => t.app.inject({ method, url, headers: { cookie: c[who] ?? who, 'accept-language': 'en' }, payload });
  const unitBody = (over: object = {}) => ({ name: `县税务局${++seq}`, type: 'organ', address: '县城人民路 1 号', communityIds: [t.fx.region.C1!.id], contact: { name: '王联络', phone: `1380000${String(seq).padStart(4, '0')}`, password: 'Partner#2026a' }, ...over });

  /** A resident of B1 (光明社区) who applies as an in-service party member of `workUnitId` and is approved. */
  const member = async (workUnitId: string) => {
    const phone = `1361000${String(++seq).padStart(4, '0')}`;
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: await registration(t, { phone, password: 'Volunteer#2026', name: `在职党员${seq}`, regionId: t.fx.region.B1!.id }) })).statusCode).toBe(202);
    const cookie = await t.loginPhone(phone, 'Volunteer#2026');
    const applied = await send('POST', cookie, '/api/volunteers/apply', { ...application, workUnitId });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().volunteer).toMatchObject({ workUnitId, workUnit: unit.name });
    const id = applied.json().volunteer.id as string;
    expect((await send('POST', 'communityAdmin1', `/api/volunteers/${id}/approve`)).statusCode).toBe(200);
    members.push({ id, cookie });
    return id;
  };
  const credit = (accountId: string, hours: string, servedOn: string) =>
    t.database.db.transaction((tx) => t.app.services.volunteers.creditService(tx, t.fx.region.D!.districtId, { accountId, source: 'activity', sourceId: crypto.randomUUID(), title: '社区服务', servedOn, hours }));

  it('a street admin registers a unit with a new contact account; the contact signs in and sees it as theirs', async () => {
    const res = await send('POST', 'streetAdmin1', '/api/partner-units', unitBody());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ type: 'organ', active: true, memberCount: 0, temporaryPassword: null, communities: [{ id: t.fx.region.C1!.id }] });
    unit = (await get('streetAdmin1', `/api/partner-units/${res.json().id}`)).json();
    expect(unit.canManage).toBe(true);
    // the contact is an account with the partner role; its first sign-in asks for a new password
    contactCookie = await t.loginPhone(`1380000${String(seq).padStart(4, '0')}`, 'Partner#2026a');
    expect((await send('POST', contactCookie, '/api/auth/password', { currentPassword: 'Partner#2026a', newPassword: 'Partner#2026b' })).statusCode).toBe(200);
    contactCookie = await t.loginPhone(`1380000${String(seq).padStart(4, '0')}`, 'Partner#2026b');
    const me = (await get(contactCookie, '/api/auth/me')).json();
    expect(me.account.roles).toEqual(['partner']);
    expect((await get(contactCookie, '/api/partner-units/mine')).json()).toEqual([{ id: unit.id, name: unit.name }]);
    expect((await get(contactCookie, `/api/partner-units/${unit.id}`)).json()).toMatchObject({ id: unit.id, canManage: false });
    // the whistles catalogue holds it as a partner unit a street can call in
    const catalogue = (await get('districtAdmin', '/api/whistle-units')).json() as { id: string; kind: string }[];
    expect(catalogue.find((u) => u.id === unit.id)?.kind).toBe('partner');
  });

  it('out of scope is 404 like missing; staff of a paired community read but do not edit', async () => {
    for (const who of ['communityAdmin2', 'streetAdmin2', 'resident1']) {
      expect((await get(who, `/api/partner-units/${unit.id}`)).statusCode, who).toBe(404);
    }
    expect((await send('PATCH', 'streetAdmin2', `/api/partner-units/${unit.id}`, { address: '别处' })).statusCode).toBe(404);
    expect((await send('PATCH', 'communityAdmin1', `/api/partner-units/${unit.id}`, { address: '别处' })).statusCode).toBe(403);
    expect((await get('communityAdmin1', `/api/partner-units/${unit.id}`)).json().canManage).toBe(false);
    expect((await get('communityAdmin2', '/api/partner-units')).json().items.map((u: { id: string }) => u.id)).not.toContain(unit.id);
    const listed = (await get('communityAdmin1', '/api/partner-units?type=organ')).json();
    expect(listed.items.map((u: { id: string }) => u.id)).toContain(unit.id);
    expect((await get('communityAdmin1', '/api/partner-units?type=soe')).json().items.map((u: { id: string }) => u.id)).not.toContain(unit.id);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = (await get('districtAdmin', '/api/partner-units')).json().total as number;
    const cases: [object, string, number][] = [
      [unitBody({ communityIds: [t.fx.region.C3!.id] }), 'communityIds', 400], // another street's community
      [unitBody({ communityIds: [t.fx.region.B1!.id] }), 'communityIds', 400], // not a community
      [unitBody({ contact: undefined }), 'contact', 400],
      [unitBody({ type: 'club' }), 'type', 400],
      [unitBody({ name: ' ' }), 'name', 400],
      [unitBody({ contact: { name: '李', phone: '12345' } }), 'contact.phone', 400],
      [unitBody({ name: unit.name, contactAccountId: unit.contact!.id, contact: undefined }), 'name', 409],
    ];
    for (const [body, field, status] of cases) {
      const res = await send('POST', 'streetAdmin1', '/api/partner-units', body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(status);
      expect(res.json().field, res.body).toBe(field);
    }
    expect((await get('districtAdmin', '/api/partner-units')).json().total).toBe(before);
    const edit = await send('PATCH', 'streetAdmin1', `/api/partner-units/${unit.id}`, { communityIds: [] });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().field).toBe('communityIds');
  });

  it('an in-service party member chooses a registered unit; a retired or unknown one names workUnitId', async () => {
    const phone = `1361000${String(++seq).padStart(4, '0')}`;
    await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: await registration(t, { phone, password: 'Volunteer#2026', name: `申请人${seq}`, regionId: t.fx.region.B1!.id }) });
    const cookie = await t.loginPhone(phone, 'Volunteer#2026');
    expect((await get(cookie, '/api/partner-units/options')).json()).toContainEqual({ id: unit.id, name: unit.name });
    const bad = await send('POST', cookie, '/api/volunteers/apply', { ...application, workUnitId: crypto.randomUUID() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('workUnitId');
    // free text stays for a unit not registered
    const free = await send('POST', cookie, '/api/volunteers/apply', { ...application, workUnit: '外县某单位' });
    expect(free.json().volunteer).toMatchObject({ workUnit: '外县某单位', workUnitId: null });
  });

  it('the unit page lists its members with their verified hours this year, and who is below the minimum', async () => {
    const a = await member(unit.id);
    const b = await member(unit.id);
    const year = Number(new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
    await credit(a, '12', `${year}-03-01`);
    await credit(b, '3.5', `${year}-04-01`);
    await credit(b, '40', `${year - 1}-06-01`); // last year does not count
    const page = (await get(contactCookie, `/api/partner-units/${unit.id}`)).json() as Detail;
    expect(page).toMatchObject({ memberCount: 2, behindCount: 1, minimumHours: 10 });
    expect(page.members.map((m) => [m.accountId, m.hoursThisYear, m.behind])).toEqual([
      [b, 3.5, true],
      [a, 12, false],
    ]);
    // the district's setting decides who is behind
    expect((await send('PUT', 'districtAdmin', '/api/volunteers/settings', { numberPrefix: 'LX', yearlyMinimumHours: 15 })).statusCode).toBe(200);
    expect((await get('communityAdmin1', `/api/partner-units/behind?regionId=${t.fx.region.C1!.id}`)).json().items.map((m: Member) => m.accountId).sort()).toEqual([a, b].sort());
    expect((await get(contactCookie, `/api/partner-units/behind?unitId=${unit.id}`)).json()).toMatchObject({ minimumHours: 15, items: [{ accountId: b }, { accountId: a }] });
    expect((await send('PUT', 'districtAdmin', '/api/volunteers/settings', { numberPrefix: 'LX', yearlyMinimumHours: 10 })).statusCode).toBe(200);
    // another community's admin sees none of them; the contact may not list an area
    expect((await get('communityAdmin2', '/api/partner-units/behind')).json().items).toEqual([]);
    expect((await get('communityAdmin2', `/api/partner-units/behind?regionId=${t.fx.region.C1!.id}`)).statusCode).toBe(404);
    expect((await get(contactCookie, '/api/partner-units/behind')).statusCode).toBe(404);
    // 双报到 counts per community and unit
    const counts = (await get('communityAdmin1', '/api/partner-units/report-counts')).json().rows as { unitId: string | null; members: number }[];
    expect(counts.find((r) => r.unitId === unit.id)?.members).toBe(2);
    expect((await get('districtAdmin', '/api/partner-units')).json().items.find((u: { id: string }) => u.id === unit.id)).toMatchObject({ memberCount: 2, behindCount: 1 });
  });

  it('"remind now": staff over the member, once a day per person, audited; not for one who reached the minimum', async () => {
    const [a, b] = members.map((m) => m.id);
    expect((await send('POST', 'communityAdmin2', `/api/partner-units/members/${b}/remind`)).statusCode).toBe(404);
    expect((await send('POST', 'communityAdmin1', `/api/partner-units/members/${a}/remind`)).json().code).toBe('partners.not_behind');
    expect((await send('POST', 'communityAdmin1', `/api/partner-units/members/${b}/remind`)).statusCode).toBe(200);
    const again = await send('POST', 'streetAdmin1', `/api/partner-units/members/${b}/remind`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('partners.reminded_today');
    expect((await get('communityAdmin1', `/api/partner-units/behind?regionId=${t.fx.region.C1!.id}`)).json().items[0]).toMatchObject({ accountId: b, remindedToday: true });
    const inbox = (await get(members[1]!.cookie, '/api/inbox')).json().items as { type: string; title: string }[];
    expect(inbox.filter((m) => m.type === 'partners.behind')).toHaveLength(1);
    t.clock.advance(24 * 3_600_000);
    expect((await send('POST', 'communityAdmin1', `/api/partner-units/members/${b}/remind`)).statusCode).toBe(200);
    expect((await get(members[1]!.cookie, '/api/inbox')).json().items.filter((m: { type: string }) => m.type === 'partners.behind')).toHaveLength(2);
    const audit = (await get('districtAdmin', `/api/audit?action=partners.remind`)).json();
    expect(audit.items.filter((e: { objectId: string }) => e.objectId === b)).toHaveLength(2);
  });

  it('the monthly sweep reminds each one behind once a month from September on, and tells the unit’s contact', async () => {
    const b = members[1]!;
    const behindMessages = async () => ((await get(b.cookie, '/api/inbox?pageSize=100')).json().items as { type: string }[]).filter((m) => m.type === 'partners.behind').length;
    const unitMessages = async () => ((await get(contactCookie, '/api/inbox?pageSize=100')).json().items as { type: string }[]).filter((m) => m.type === 'partners.unitBehind').length;
    const sweep = async () => {
      await t.app.services.jobs.runDue();
    };
    const year = Number(new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
    const before = await behindMessages();
    t.clock.set(`${year}-08-20T02:00:00Z`);
    await sweep();
    expect(await behindMessages()).toBe(before);
    t.clock.set(`${year}-09-02T02:00:00Z`);
    await sweep();
    expect(await behindMessages()).toBe(before + 1);
    expect(await unitMessages()).toBe(1);
    for (const hours of [7, 7, 7]) {
      t.clock.advance(hours * 3_600_000);
      await sweep();
    }
    expect(await behindMessages()).toBe(before + 1);
    expect(await unitMessages()).toBe(1);
    t.clock.set(`${year}-10-01T02:00:00Z`);
    await sweep();
    expect(await behindMessages()).toBe(before + 2);
    expect(await unitMessages()).toBe(2);
    // the member who reached the minimum is never reminded
    expect(((await get(members[0]!.cookie, '/api/inbox?pageSize=100')).json().items as { type: string }[]).some((m) => m.type === 'partners.behind')).toBe(false);
  });

  it('a retired unit keeps its members but is no longer offered', async () => {
    const res = await send('PATCH', 'streetAdmin1', `/api/partner-units/${unit.id}`, { active: false, type: 'institution' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ active: false, type: 'institution', memberCount: 2 });
    expect((await get('resident1', '/api/partner-units/options')).json().map((u: { id: string }) => u.id)).not.toContain(unit.id);
    expect((await get('districtAdmin', '/api/partner-units?active=false')).json().items.map((u: { id: string }) => u.id)).toContain(unit.id);
  });
});
