import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { addVolunteers } from '../../test/fixtures.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';

/* Racing for the places of a post through the real HTTP server (concurrent fetches), on PGlite and PostgreSQL. */
describe.each(backends)('racing for a post on %s', (backend) => {
  let t: TestApp;
  let base: string;
  let claimers: string[];
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    claimers = [];
    for (const v of await addVolunteers(t.database.db, t.fx.region.B1!, 50, '1362')) claimers.push(await t.loginPhone(v.phone));
    admin = await t.login('communityAdmin1');
  }, 180_000);
  afterAll(() => t.close());

  const claim = (cookie: string, id: string) =>
    fetch(`${base}/api/posts/${id}/claim`, { method: 'POST', headers: { cookie } }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code?: string } }));

  it('a post of quota 5 claimed by 50 volunteers at once: exactly 5 hold a place, 45 hear "full", the counter equals the claim rows', async () => {
    const types = (await t.app.inject({ url: '/api/post-types', headers: { cookie: admin } })).json() as { id: string }[];
    const made = await t.app.inject({ method: 'POST', url: '/api/posts', headers: { cookie: admin }, payload: { typeId: types[0]!.id, title: '党员责任岗', duties: '包联楼栋', quota: 5, startsOn: '2026-01-01', place: '光明社区' } });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    const results = await Promise.all(claimers.map((c) => claim(c, id)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    const losers = results.filter((r) => r.status !== 200);
    expect(losers).toHaveLength(45);
    expect(losers.every((r) => r.status === 409 && r.body.code === 'posts.full'), JSON.stringify(losers.slice(0, 3))).toBe(true);
    const [row] = await queryRows<{ claimed: number; rows: number }>(t.database.db, sql`SELECT claimed, (SELECT count(*)::int FROM post_claims WHERE post_id = ${id}) AS rows FROM posts WHERE id = ${id}`);
    expect(row).toEqual({ claimed: 5, rows: 5 });
    expect(((await t.app.inject({ url: `/api/posts/${id}/claimants`, headers: { cookie: admin } })).json() as unknown[]).length).toBe(5);
  });
  it('one volunteer claiming the same post ten times at once holds one place', async () => {
    const types = (await t.app.inject({ url: '/api/post-types', headers: { cookie: admin } })).json() as { id: string }[];
    const made = await t.app.inject({ method: 'POST', url: '/api/posts', headers: { cookie: admin }, payload: { typeId: types[0]!.id, title: '党员示范岗', duties: '带头示范', quota: 5, startsOn: '2026-01-01', place: '光明社区' } });
    const id = made.json().id as string;
    const results = await Promise.all(Array.from({ length: 10 }, () => claim(claimers[0]!, id)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'posts.already_claimed')).toBe(true);
    const [row] = await queryRows<{ claimed: number; rows: number }>(t.database.db, sql`SELECT claimed, (SELECT count(*)::int FROM post_claims WHERE post_id = ${id}) AS rows FROM posts WHERE id = ${id}`);
    expect(row).toEqual({ claimed: 1, rows: 1 });
  });
});
