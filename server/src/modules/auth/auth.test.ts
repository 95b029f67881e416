import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { registration } from '../../test/registration.js';

describe.each(backends)('auth on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { loginMaxFailures: 3 });
  });
  afterAll(() => t.close());

  it('logs in with phone and password and answers who I am', async () => {
    const cookie = await t.login('communityAdmin1');
    const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.account.name).toBe('光明管理员');
    expect(me.account.phone).toBe('13900000003'); // one's own phone is not masked
    expect(me.scope.regionName).toBe('光明社区');
    // the levels of their path, from the district down (one statement for any depth)
    expect(me.scope.path.map((l: { type: string; name: string }) => `${l.type}:${l.name}`)).toEqual(['district:测试区', 'street:东街道', 'community:光明社区']);
    expect(me.permissions).toContain('accounts.manage');
  });

  it('sets an httpOnly SameSite session cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '13900000003', password: 'Lianxin@2026' } });
    const cookie = res.cookies.find((c) => c.name === 'lx_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
  });

  it('answers 401 without a session and for a forged cookie', async () => {
    expect((await t.app.inject({ url: '/api/auth/me' })).statusCode).toBe(401);
    const forged = `lx_session=${t.fx.region.D!.districtId}.bogus`;
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: forged } })).statusCode).toBe(401);
  });

  it('ends the session on logout, on the server', async () => {
    const cookie = await t.login('resident1');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('locks a phone after repeated failures, even with the right password afterwards', async () => {
    const phone = t.fx.person.resident2!.phone;
    for (let i = 0; i < 2; i++) {
      const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, password: 'Wrong#Pass1' } });
      expect(bad.statusCode).toBe(401);
      expect(bad.json().code).toBe('auth.invalid_credentials');
    }
    const third = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, password: 'Wrong#Pass1' }, headers: { 'accept-language': 'en' } });
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('auth.locked');
    expect(third.json().message).toMatch(/locked for \d+ minutes/);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, password: 'Lianxin@2026' } });
    expect(right.statusCode).toBe(429);
  });

  it('answers an unknown phone exactly like a wrong password', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '13700000000', password: 'Whatever#1' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.invalid_credentials');
  });

  it('changes the password, refuses a weak one and ends other sessions', async () => {
    const first = await t.login('volunteer1');
    const second = await t.login('volunteer1');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: first },
      payload: { currentPassword: 'Lianxin@2026', newPassword: 'abc' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'auth.password_too_short', field: 'newPassword' });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: first },
      payload: { currentPassword: 'Lianxin@2026', newPassword: 'Better#Pass2027' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: first } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: second } })).statusCode).toBe(401);
    await t.login('volunteer1', 'Better#Pass2027');
  });

  it('rejects unknown body fields instead of assigning them', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { phone: '13900000003', password: 'Lianxin@2026', roles: ['districtAdmin'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation.additional', field: 'roles' });
  });

  it('lets a resident register by phone into a community and log in; ticking volunteer files an application', async () => {
    const payload = { phone: '13811112222', password: 'Home#Sweet2026', name: '孙新', regionId: t.fx.region.B2!.id, volunteer: true };
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: await registration(t, payload) });
    expect(res.statusCode).toBe(202);
    expect(res.cookies).toEqual([]);
    const cookie = await t.loginPhone('13811112222', 'Home#Sweet2026');
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json().account.roles).toEqual(['resident']);
    const application = await t.app.inject({ url: '/api/volunteers/me', headers: { cookie } });
    expect(application.json()).toMatchObject({ registered: true, volunteer: { status: 'applied' } });
    expect(me.json().scope.regionName).toBe('和平1号楼');
  });

  it('refuses a registration at a street: people live in a community, grid or building', async () => {
    const payload = { phone: '13811116666', password: 'Home#Sweet2026', name: '孙新', regionId: t.fx.region.S1!.id };
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...payload, smsCode: '123456', privacyVersion: '2026-12-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'accounts.register_region', field: 'regionId' });
  });
});
