import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleActivity, signups } from '../../test/activities-helpers.js';
import { addVolunteers } from '../../test/fixtures.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';

/*
 * 接龙 under load, through the real HTTP server (a listening socket, concurrent fetches), on PGlite
 * and on PostgreSQL: capacity is never exceeded and the waitlist is numbered without gaps or
 * duplicates, whatever the interleaving; cancellations move it up in order.
 */
describe.each(backends)('racing for an activity’s seats on %s', (backend) => {
  let t: TestApp;
  let base: string;
  let admin: string;
  const people: { id: string; cookie: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp(backend);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const volunteers = await addVolunteers(t.database.db, t.fx.region.B1!, 200, '1371');
    for (const v of volunteers) people.push({ id: v.id, cookie: await t.loginPhone(v.phone) });
    admin = await t.login('communityAdmin1');
  }, 240_000);
  afterAll(() => t.close());

  const post = (cookie: string, url: string) =>
    fetch(`${base}${url}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' }).then(async (r) => ({ status: r.status, body: (await r.json()) as { status?: string; position?: number | null; code?: string } }));

  it('200 volunteers sign up at once for 30 seats: exactly 30 signed, 170 waiting at places 1..170; cancellations move the first ones up in order', async () => {
    const { first } = await scheduleActivity(t, admin, { capacity: 30 });
    const url = `/api/activities/${first.id}/signup`;
    const replies = await Promise.all(people.map((p) => post(p.cookie, url)));
    expect(replies.every((r) => r.status === 200), JSON.stringify(replies.filter((r) => r.status !== 200).slice(0, 3))).toBe(true);
    expect(replies.filter((r) => r.body.status === 'signed')).toHaveLength(30);
    const told = replies.filter((r) => r.body.status === 'waitlisted').map((r) => r.body.position!);
    expect(told.sort((a, b) => a - b)).toEqual(Array.from({ length: 170 }, (_, i) => i + 1));

    const list = await signups(t, admin, first.id);
    expect(list.filter((s) => s.status === 'signed')).toHaveLength(30);
    const waiting = list.filter((s) => s.status === 'waitlisted');
    expect(waiting.map((s) => s.position)).toEqual(Array.from({ length: 170 }, (_, i) => i + 1));
    const detail = (await t.app.inject({ url: `/api/activities/${first.id}`, headers: { cookie: admin } })).json();
    expect(detail).toMatchObject({ signedCount: 30, waitlistCount: 170 });

    // 10 seated people withdraw at once: the first 10 waiting take their seats, in order
    const cookieOf = new Map(people.map((p) => [p.id, p.cookie]));
    const leaving = list.filter((s) => s.status === 'signed').slice(0, 10);
    const out = await Promise.all(leaving.map((s) => post(cookieOf.get(s.accountId)!, `/api/activities/${first.id}/withdraw`)));
    expect(out.every((r) => r.status === 200)).toBe(true);
    const after = await signups(t, admin, first.id);
    const seated = new Set(after.filter((s) => s.status === 'signed').map((s) => s.accountId));
    expect(seated.size).toBe(30);
    expect(waiting.slice(0, 10).every((s) => seated.has(s.accountId))).toBe(true);
    expect(after.filter((s) => s.status === 'waitlisted').map((s) => [s.accountId, s.position])).toEqual(waiting.slice(10).map((s, i) => [s.accountId, i + 1]));
    // and the waiting people themselves see their new places
    const last = waiting.at(-1)!;
    expect((await t.app.inject({ url: `/api/activities/${first.id}`, headers: { cookie: cookieOf.get(last.accountId)! } })).json().me).toMatchObject({ status: 'waitlisted', position: 160 });
  }, 120_000);
});
