import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { PASSWORD } from '../../test/fixtures.js';

const WRONG = 'Wrong#Pass1';

describe.each(backends)('login lockout on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { loginMaxFailures: 3, loginPhoneMaxFailures: 6 });
  });
  afterAll(() => t.close());

  const login = (phone: string, password: string, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { phone, password } });
  const unlock = (id: string, cookie: string) => t.app.inject({ method: 'POST', url: `/api/accounts/${id}/unlock`, headers: { cookie } });
  const audit = async (query: string) => {
    const res = await t.app.inject({ url: `/api/audit?${query}`, headers: { cookie: await t.login('districtAdmin') } });
    return res.json().items as { actorId: string | null; actorName: string | null; ip: string | null; objectId: string | null; regionId: string | null; details: Record<string, unknown> }[];
  };

  it('failures from one address lock only that address: the admin still logs in from their own', async () => {
    const admin = t.fx.person.communityAdmin1!.phone;
    expect((await login(admin, WRONG, '203.0.113.9')).statusCode).toBe(401);
    expect((await login(admin, WRONG, '203.0.113.9')).statusCode).toBe(401);
    const third = await login(admin, WRONG, '203.0.113.9');
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('auth.locked');
    expect((await login(admin, PASSWORD, '203.0.113.9')).statusCode).toBe(429);
    expect((await login(admin, PASSWORD, '192.0.2.10')).statusCode).toBe(200);
  });

  it('counts an IPv6 /64 as one source, so rotating addresses inside it does not dodge the lock', async () => {
    const phone = t.fx.person.teamLeader1!.phone;
    for (const ip of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2::3']) await login(phone, WRONG, ip);
    expect((await login(phone, PASSWORD, '2001:db8:1:2:ffff::9')).statusCode).toBe(429);
    expect((await login(phone, PASSWORD, '2001:db8:1:3::1')).statusCode).toBe(200);
  });

  it('guessing from many addresses slows the phone down instead of locking its owner out', async () => {
    const phone = t.fx.person.resident2!.phone;
    const home = '192.0.2.50';
    expect((await login(phone, PASSWORD, home)).statusCode).toBe(200); // the owner's usual address
    for (let i = 1; i <= 6; i++) expect((await login(phone, WRONG, `198.51.100.${i}`)).statusCode).toBe(401);
    // past the phone-wide ceiling: one guess per delay from addresses the owner never used
    expect((await login(phone, WRONG, '198.51.100.99')).statusCode).toBe(401);
    const rushed = await login(phone, PASSWORD, '198.51.100.98');
    expect(rushed.statusCode).toBe(429);
    expect(rushed.json()).toMatchObject({ code: 'auth.slow_down', details: { retryAfterSeconds: expect.any(Number) } });
    // the owner, from where they logged in before, is not held up
    expect((await login(phone, PASSWORD, home)).statusCode).toBe(200);
  });

  it('the delay doubles with each further failure past the ceiling', async () => {
    const phone = t.fx.person.volunteer1!.phone;
    for (let i = 1; i <= 6; i++) await login(phone, WRONG, `198.51.101.${i}`);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await t.database.db.execute(sql`UPDATE login_throttle SET next_attempt_at = NULL WHERE next_attempt_at IS NOT NULL`);
      await login(phone, WRONG, `198.51.101.${50 + i}`);
      waits.push((await login(phone, WRONG, '198.51.101.200')).json().details.retryAfterSeconds);
    }
    expect(waits[1]).toBeGreaterThanOrEqual(waits[0]! * 2 - 1);
    expect(waits[2]).toBeGreaterThanOrEqual(waits[1]! * 2 - 1);
  });

  it('an admin in scope unlocks a phone; other communities get 404, people without accounts.manage 403', async () => {
    const target = t.fx.person.resident1!;
    const ip = '203.0.113.20';
    for (let i = 0; i < 3; i++) await login(target.phone, WRONG, ip);
    expect((await login(target.phone, PASSWORD, ip)).statusCode).toBe(429);
    expect((await unlock(target.id, await t.login('communityAdmin2'))).statusCode).toBe(404);
    expect((await unlock(target.id, await t.login('otherDistrictAdmin'))).statusCode).toBe(404);
    expect((await unlock(target.id, await t.login('gridWorker1'))).statusCode).toBe(403);
    const done = await unlock(target.id, await t.login('communityAdmin1'));
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ wasLocked: true });
    expect((await login(target.phone, PASSWORD, ip)).statusCode).toBe(200);
  });

  it('failed logins, lockouts and unlocks are audited on the account, phone masked, with the source address', async () => {
    const target = t.fx.person.resident1!;
    const failed = await audit(`action=auth.login_failed&objectId=${target.id}`);
    expect(failed).toHaveLength(3);
    expect(failed[0]).toMatchObject({ actorId: null, ip: '203.0.113.20', details: { phone: '139****0008' } });
    const locks = await audit(`action=auth.locked&objectId=${target.id}`);
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatchObject({ actorId: null, ip: '203.0.113.20', details: { phone: '139****0008', minutes: 15 } });
    const unlocks = await audit(`action=auth.unlock&objectId=${target.id}`);
    expect(unlocks).toHaveLength(1);
    expect(unlocks[0]).toMatchObject({ actorName: '光明管理员', details: { phone: '139****0008', wasLocked: true } });
    const slowed = await audit(`action=auth.throttled&objectId=${t.fx.person.resident2!.id}`);
    expect(slowed).toHaveLength(1);
  });

  it('the entries are scoped like the account: its own community admin sees them, another community’s does not', async () => {
    const seen = async (key: string) => {
      const res = await t.app.inject({ url: '/api/audit?action=auth.login_failed', headers: { cookie: await t.login(key) } });
      return (res.json().items as { objectId: string }[]).map((i) => i.objectId);
    };
    expect(await seen('communityAdmin1')).toContain(t.fx.person.resident1!.id);
    expect(await seen('communityAdmin2')).not.toContain(t.fx.person.resident1!.id);
  });

  it('rows that hold nothing any more are swept away by later failures', async () => {
    await t.database.db.execute(sql`UPDATE login_throttle SET expires_at = now() - interval '1 minute' WHERE failures > 0 AND locked_until IS NULL`);
    const stale = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM login_throttle WHERE expires_at < now()`);
    expect(stale[0]!.n).toBeGreaterThan(5);
    await login('13700000088', WRONG, '203.0.113.31');
    const left = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM login_throttle WHERE expires_at < now()`);
    expect(left[0]!.n).toBe(0);
  });

  it('a failed login on an unknown phone is throttled like any other but written to no district’s audit log', async () => {
    const before = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log`);
    for (let i = 0; i < 3; i++) await login('13700000077', WRONG, '203.0.113.30');
    expect((await login('13700000077', WRONG, '203.0.113.30')).json().code).toBe('auth.locked');
    const after = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
