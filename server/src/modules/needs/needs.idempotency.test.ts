import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { categoryId } from '../../test/needs-helpers.js';

/*
 * A phone that typed a need offline sends it again until it hears back: the client's idempotency key
 * makes every repeat answer the one need the first attempt made. Through the real HTTP server, all at
 * once, on both backends (PGlite runs one statement at a time; PostgreSQL really races).
 */
describe.each(backends)('submitting a need with an idempotency key on %s', (backend) => {
  let t: TestApp;
  let base: string;
  let resident: string;
  let body: Record<string, unknown>;

  beforeAll(async () => {
    t = await createTestApp(backend);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    resident = await t.login('resident1');
    body = { kind: 'serviceRequest', categoryId: await categoryId(t, resident, 'elderly.haircut'), title: '老人需要上门理发', description: '家中老人行动不便。', regionId: t.fx.region.B1!.id };
  }, 120_000);
  afterAll(() => t.close());

  const post = (cookie: string, payload: object) =>
    fetch(`${base}/api/needs`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(payload) }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id?: string; code?: string } }));

  async function needsWithTitle(title: string) {
    const res = await t.app.inject({ url: `/api/needs?view=mine&q=${encodeURIComponent(title)}&pageSize=50`, headers: { cookie: resident } });
    return (res.json() as { total: number }).total;
  }

  it('the same key sent 20 times at once makes one need, and every answer is that need', async () => {
    const title = `同一次提交 ${crypto.randomUUID().slice(0, 6)}`;
    const payload = { ...body, title, idempotencyKey: crypto.randomUUID() };
    const results = await Promise.all(Array.from({ length: 20 }, () => post(resident, payload)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await needsWithTitle(title)).toBe(1);
  });

  it('a repeat later still answers the first need; a new key makes a new one', async () => {
    const title = `重发 ${crypto.randomUUID().slice(0, 6)}`;
    const key = crypto.randomUUID();
    const first = await post(resident, { ...body, title, idempotencyKey: key });
    const again = await post(resident, { ...body, title, idempotencyKey: key });
    const other = await post(resident, { ...body, title, idempotencyKey: crypto.randomUUID() });
    expect(again.body.id).toBe(first.body.id);
    expect(other.body.id).not.toBe(first.body.id);
    expect(await needsWithTitle(title)).toBe(2);
  });

  it("someone else's key is refused rather than answering their need", async () => {
    const key = crypto.randomUUID();
    expect((await post(resident, { ...body, idempotencyKey: key })).status).toBe(201);
    const neighbour = await t.login('resident2');
    const res = await post(neighbour, { ...body, idempotencyKey: key });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('needs.idempotency_key_taken');
  });
});
