import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { registration } from '../../test/registration.js';
import { PASSWORD } from '../../test/fixtures.js';

const CHOSEN = 'Home#Sweet2026';

type Outbound = { district_id: string; channel: string; recipient_enc: string; template: string; params: unknown; status: string };

function helpers(t: () => TestApp) {
  const register = async (phone: string, opts: { ip?: string; password?: string; name?: string } = {}) =>
    t().app.inject({
      method: 'POST',
      url: '/api/auth/register',
      remoteAddress: opts.ip ?? '198.51.100.7',
      payload: await registration(t(), { phone, password: opts.password ?? CHOSEN, name: opts.name ?? '孙新', regionId: t().fx.region.B2!.id }, opts.ip ?? '198.51.100.7'),
    });
  const login = (phone: string, password: string, ip = '198.51.100.7') =>
    t().app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { phone, password } });
  const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t().database.db, query))[0]!.n;
  const accountsWith = (phone: string) => count(sql`SELECT count(*)::int AS n FROM accounts WHERE phone = ${phone}`);
  const outbound = () => queryRows<Outbound>(t().database.db, sql`SELECT * FROM outbound_messages ORDER BY created_at`);
  return { register, login, accountsWith, outbound, count };
}

describe.each(backends)('registration on %s', (backend) => {
  let t: TestApp;
  const { register, login, accountsWith, outbound, count } = helpers(() => t);
  beforeAll(async () => {
    t = await createTestApp(backend, { loginMaxFailures: 3 });
  });
  afterAll(() => t.close());

  it('answers a new phone and an already registered one identically, and neither gets a session', async () => {
    const fresh = await register('13811112222');
    const taken = await register(t.fx.person.communityAdmin1!.phone);
    expect(fresh.statusCode).toBe(202);
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.body).toBe(fresh.body);
    expect(fresh.cookies).toEqual([]);
    expect(taken.cookies).toEqual([]);
  });

  it('a new resident then logs in with the password they chose', async () => {
    const res = await register('13811113333');
    expect(res.statusCode).toBe(202);
    const me = await login('13811113333', CHOSEN);
    expect(me.statusCode).toBe(200);
    expect(me.json().account).toMatchObject({ name: '孙新', roles: ['resident'] });
  });

  it('creates nothing for a registered phone and queues a message to its owner instead', async () => {
    const owner = t.fx.person.resident2!;
    const before = (await outbound()).length;
    const res = await register(owner.phone, { name: '冒名者', password: 'Other#Pass2026' });
    expect(res.statusCode).toBe(202);
    expect(await accountsWith(owner.phone)).toBe(1);
    expect((await login(owner.phone, PASSWORD, '192.0.2.1')).json().account.name).toBe('钱四');
    expect((await login(owner.phone, 'Other#Pass2026', '192.0.2.1')).statusCode).toBe(401);
    const messages = await outbound();
    expect(messages).toHaveLength(before + 1);
    const message = messages.at(-1)!;
    expect(message).toMatchObject({ district_id: owner.districtId, channel: 'sms', template: 'auth.register_existing', status: 'pending' });
    // deliverable later, but never readable in the table itself
    expect(t.app.deps.crypto.decrypt(message.recipient_enc)).toBe(owner.phone);
    expect(JSON.stringify(message)).not.toContain(owner.phone);
  });

  it('tells the owner at most once an hour however often someone tries (no SMS bombing)', async () => {
    const owner = t.fx.person.volunteer1!;
    for (let i = 0; i < 4; i++) expect((await register(owner.phone, { ip: `198.51.100.${20 + i}` })).statusCode).toBe(202);
    const key = t.app.deps.crypto.digest(owner.phone);
    expect(await count(sql`SELECT count(*)::int AS n FROM outbound_messages WHERE recipient_key = ${key}`)).toBe(1);
  });

  it('audits the attempt on the owner’s account, with the phone masked and the source address', async () => {
    const owner = t.fx.person.gridWorker1!;
    await register(owner.phone, { ip: '203.0.113.44' });
    const admin = await t.login('districtAdmin');
    const res = await t.app.inject({ url: `/api/audit?action=accounts.register_existing&objectId=${owner.id}`, headers: { cookie: admin } });
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({ actorId: null, ip: '203.0.113.44', objectType: 'account', details: { phone: '139****0005' } });
  });

  it('checks the password rules the same way whether or not the phone is taken', async () => {
    const fresh = await register('13811114444', { password: 'abc' });
    const taken = await register(t.fx.person.resident1!.phone, { password: 'abc' });
    expect(fresh.statusCode).toBe(400);
    expect(taken.body).toBe(fresh.body);
    expect(await accountsWith('13811114444')).toBe(0);
  });

  it('registering while the phone is locked from this address writes nothing, and a retry after the lock works', async () => {
    const phone = '13811115555';
    const ip = '198.51.100.77';
    for (let i = 0; i < 3; i++) await login(phone, 'Wrong#Pass1', ip);
    const locked = await register(phone, { ip });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.locked');
    expect(await accountsWith(phone)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM phone_directory WHERE phone = ${phone}`)).toBe(0);
    await t.database.db.execute(sql`UPDATE login_throttle SET locked_until = now() - interval '1 second'`);
    t.clock.advance(61_000); // a new code may be asked a minute after the last
    const retry = await register(phone, { ip });
    expect(retry.statusCode).toBe(202);
    expect(await accountsWith(phone)).toBe(1);
    expect((await login(phone, CHOSEN, ip)).statusCode).toBe(200);
  });
});

describe.runIf(backends.includes('postgres'))('registration race on postgres', () => {
  let t: TestApp;
  const { accountsWith, count } = helpers(() => t);
  beforeAll(async () => {
    t = await createTestApp('postgres');
  });
  afterAll(() => t.close());

  it('twenty concurrent registrations of one new phone with its code create exactly one account; the code is used once', async () => {
    const phone = '13822220000';
    const body = await registration(t, { phone, password: CHOSEN, name: '孙新', regionId: t.fx.region.B2!.id });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => t.app.inject({ method: 'POST', url: '/api/auth/register', remoteAddress: `198.51.100.${100 + i}`, payload: body })));
    expect(answers.filter((a) => a.statusCode === 202)).toHaveLength(1);
    // the rest hear the code is spent, which says nothing about whether the number had an account
    expect(answers.filter((a) => a.statusCode !== 202).every((a) => a.statusCode === 400 && a.json().code === 'auth.sms_code_expired')).toBe(true);
    expect(await accountsWith(phone)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM phone_directory WHERE phone = ${phone}`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'accounts.register'`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM outbound_messages`)).toBe(0);
  });
});
