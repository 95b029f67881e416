import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';

/* 接口推送 for the district admin: registration with its guards, the secret shown once, the log, and who may touch a webhook. */
describe.each(backends)('webhooks on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let hookId: string;
  let secret: string;

  beforeAll(async () => {
    // the production default: no private addresses
    t = await createTestApp(backend);
    admin = await t.login('districtAdmin');
  });
  afterAll(() => t.close());

  const post = (payload: object, cookie = admin) => t.app.inject({ method: 'POST', url: '/api/webhooks', headers: { cookie }, payload });

  it('a district admin registers a webhook; the secret is in that answer only, and the act is audited', async () => {
    const res = await post({ url: 'https://hooks.example.com/lianxin', description: '区数据中台', events: ['needs.*', 'needs.accept'] });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json();
    expect(made).toMatchObject({ url: 'https://hooks.example.com/lianxin', description: '区数据中台', events: ['needs.*', 'needs.accept'], enabled: true, consecutiveFailures: 0, disabledReason: null });
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    hookId = made.id;
    secret = made.secret;
    const one = await t.app.inject({ url: `/api/webhooks/${hookId}`, headers: { cookie: admin } });
    const list = await t.app.inject({ url: '/api/webhooks', headers: { cookie: admin } });
    for (const body of [one.body, list.body]) {
      expect(body).not.toContain(secret);
      expect(body).not.toContain('"secret"');
    }
    expect(list.json().map((w: { id: string }) => w.id)).toEqual([hookId]);
    const audit = await t.app.inject({ url: '/api/audit?action=webhooks.create', headers: { cookie: admin } });
    expect(audit.json().items).toHaveLength(1);
    expect(JSON.stringify(audit.json())).not.toContain(secret);
  });

  it('the secret is stored encrypted', async () => {
    const rows = await queryRows<{ secret_enc: string }>(t.database.db, sql`SELECT secret_enc FROM webhooks`);
    expect(rows).toHaveLength(1);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(secret);
    expect(text).toContain('v1:');
  });

  it('refuses other schemes, credentials in the address and private or loopback hosts, naming the field', async () => {
    const cases: [string, string][] = [
      ['ftp://hooks.example.com/x', 'webhooks.url_invalid'],
      ['javascript:alert(1)', 'webhooks.url_invalid'],
      ['not a url', 'webhooks.url_invalid'],
      ['https://user:pass@hooks.example.com/x', 'webhooks.url_credentials'],
      ['http://127.0.0.1:8080/x', 'webhooks.url_private'],
      ['http://2130706433/x', 'webhooks.url_private'],
      ['http://10.0.0.5/x', 'webhooks.url_private'],
      ['http://192.168.1.10/x', 'webhooks.url_private'],
      ['http://169.254.169.254/latest/meta-data', 'webhooks.url_private'],
      ['http://[::1]/x', 'webhooks.url_private'],
      ['http://localhost:3000/x', 'webhooks.url_private'],
      ['http://intranet/x', 'webhooks.url_private'],
    ];
    for (const [url, code] of cases) {
      const res = await post({ url, events: ['*'] });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ code, field: 'url' });
    }
    const en = await t.app.inject({ method: 'POST', url: '/api/webhooks', headers: { cookie: admin, 'accept-language': 'en' }, payload: { url: 'http://10.0.0.5/', events: ['*'] } });
    expect(en.json().message).toContain('private');
    // a change of address is checked the same way
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/webhooks/${hookId}`, headers: { cookie: admin }, payload: { url: 'http://127.0.0.1/' } });
    expect(patch.json()).toMatchObject({ code: 'webhooks.url_private', field: 'url' });
  });

  it('refuses event types that do not exist, naming them; lists those that do', async () => {
    const res = await post({ url: 'https://hooks.example.com/x', events: ['needs.accept', 'needs.explode', 'ledger.*'] });
    expect(res.json()).toMatchObject({ code: 'webhooks.event_unknown', field: 'events' });
    expect(res.json().message).toContain('needs.explode, ledger.*');
    const types = (await t.app.inject({ url: '/api/webhooks/event-types', headers: { cookie: admin } })).json();
    expect(types.types).toEqual(expect.arrayContaining(['needs.submit', 'needs.accept', 'needs.dispatch', 'needs.close']));
    expect(types.wildcards).toEqual(['*', 'needs.*']);
  });

  it('edits address, events and the switch; rotation answers a new secret once', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/webhooks/${hookId}`, headers: { cookie: admin }, payload: { url: 'https://hooks.example.com/v2', events: ['needs.close'], enabled: false, description: '' } });
    expect(res.json()).toMatchObject({ url: 'https://hooks.example.com/v2', events: ['needs.close'], enabled: false, description: '' });
    const rotated = await t.app.inject({ method: 'POST', url: `/api/webhooks/${hookId}/rotate-secret`, headers: { cookie: admin } });
    expect(rotated.json().secret).toMatch(/^whsec_/);
    expect(rotated.json().secret).not.toBe(secret);
    const audit = await t.app.inject({ url: `/api/audit?objectId=${hookId}`, headers: { cookie: admin } });
    expect(audit.json().items.map((e: { action: string }) => e.action).sort()).toEqual(['webhooks.create', 'webhooks.rotate_secret', 'webhooks.update']);
  });

  it('a test event is refused while the webhook is off, and queued for it when on: its delivery is in the log, waiting', async () => {
    const off = await t.app.inject({ method: 'POST', url: `/api/webhooks/${hookId}/test`, headers: { cookie: admin } });
    expect(off.statusCode).toBe(409);
    expect(off.json().code).toBe('webhooks.disabled');
    await t.app.inject({ method: 'PATCH', url: `/api/webhooks/${hookId}`, headers: { cookie: admin }, payload: { enabled: true } });
    const sent = await t.app.inject({ method: 'POST', url: `/api/webhooks/${hookId}/test`, headers: { cookie: admin } });
    expect(sent.statusCode).toBe(202);
    const log = (await t.app.inject({ url: `/api/webhooks/${hookId}/deliveries`, headers: { cookie: admin } })).json();
    expect(log.items).toMatchObject([{ id: sent.json().deliveryId, eventId: sent.json().eventId, eventType: 'webhooks.test', state: 'pending', attempts: 0, responseStatus: null }]);
    expect(new Date(log.items[0].nextAttemptAt).getTime()).toBeLessThanOrEqual(t.clock.now().getTime());
    // a delivery that has not failed cannot be redelivered
    const early = await t.app.inject({ method: 'POST', url: `/api/webhook-deliveries/${sent.json().deliveryId}/redeliver`, headers: { cookie: admin } });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('webhooks.not_redeliverable');
  });

  it('the district’s retry policy has defaults and can be changed within bounds', async () => {
    expect((await t.app.inject({ url: '/api/webhooks/settings', headers: { cookie: admin } })).json()).toEqual({ maxAttempts: 8, disableAfterFailures: 5 });
    const bad = await t.app.inject({ method: 'PUT', url: '/api/webhooks/settings', headers: { cookie: admin }, payload: { maxAttempts: 0, disableAfterFailures: 5 } });
    expect(bad.json()).toMatchObject({ code: 'validation.minimum', field: 'maxAttempts' });
  });

  it('another district’s admin neither sees nor touches the webhook; other staff may not call the API at all', async () => {
    const other = await t.login('otherDistrictAdmin');
    expect((await t.app.inject({ url: '/api/webhooks', headers: { cookie: other } })).json()).toEqual([]);
    const deliveryId = (await t.app.inject({ url: `/api/webhooks/${hookId}/deliveries`, headers: { cookie: admin } })).json().items[0].id;
    const calls: [string, string, object?][] = [
      ['GET', `/api/webhooks/${hookId}`],
      ['PATCH', `/api/webhooks/${hookId}`, { enabled: false }],
      ['DELETE', `/api/webhooks/${hookId}`],
      ['POST', `/api/webhooks/${hookId}/rotate-secret`],
      ['POST', `/api/webhooks/${hookId}/test`],
      ['GET', `/api/webhooks/${hookId}/deliveries`],
      ['POST', `/api/webhook-deliveries/${deliveryId}/redeliver`],
    ];
    for (const [method, url, payload] of calls) {
      const res = await t.app.inject({ method: method as 'GET', url, headers: { cookie: other }, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    for (const who of ['streetAdmin1', 'communityAdmin1', 'resident1']) {
      const res = await t.app.inject({ url: '/api/webhooks', headers: { cookie: await t.login(who) } });
      expect(res.statusCode, who).toBe(403);
    }
    expect((await t.app.inject({ url: `/api/webhooks/${hookId}`, headers: { cookie: admin } })).json().enabled).toBe(true);
  });

  it('deleting removes the webhook and its log', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: `/api/webhooks/${hookId}`, headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/webhooks/${hookId}`, headers: { cookie: admin } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/webhooks', headers: { cookie: admin } })).json()).toEqual([]);
    // the queued test delivery finds nothing to send and ends quietly
    await t.app.services.jobs.runDue();
  });
});
