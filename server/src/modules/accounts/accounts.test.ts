import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';

describe.each(backends)('accounts on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let community1: string;
  let community2: string;
  let grid1: string;
  let otherDistrict: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    [admin, community1, community2, grid1, otherDistrict] = (await Promise.all(
      ['districtAdmin', 'communityAdmin1', 'communityAdmin2', 'gridWorker1', 'otherDistrictAdmin'].map((k) => t.login(k)),
    )) as [string, string, string, string, string];
  });
  afterAll(() => t.close());

  const req = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('lists only the accounts inside the caller’s subtree', async () => {
    const res = await req('GET', '/api/accounts?pageSize=50', community1);
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((a: { name: string }) => a.name).sort();
    expect(names).toEqual(['光明管理员', '张三', '李队长', '王网格', '赵志愿'].sort());
    expect(res.json().total).toBe(5);
  });

  it('answers 404 for an account in another community, the same as a missing one', async () => {
    const other = await req('GET', `/api/accounts/${t.fx.person.resident2!.id}`, community1);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('accounts.not_found');
    for (const [method, suffix, body] of [
      ['PATCH', '', { name: '改名' }],
      ['POST', '/status', { status: 'disabled' }],
      ['POST', '/reset-password', undefined],
      ['POST', '/reveal', { field: 'phone' }],
    ] as const) {
      const res = await req(method, `/api/accounts/${t.fx.person.resident2!.id}${suffix}`, community1, body);
      expect(res.statusCode, `${method} ${suffix}`).toBe(404);
    }
    expect((await req('GET', `/api/accounts/${t.fx.person.resident1!.id}`, otherDistrict)).statusCode).toBe(404);
  });

  it('masks phone and ID number for staff in lists; staff see real names', async () => {
    const res = await req('GET', `/api/accounts/${t.fx.person.resident1!.id}`, grid1);
    expect(res.json()).toMatchObject({ name: '张三', phone: '139****0008', idNumber: '110101********1237' });
  });

  it('reveals a full phone to a grid worker and audits it; the ID number needs a community admin', async () => {
    const phone = await req('POST', `/api/accounts/${t.fx.person.resident1!.id}/reveal`, grid1, { field: 'phone' });
    expect(phone.json()).toEqual({ value: '13900000008' });
    const idDenied = await req('POST', `/api/accounts/${t.fx.person.resident1!.id}/reveal`, grid1, { field: 'idNumber' });
    expect(idDenied.statusCode).toBe(403);
    const id = await req('POST', `/api/accounts/${t.fx.person.resident1!.id}/reveal`, community1, { field: 'idNumber' });
    expect(id.json()).toEqual({ value: '110101199001011237' });
    const audit = await req('GET', `/api/audit?action=pii.reveal&objectId=${t.fx.person.resident1!.id}`, admin);
    expect(audit.json().items.map((i: { details: { field: string } }) => i.details.field).sort()).toEqual(['idNumber', 'phone']);
  });

  it('residents, volunteers and team leaders cannot list people', async () => {
    for (const who of ['resident1', 'volunteer1', 'teamLeader1']) {
      const res = await req('GET', '/api/accounts', await t.login(who));
      expect(res.statusCode, who).toBe(403);
    }
  });

  it('creates an account with a temporary password that must be changed at first login', async () => {
    const res = await req('POST', '/api/accounts', community1, {
      phone: '13655556666',
      name: '周网格',
      roles: ['gridWorker'],
      regionId: t.fx.region.G1!.id,
      idNumber: '11010119850510001X',
    });
    expect(res.statusCode).toBe(201);
    const { account, temporaryPassword } = res.json();
    expect(account).toMatchObject({ name: '周网格', mustChangePassword: true, idNumber: '110101********001X' });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '13655556666', password: temporaryPassword } });
    const cookie = `lx_session=${login.cookies.find((c) => c.name === 'lx_session')!.value}`;
    const blocked = await req('GET', '/api/regions/scope', cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.must_change_password');
    await req('POST', '/api/auth/password', cookie, { currentPassword: temporaryPassword, newPassword: 'Grid#Worker2026' });
    expect((await req('GET', '/api/regions/scope', cookie)).statusCode).toBe(200);
  });

  it('stores ID numbers encrypted and finds them by keyed digest', async () => {
    const [row] = await queryRows<{ id_number_enc: string; id_number_hmac: string }>(
      t.database.db,
      sql`SELECT id_number_enc, id_number_hmac FROM accounts WHERE phone = '13900000008'`,
    );
    expect(row!.id_number_enc).toMatch(/^v1:/);
    expect(row!.id_number_enc).not.toContain('110101199001011237');
    expect(row!.id_number_hmac).toMatch(/^[0-9a-f]{64}$/);
    const found = await req('GET', '/api/accounts?q=110101199001011237', community1);
    expect(found.json().items.map((a: { name: string }) => a.name)).toEqual(['张三']);
  });

  it('a community admin cannot grant a street-admin role nor bind someone outside their community', async () => {
    const role = await req('POST', '/api/accounts', community1, { phone: '13655550001', name: '越权', roles: ['streetAdmin'], regionId: t.fx.region.C1!.id });
    expect(role.statusCode).toBe(403);
    expect(role.json()).toMatchObject({ code: 'accounts.role_not_grantable', field: 'roles' });
    const place = await req('POST', '/api/accounts', community1, { phone: '13655550002', name: '越界', roles: ['volunteer'], regionId: t.fx.region.C2!.id });
    expect(place.statusCode).toBe(404);
  });

  it('refuses a malformed ID number with its field named', async () => {
    const res = await req('POST', '/api/accounts', community1, { phone: '13655550003', name: '错号', roles: ['resident'], regionId: t.fx.region.B1!.id, idNumber: '110101199001011234' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'accounts.invalid_id_number', field: 'idNumber' });
  });

  it('disabling an account ends all its sessions at once', async () => {
    const victim = await t.login('resident2');
    expect((await req('GET', '/api/auth/me', victim)).statusCode).toBe(200);
    const res = await req('POST', `/api/accounts/${t.fx.person.resident2!.id}/status`, community2, { status: 'disabled' });
    expect(res.statusCode).toBe(200);
    expect((await req('GET', '/api/auth/me', victim)).statusCode).toBe(401);
    const relogin = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: t.fx.person.resident2!.phone, password: 'Lianxin@2026' } });
    expect(relogin.json().code).toBe('auth.disabled');
    await req('POST', `/api/accounts/${t.fx.person.resident2!.id}/status`, community2, { status: 'active' });
  });

  it('a community admin cannot reset a street admin’s password even when bound above', async () => {
    const res = await req('POST', `/api/accounts/${t.fx.person.streetAdmin1!.id}/reset-password`, community1);
    expect(res.statusCode).toBe(404); // the street admin hangs above C1: out of scope
    const peer = await req('POST', `/api/accounts/${t.fx.person.districtAdmin!.id}/reset-password`, await t.login('streetAdmin1'));
    expect(peer.statusCode).toBe(404);
  });

  it('a password reset forces a change and logs the user out', async () => {
    const victim = await t.login('teamLeader1');
    const res = await req('POST', `/api/accounts/${t.fx.person.teamLeader1!.id}/reset-password`, community1);
    expect(res.statusCode).toBe(200);
    expect(res.json().temporaryPassword).toMatch(/^Lx/);
    expect((await req('GET', '/api/auth/me', victim)).statusCode).toBe(401);
  });
});
