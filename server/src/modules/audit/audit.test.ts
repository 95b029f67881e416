import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';

describe.each(backends)('audit log on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let community1: string;
  let community2: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    [admin, community1, community2] = (await Promise.all(['districtAdmin', 'communityAdmin1', 'communityAdmin2'].map((k) => t.login(k)))) as [string, string, string];
    // one write in each community
    await t.app.inject({ method: 'PATCH', url: `/api/accounts/${t.fx.person.resident1!.id}`, headers: { cookie: community1 }, payload: { skills: ['理发'] } });
    await t.app.inject({ method: 'PATCH', url: `/api/accounts/${t.fx.person.resident2!.id}`, headers: { cookie: community2 }, payload: { skills: ['维修'] } });
  });
  afterAll(() => t.close());

  const search = (cookie: string, query: string) => t.app.inject({ url: `/api/audit?${query}`, headers: { cookie } });

  it('records who changed what, from where', async () => {
    const res = await search(admin, `action=accounts.update&objectId=${t.fx.person.resident1!.id}`);
    expect(res.json().items[0]).toMatchObject({ actorName: '光明管理员', objectType: 'account', ip: '127.0.0.1', details: { fields: ['skills'] } });
  });

  it('shows each community admin only the entries of their own subtree', async () => {
    const mine = await search(community1, 'action=accounts.update');
    expect(mine.json().items.map((i: { objectId: string }) => i.objectId)).toEqual([t.fx.person.resident1!.id]);
    const theirs = await search(community1, `objectId=${t.fx.person.resident2!.id}`);
    expect(theirs.json().total).toBe(0);
    const district = await search(admin, 'action=accounts.update');
    expect(district.json().total).toBe(2);
  });

  it('filters by person and time', async () => {
    const byActor = await search(admin, `actorId=${t.fx.person.communityAdmin2!.id}&action=accounts.update`);
    expect(byActor.json().total).toBe(1);
    const future = await search(admin, `from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`);
    expect(future.json().total).toBe(0);
  });

  it('refuses residents and volunteers', async () => {
    expect((await search(await t.login('resident1'), '')).statusCode).toBe(403);
  });

  it('is append-only in the database itself: UPDATE and DELETE fail', async () => {
    // drizzle wraps the driver's error; the database's own message is the cause
    const reason = (e: { cause?: { message?: string }; message: string }) => e.cause?.message ?? e.message;
    const update = await t.database.db.execute(sql`UPDATE audit_log SET action = 'forged'`).catch(reason);
    expect(update).toMatch(/append-only/);
    const remove = await t.database.db.execute(sql`DELETE FROM audit_log`).catch(reason);
    expect(remove).toMatch(/append-only/);
    const res = await search(admin, 'action=forged');
    expect(res.json().total).toBe(0);
  });
});
