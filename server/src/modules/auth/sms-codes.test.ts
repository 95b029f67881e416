import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { PRIVACY_POLICY_VERSION } from '../../platform/privacy/policy.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { registration } from '../../test/registration.js';

/*
 * Registration proves the phone with an SMS code and records the privacy policy agreed to (PIPL).
 * The limits live in PostgreSQL (sms_codes), so they hold across instances.
 */
describe.each(backends)('SMS codes and consent at registration on %s', (backend) => {
  let t: TestApp;
  let seq = 0;
  const phone = () => `1371000${String(++seq).padStart(4, '0')}`;
  const body = (p: string) => ({ phone: p, password: 'Home#Sweet2026', name: '孙新', regionId: t.fx.region.B2!.id });
  const askCode = (p: string, ip = '203.0.113.5') => t.app.inject({ method: 'POST', url: '/api/auth/register/code', remoteAddress: ip, payload: { phone: p, regionId: t.fx.region.B2!.id } });
  const register = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/register', payload });
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('a registration with the code sent to the phone creates the account and records the policy version agreed to', async () => {
    const p = phone();
    expect((await register(await registration(t, body(p)))).statusCode).toBe(202);
    const [row] = await queryRows<{ privacy_version: string; privacy_agreed_at: string | null }>(t.database.db, sql`SELECT privacy_version, privacy_agreed_at FROM accounts WHERE phone = ${p}`);
    expect(row).toMatchObject({ privacy_version: PRIVACY_POLICY_VERSION });
    expect(row!.privacy_agreed_at).not.toBeNull();
  });

  it('the code is kept only as a hash, and is used up by the registration', async () => {
    const p = phone();
    const ready = await registration(t, body(p));
    const stored = await queryRows<{ code_hash: string }>(t.database.db, sql`SELECT code_hash FROM sms_codes WHERE code_hash IS NOT NULL`);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((r) => !r.code_hash.includes(ready.smsCode))).toBe(true);
    expect((await register(ready)).statusCode).toBe(202);
    const again = await register({ ...ready, phone: p });
    expect(again.json()).toMatchObject({ code: 'auth.sms_code_expired', field: 'smsCode' });
  });

  it('a wrong code is refused naming the field, and five wrong tries spend the code', async () => {
    const ready = await registration(t, body(phone()));
    for (let i = 0; i < 5; i++) expect((await register({ ...ready, smsCode: wrong(ready.smsCode) })).json()).toMatchObject({ code: 'auth.sms_code_wrong', field: 'smsCode' });
    expect((await register(ready)).json()).toMatchObject({ code: 'auth.sms_code_expired' });
  });

  it('a code is good for ten minutes', async () => {
    const ready = await registration(t, body(phone()));
    t.clock.advance(10 * 60_000 + 1000);
    expect((await register(ready)).json()).toMatchObject({ code: 'auth.sms_code_expired', field: 'smsCode' });
  });

  it('one code a minute and five an hour per phone', async () => {
    const p = phone();
    expect((await askCode(p)).statusCode).toBe(202);
    expect((await askCode(p)).json()).toMatchObject({ code: 'auth.sms_code_too_soon' });
    for (let i = 0; i < 4; i++) {
      t.clock.advance(61_000);
      expect((await askCode(p)).statusCode).toBe(202);
    }
    t.clock.advance(61_000);
    expect((await askCode(p)).statusCode).toBe(429);
    t.clock.advance(3_600_000);
    expect((await askCode(p)).statusCode).toBe(202);
  });

  it('thirty codes an hour from one address, whatever the phones', async () => {
    const ip = '198.51.100.99';
    for (let i = 0; i < 30; i++) expect((await askCode(phone(), ip)).statusCode).toBe(202);
    expect((await askCode(phone(), ip)).json()).toMatchObject({ code: 'auth.sms_code_too_soon' });
    expect((await askCode(phone(), '198.51.100.100')).statusCode).toBe(202);
  });

  it('a registration without agreeing to the current privacy policy is refused', async () => {
    const ready = await registration(t, body(phone()));
    expect((await register({ ...ready, privacyVersion: '2020-01-01' })).json()).toMatchObject({ code: 'auth.privacy_consent', field: 'privacyVersion' });
    const { privacyVersion: _v, ...without } = ready;
    expect((await register(without)).statusCode).toBe(400);
  });
});

describe('the development SMS channel in production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { production: true });
  });
  afterAll(() => t.close());

  it('refuses to print codes: no gateway, no code, a clear 503', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register/code', payload: { phone: '13710009999', regionId: t.fx.region.B2!.id } });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'notifications.sms_unavailable' });
    expect(t.app.services.notifications.codes.lastCode?.('13710009999')).toBeUndefined();
  });
});
