import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVolunteers } from '../../test/fixtures.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed } from '../../test/needs-helpers.js';

/*
 * Races through the real HTTP server (a listening socket, concurrent fetches), on PGlite and — where
 * it matters, since PGlite runs one statement at a time — on real PostgreSQL.
 */
describe.each(backends)('racing for orders on %s', (backend) => {
  let t: TestApp;
  let base: string;
  let grabbers: string[];
  let admin: string;
  let resident: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const volunteers = await addVolunteers(t.database.db, t.fx.region.B1!, 50);
    grabbers = [];
    for (const v of volunteers) grabbers.push(await t.loginPhone(v.phone));
    admin = await t.login('communityAdmin1');
    resident = await t.login('resident1');
  }, 180_000);
  afterAll(() => t.close());

  async function pooledNeed(slots: number): Promise<string> {
    const need = await postNeed(t, resident, { slots });
    await act(t, admin, need.id, 'accept');
    await act(t, admin, need.id, 'pool');
    return need.id;
  }

  const grab = (cookie: string, id: string) =>
    fetch(`${base}/api/needs/${id}/grab`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code?: string } }));

  async function detail(id: string) {
    return (await t.app.inject({ url: `/api/needs/${id}`, headers: { cookie: admin } })).json() as { version?: number; filled: number; timeline: { action: string }[]; assignments: unknown[] };
  }

  it('50 volunteers grab one 1-slot order at once: exactly one wins, 49 hear "already taken"', async () => {
    const id = await pooledNeed(1);
    const results = await Promise.all(grabbers.map((c) => grab(c, id)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const losers = results.filter((r) => r.status !== 200);
    expect(losers).toHaveLength(49);
    expect(losers.every((r) => r.status === 409 && r.body.code === 'needs.already_taken')).toBe(true);
    const d = await detail(id);
    expect(d.assignments).toHaveLength(1);
    expect(d.filled).toBe(1);
    expect(d.timeline.filter((e) => e.action === 'grab')).toHaveLength(1);
  });

  it('a grab on a full order is refused at once, even while another transaction holds the order', async () => {
    const id = await pooledNeed(1);
    expect((await grab(grabbers[0]!, id)).status).toBe(200);
    // the losers of a grab storm never queue on the order's lock (needs.access.ts lockedWhileGrabbable)
    const refusedWithin = async (ms: number) => {
      const late = new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms).unref());
      return Promise.race([grab(grabbers[1]!, id), late]);
    };
    if (backend === 'postgres') {
      // PGlite runs one transaction at a time: only a second connection can hold the lock meanwhile
      const outcome = await t.database.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT 1 FROM needs WHERE id = ${id} FOR UPDATE`);
        return refusedWithin(5_000);
      });
      expect(outcome).toEqual({ status: 409, body: expect.objectContaining({ code: 'needs.already_taken' }) });
    } else {
      expect(await refusedWithin(5_000)).toEqual({ status: 409, body: expect.objectContaining({ code: 'needs.already_taken' }) });
    }
    expect((await detail(id)).filled).toBe(1);
  });

  it('a 3-slot order with 50 grabbers is filled by exactly 3', async () => {
    const id = await pooledNeed(3);
    const results = await Promise.all(grabbers.map((c) => grab(c, id)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(47);
    const d = await detail(id);
    expect(d.assignments).toHaveLength(3);
    expect(d.timeline.filter((e) => e.action === 'grab')).toHaveLength(3);
  });

  it('one volunteer grabbing a 3-slot order five times at once holds one slot; the others hear "already yours"', async () => {
    // the grabs queue on the need's lock: each must see the slot the one before it committed
    const id = await pooledNeed(3);
    const results = await Promise.all([0, 1, 2, 3, 4].map(() => grab(grabbers[0]!, id)));
    expect(results.filter((r) => r.status === 200), JSON.stringify(results.map((r) => [r.status, r.body.code]))).toHaveLength(1);
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 409 && r.body.code === 'needs.already_yours')).toBe(true);
    const d = await detail(id);
    expect(d.assignments).toHaveLength(1);
    expect(d.filled).toBe(1);
  });

  it('one volunteer tapping grab on a 1-slot order five times at once holds it, and hears "already yours", not "taken"', async () => {
    // the last slot is theirs: the other taps find the order full, and are told it is theirs
    const id = await pooledNeed(1);
    const results = await Promise.all([0, 1, 2, 3, 4].map(() => grab(grabbers[1]!, id)));
    expect(results.filter((r) => r.status === 200), JSON.stringify(results.map((r) => [r.status, r.body.code]))).toHaveLength(1);
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 409 && r.body.code === 'needs.already_yours'), JSON.stringify(results.map((r) => [r.status, r.body.code]))).toBe(true);
    // and once more, later
    const later = await grab(grabbers[1]!, id);
    expect([later.status, later.body.code]).toEqual([409, 'needs.already_yours']);
    expect((await detail(id)).assignments).toHaveLength(1);
  });

  it('a volunteer near the open-task limit racing for 5 orders at once never exceeds it', async () => {
    // a volunteer of their own: any of the 50 grabbers may have won a slot in the races above
    const [fresh] = await addVolunteers(t.database.db, t.fx.region.B1!, 1, '1364');
    const racer = await t.loginPhone(fresh!.phone); // holds no task yet; the limit is 5
    for (let i = 0; i < 3; i++) expect((await grab(racer, await pooledNeed(1))).status).toBe(200);
    const targets = await Promise.all([1, 2, 3, 4, 5].map(() => pooledNeed(1)));
    const results = await Promise.all(targets.map((id) => grab(racer, id)));
    expect(results.filter((r) => r.status === 200), JSON.stringify(results.map((r) => [r.status, r.body.code]))).toHaveLength(2);
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 409 && r.body.code === 'needs.task_limit')).toBe(true);
    const mine = await t.app.inject({ url: '/api/needs?view=tasks&status=claimed', headers: { cookie: racer } });
    expect(mine.json().total).toBe(5);
    // at the limit: another burst wins nothing
    const more = await Promise.all([1, 2, 3].map(() => pooledNeed(1)));
    const again = await Promise.all(more.map((id) => grab(racer, id)));
    expect(again.every((r) => r.status === 409 && r.body.code === 'needs.task_limit')).toBe(true);
    // a refused grab leaves nothing: the slot, the need's fill and its timeline are as they were
    for (const id of more) {
      const d = await detail(id);
      expect([d.filled, d.assignments.length, d.timeline.map((e: { action: string }) => e.action).includes('grab')]).toEqual([0, 0, false]);
    }
  });
});
