import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { eventDeliveries } from '../../platform/events/events.table.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { startReceiver } from '../../test/http-receiver.js';
import { act, postNeed } from '../../test/needs-helpers.js';

/*
 * Webhook deliveries against a local HTTP receiver (private addresses allowed, as on an intranet):
 * signed with the secret shown once, retried with backoff until a 2xx, failed after the last
 * attempt, the webhook switched off after failed deliveries in a row, exactly one delivery per
 * webhook and event.
 */
describe.each(backends)('webhook deliveries on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let resident: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  // /flaky fails twice per delivery, then answers 200; /down always 503 until `downFixed`
  let downFixed = false;

  beforeAll(async () => {
    t = await createTestApp(backend, { webhooksAllowPrivate: true });
    receiver = await startReceiver(({ path }, nth) => {
      if (path === '/flaky') return nth <= 2 ? 500 : 200;
      if (path === '/down') return downFixed ? 204 : 503;
      return 200;
    });
    admin = await t.login('districtAdmin');
    resident = await t.login('resident1');
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const create = async (body: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/webhooks', headers: { cookie: admin }, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; secret: string };
  };
  const log = async (id: string, state?: string) => {
    const res = await t.app.inject({ url: `/api/webhooks/${id}/deliveries?pageSize=200${state ? `&state=${state}` : ''}`, headers: { cookie: admin } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { id: string; eventId: string; eventType: string; state: string; attempts: number; responseStatus: number | null; durationMs: number | null; lastError: string | null; nextAttemptAt: string | null }[];
  };
  /** Hands out the domain events, then runs the jobs that are due. */
  const work = async () => {
    await t.app.services.events.deliverDue();
    await t.app.services.jobs.runDue();
  };
  const webhook = async (id: string) => (await t.app.inject({ url: `/api/webhooks/${id}`, headers: { cookie: admin } })).json();

  it('a delivery is signed with the secret shown at creation; the receiver verifies it over the raw body', async () => {
    const hook = await create({ url: receiver.url('/ok'), description: '数据中台', events: ['needs.submit'] });
    const need = await postNeed(t, resident);
    // the clock runs (it is the wall clock, movable): the delivery is stamped between these two seconds
    const before = Math.floor(t.clock.now().getTime() / 1000);
    await work();
    const after = Math.floor(t.clock.now().getTime() / 1000);
    const [got] = receiver.at('/ok');
    expect(got).toBeDefined();
    const timestamp = got!.headers['x-lianxin-timestamp'] as string;
    const expected = `sha256=${crypto.createHmac('sha256', hook.secret).update(`${timestamp}.${got!.body}`).digest('hex')}`;
    expect(got!.headers['x-lianxin-signature']).toBe(expected);
    expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
    expect(Number(timestamp)).toBeLessThanOrEqual(after);
    expect(got!.headers['content-type']).toBe('application/json');
    expect(got!.headers['x-lianxin-event']).toBe('needs.submit');
    const body = JSON.parse(got!.body);
    expect(body).toMatchObject({ type: 'needs.submit', districtId: t.fx.region.D!.districtId, subject: { type: 'need', id: need.id }, data: { number: need.number, to: 'submitted' } });
    // no phone number or ID number travels
    expect(got!.body).not.toMatch(/1390000000\d|110101199001011237/);
    const [delivery] = await log(hook.id);
    expect(got!.headers['x-lianxin-delivery']).toBe(delivery!.id);
    expect(delivery).toMatchObject({ eventId: body.id, state: 'succeeded', attempts: 1, responseStatus: 200, lastError: null, nextAttemptAt: null });
    expect(delivery!.durationMs).toBeGreaterThanOrEqual(0);
    // a forged body does not verify with the secret
    const forged = crypto.createHmac('sha256', hook.secret).update(`${timestamp}.${got!.body.replace('submitted', 'closed')}`).digest('hex');
    expect(got!.headers['x-lianxin-signature']).not.toBe(`sha256=${forged}`);
    await t.app.inject({ method: 'PATCH', url: `/api/webhooks/${hook.id}`, headers: { cookie: admin }, payload: { enabled: false } });
  });

  it('after a rotation deliveries are signed with the new secret only', async () => {
    const hook = await create({ url: receiver.url('/rotated'), events: ['needs.*'] });
    const rotated = await t.app.inject({ method: 'POST', url: `/api/webhooks/${hook.id}/rotate-secret`, headers: { cookie: admin } });
    const { secret } = rotated.json() as { secret: string };
    expect(secret).not.toBe(hook.secret);
    expect((await t.app.inject({ method: 'POST', url: `/api/webhooks/${hook.id}/test`, headers: { cookie: admin } })).statusCode).toBe(202);
    await work();
    const [got] = receiver.at('/rotated');
    const ts = got!.headers['x-lianxin-timestamp'];
    const sign = (key: string) => `sha256=${crypto.createHmac('sha256', key).update(`${ts}.${got!.body}`).digest('hex')}`;
    expect(got!.headers['x-lianxin-signature']).toBe(sign(secret));
    expect(got!.headers['x-lianxin-signature']).not.toBe(sign(hook.secret));
    expect(JSON.parse(got!.body)).toMatchObject({ type: 'webhooks.test', subject: { type: 'webhook', id: hook.id }, data: { test: true } });
    await t.app.inject({ method: 'DELETE', url: `/api/webhooks/${hook.id}`, headers: { cookie: admin } });
  });

  it('a receiver that fails twice gets the event on the third try, after the backoff', async () => {
    const hook = await create({ url: receiver.url('/flaky'), events: ['needs.accept'] });
    const need = await postNeed(t, resident);
    expect((await act(t, await t.login('communityAdmin1'), need.id, 'accept')).statusCode).toBe(200);
    await work();
    let [d] = await log(hook.id);
    expect(d).toMatchObject({ eventType: 'needs.accept', state: 'retrying', attempts: 1, responseStatus: 500, lastError: 'HTTP 500' });
    expect(new Date(d!.nextAttemptAt!).getTime()).toBeGreaterThan(t.clock.now().getTime());
    // not due yet: nothing is sent
    await t.app.services.jobs.runDue();
    expect(receiver.at('/flaky')).toHaveLength(1);
    t.clock.advance(6_000);
    await t.app.services.jobs.runDue();
    [d] = await log(hook.id);
    expect(d).toMatchObject({ state: 'retrying', attempts: 2 });
    t.clock.advance(11_000);
    await t.app.services.jobs.runDue();
    [d] = await log(hook.id);
    expect(d).toMatchObject({ state: 'succeeded', attempts: 3, responseStatus: 200, lastError: null, nextAttemptAt: null });
    // every try carried the same delivery id and body: the receiver can tell it is one event
    const tries = receiver.at('/flaky');
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((r) => r.headers['x-lianxin-delivery']))).toEqual(new Set([d!.id]));
    expect(new Set(tries.map((r) => r.body)).size).toBe(1);
    expect((await webhook(hook.id)).consecutiveFailures).toBe(0);
    await t.app.inject({ method: 'DELETE', url: `/api/webhooks/${hook.id}`, headers: { cookie: admin } });
  });

  it('a receiver that always fails: deliveries end failed, the webhook is switched off, the admin is told; a redelivery after the fix arrives', async () => {
    const saved = await t.app.inject({ method: 'PUT', url: '/api/webhooks/settings', headers: { cookie: admin }, payload: { maxAttempts: 2, disableAfterFailures: 3 } });
    expect(saved.json()).toEqual({ maxAttempts: 2, disableAfterFailures: 3 });
    const hook = await create({ url: receiver.url('/down'), description: '坏掉的接收方', events: ['needs.submit'] });
    for (let i = 0; i < 3; i++) await postNeed(t, resident, { title: `推送失败${i}` });
    await work();
    expect((await log(hook.id)).map((d) => d.state)).toEqual(['retrying', 'retrying', 'retrying']);
    t.clock.advance(10_000);
    await t.app.services.jobs.runDue();
    const failed = await log(hook.id, 'failed');
    expect(failed).toHaveLength(3);
    for (const d of failed) expect(d).toMatchObject({ attempts: 2, responseStatus: 503, lastError: 'HTTP 503', nextAttemptAt: null });
    expect(await webhook(hook.id)).toMatchObject({ enabled: false, disabledReason: 'failures', consecutiveFailures: 3 });
    const inbox = (await t.app.inject({ url: '/api/inbox', headers: { cookie: admin } })).json().items as { type: string; title: string; body: string; subject: { type: string; id: string; label: string } }[];
    const told = inbox.filter((m) => m.type === 'webhooks.disabled');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ title: '推送地址已自动停用', subject: { type: 'webhook', id: hook.id, label: '坏掉的接收方' } });
    expect(told[0]!.body).toContain('连续 3 次');
    const audit = await t.app.inject({ url: '/api/audit?action=webhooks.auto_disable', headers: { cookie: admin } });
    expect(audit.json().items).toHaveLength(1);
    // switched off, it gets no new deliveries, and a redelivery is refused until it is on again
    await postNeed(t, resident, { title: '停用后的需求' });
    await work();
    expect(await log(hook.id)).toHaveLength(3);
    const refused = await t.app.inject({ method: 'POST', url: `/api/webhook-deliveries/${failed[0]!.id}/redeliver`, headers: { cookie: admin } });
    expect(refused.json().code).toBe('webhooks.disabled');
    downFixed = true;
    const on = await t.app.inject({ method: 'PATCH', url: `/api/webhooks/${hook.id}`, headers: { cookie: admin }, payload: { enabled: true } });
    expect(on.json()).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
    const again = await t.app.inject({ method: 'POST', url: `/api/webhook-deliveries/${failed[0]!.id}/redeliver`, headers: { cookie: admin } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ state: 'pending', redeliveries: 1 });
    await t.app.services.jobs.runDue();
    const redelivered = (await log(hook.id)).find((d) => d.id === failed[0]!.id);
    expect(redelivered).toMatchObject({ state: 'succeeded', attempts: 3, responseStatus: 204 });
    // a delivery that succeeded is not sent again
    const twice = await t.app.inject({ method: 'POST', url: `/api/webhook-deliveries/${failed[0]!.id}/redeliver`, headers: { cookie: admin } });
    expect(twice.statusCode).toBe(409);
    await t.app.inject({ method: 'PUT', url: '/api/webhooks/settings', headers: { cookie: admin }, payload: { maxAttempts: 8, disableAfterFailures: 5 } });
    await t.app.inject({ method: 'DELETE', url: `/api/webhooks/${hook.id}`, headers: { cookie: admin } });
  });

  it('a webhook switched off by a person sends nothing more: its waiting delivery ends failed without a call, and counts no failure', async () => {
    const hook = await create({ url: receiver.url('/flaky-off'), events: ['needs.submit'] });
    await postNeed(t, resident, { title: '停用前的需求' });
    await t.app.services.events.deliverDue();
    const off = await t.app.inject({ method: 'PATCH', url: `/api/webhooks/${hook.id}`, headers: { cookie: admin }, payload: { enabled: false } });
    expect(off.json()).toMatchObject({ enabled: false, disabledReason: null });
    await t.app.services.jobs.runDue();
    expect(await log(hook.id)).toMatchObject([{ state: 'failed', attempts: 1, responseStatus: null, lastError: 'webhook switched off' }]);
    expect(receiver.at('/flaky-off')).toEqual([]);
    expect((await webhook(hook.id)).consecutiveFailures).toBe(0);
    await t.app.inject({ method: 'DELETE', url: `/api/webhooks/${hook.id}`, headers: { cookie: admin } });
  });

  it('nothing is lost and nothing doubled: every matching event has exactly one delivery, also when the event is handed out again', async () => {
    const all = await create({ url: receiver.url('/all'), events: ['*'] });
    const some = await create({ url: receiver.url('/some'), events: ['needs.accept', 'needs.reject'] });
    const staff = await t.login('communityAdmin1');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const need = await postNeed(t, resident, { title: `不丢不重${i}` });
      ids.push(need.id);
      await act(t, staff, need.id, i % 2 ? 'accept' : 'reject', i % 2 ? {} : { note: '不属于志愿服务范围' });
    }
    await work();
    const events = await queryRows<{ id: string; type: string }>(t.database.db, sql`SELECT id, type FROM domain_events WHERE subject_id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
    const countsOf = async (webhookId: string) =>
      queryRows<{ event_id: string; n: number }>(t.database.db, sql`SELECT event_id, count(*)::int AS n FROM webhook_deliveries WHERE webhook_id = ${webhookId} GROUP BY event_id`);
    const check = async () => {
      const forAll = await countsOf(all.id);
      expect(forAll.map((r) => r.event_id).sort()).toEqual(events.map((e) => e.id).sort());
      expect(forAll.every((r) => r.n === 1)).toBe(true);
      const forSome = await countsOf(some.id);
      expect(forSome.map((r) => r.event_id).sort()).toEqual(events.filter((e) => e.type !== 'needs.submit').map((e) => e.id).sort());
    };
    await check();
    expect((await log(all.id)).every((d) => d.state === 'succeeded')).toBe(true);
    expect(new Set(receiver.at('/all').map((r) => JSON.parse(r.body).id))).toEqual(new Set(events.map((e) => e.id)));
    // the outbox hands the same events to the webhooks subscriber again (as after a crash before its commit)
    const handedOut = await t.database.db
      .update(eventDeliveries)
      .set({ deliveredAt: null, nextAttemptAt: new Date(Date.now() - 1_000) })
      .where(and(eq(eventDeliveries.subscriber, 'webhooks'), sql`event_id IN (${sql.join(events.map((e) => sql`${e.id}::uuid`), sql`, `)})`))
      .returning();
    expect(handedOut).toHaveLength(events.length);
    const sent = receiver.received.length;
    await work();
    await check();
    expect(receiver.received.length).toBe(sent);
  });

  it('an event of another district reaches none of this district’s webhooks', async () => {
    const hook = await create({ url: receiver.url('/district'), events: ['*'] });
    const other = t.fx.region.X!.districtId;
    await t.database.db.transaction((tx) => t.app.services.events.publish(tx, other, { type: 'needs.submit', subjectType: 'need', subjectId: crypto.randomUUID(), actorId: null, payload: { number: 'XQ-X' } }));
    await work();
    expect(await log(hook.id)).toEqual([]);
    expect(receiver.at('/district')).toEqual([]);
  });
});
