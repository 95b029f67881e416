import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { startReceiver } from '../../test/http-receiver.js';
import { queryRows } from '../db/client.js';

/*
 * SMS reach the configured gateway: the inbox queues a message (outbound_messages, phone encrypted)
 * and its sending job POSTs { phone, text, id } with the bearer token, retried with backoff until a
 * 2xx, failed after the last attempt. Tested against a local receiver standing in for the gateway.
 */
describe.each(backends)('the SMS gateway on %s', (backend) => {
  let t: TestApp;
  let gateway: Awaited<ReturnType<typeof startReceiver>>;
  // the gateway answers 502 twice for a phone in `flaky`, always 500 for one in `down`
  const flaky = new Set<string>();
  const down = new Set<string>();
  const tries = new Map<string, number>();

  beforeAll(async () => {
    gateway = await startReceiver(({ body }) => {
      const { phone } = JSON.parse(body) as { phone: string };
      const n = (tries.get(phone) ?? 0) + 1;
      tries.set(phone, n);
      return down.has(phone) ? 500 : flaky.has(phone) && n <= 2 ? 502 : 200;
    });
    t = await createTestApp(backend, { smsGatewayUrl: gateway.url('/sms'), smsGatewayToken: 'gw-token' });
  });
  afterAll(async () => {
    await gateway.close();
    await t.close();
  });

  const district = () => t.fx.region.D!.districtId;
  /** An overdue reminder, which goes by SMS by default, to one person. */
  const remind = (personKey: string) =>
    t.database.db.transaction((tx) =>
      t.app.services.notifications.notify(tx, district(), { key: `sms:${crypto.randomUUID()}`, type: 'deadline.overdue', recipients: [t.fx.person[personKey]!.id], subject: { type: 'need', id: crypto.randomUUID(), label: 'XQ-SMS-1' }, params: { needTitle: '上门理发' } }),
    );
  const messages = () => queryRows<{ id: string; status: string; recipient_enc: string; sent_at: string | null; last_error: string | null }>(t.database.db, sql`SELECT * FROM outbound_messages ORDER BY created_at`);
  const sentTo = (phone: string) => gateway.received.filter((r) => JSON.parse(r.body).phone === phone);

  it('a queued SMS is posted to the gateway with the phone, the text and its id, and marked sent', async () => {
    await remind('teamLeader1');
    await t.app.services.jobs.runDue();
    const phone = t.fx.person.teamLeader1!.phone;
    const [got] = sentTo(phone);
    expect(got).toBeDefined();
    expect(got!.headers.authorization).toBe('Bearer gw-token');
    expect(got!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(got!.body);
    expect(body.text).toBe('【连心】「上门理发」（XQ-SMS-1）已超过办理时限，请立即办理。');
    const [row] = (await messages()).filter((m) => m.id === body.id);
    expect(row).toMatchObject({ status: 'sent', last_error: null });
    expect(row!.sent_at).not.toBeNull();
    // the number is kept encrypted; it was decrypted for the call only
    expect(JSON.stringify(await messages())).not.toContain(phone);
    // sent once: running the jobs again sends nothing more
    await t.app.services.jobs.runDue();
    expect(sentTo(phone)).toHaveLength(1);
  });

  it('a gateway that fails twice gets the message on the third try', async () => {
    const phone = t.fx.person.volunteer1!.phone;
    flaky.add(phone);
    await remind('volunteer1');
    await t.app.services.jobs.runDue();
    const id = JSON.parse(sentTo(phone)[0]!.body).id as string;
    const row = async () => (await messages()).find((m) => m.id === id)!;
    expect(await row()).toMatchObject({ status: 'pending', last_error: 'HTTP 502' });
    t.clock.advance(6_000);
    await t.app.services.jobs.runDue();
    t.clock.advance(11_000);
    await t.app.services.jobs.runDue();
    expect(sentTo(phone)).toHaveLength(3);
    expect(new Set(sentTo(phone).map((r) => JSON.parse(r.body).id))).toEqual(new Set([id]));
    expect(await row()).toMatchObject({ status: 'sent', last_error: null });
  });

  it('a gateway that always fails leaves the message failed after the last attempt', async () => {
    const phone = t.fx.person.resident2!.phone;
    down.add(phone);
    await remind('resident2');
    for (let i = 0; i < 8; i++) {
      await t.app.services.jobs.runDue();
      t.clock.advance(10 * 60_000);
    }
    // six attempts, then no more
    expect(sentTo(phone)).toHaveLength(6);
    const id = JSON.parse(sentTo(phone)[0]!.body).id as string;
    expect((await messages()).find((m) => m.id === id)).toMatchObject({ status: 'failed', last_error: 'HTTP 500' });
  });
});

