import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVolunteers } from '../../test/fixtures.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, categoryId, postNeed, uploadPhoto } from '../../test/needs-helpers.js';
import { needEvents, needFollowers } from './needs.table.js';

/*
 * The exploit chain found when the product was probed (issue 12, findings 1, 2 and 5): a resident
 * listed other communities' open needs through "similar", followed them, and then read them in full;
 * a community admin merged their own need into another community's; a former assignee kept the
 * requester's phone in their task list.
 */
describe.each(backends)('needs scope on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  let elsewhere: { id: string; number: string };
  let elsewherePublic: { id: string };
  let nearbyPublic: { id: string };
  let nearbyPrivate: { id: string };

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['resident1', 'resident2', 'communityAdmin1', 'communityAdmin2', 'volunteer1']) c[k] = await t.login(k);
    // a private and a public need in 和平社区 (C2), and a public and a private one next door in 光明社区 (C1)
    elsewhere = await postNeed(t, c.resident2!, { regionId: t.fx.region.B2!.id, title: '和平社区的私事', address: '和平1号楼' });
    elsewherePublic = await postNeed(t, c.resident2!, { regionId: t.fx.region.B2!.id, title: '和平社区的公开需求', isPublic: true });
    const [neighbour] = await addVolunteers(t.database.db, t.fx.region.B1!, 1, '1361');
    const neighbourCookie = await t.loginPhone(neighbour!.phone);
    nearbyPublic = await postNeed(t, neighbourCookie, { title: '邻居的公开需求', isPublic: true });
    nearbyPrivate = await postNeed(t, neighbourCookie, { title: '邻居的私事' });
  });
  afterAll(() => t.close());

  const similar = async (who: string, regionId: string) => {
    const res = await t.app.inject({ url: `/api/needs/similar?categoryId=${await categoryId(t, c[who]!, 'elderly.haircut')}&regionId=${regionId}`, headers: { cookie: c[who]! } });
    expect(res.statusCode).toBe(200);
    return (res.json() as { id: string }[]).map((n) => n.id);
  };

  it('"similar" never lists another community’s needs, public or not', async () => {
    const found = await similar('resident1', t.fx.region.B2!.id);
    expect(found).not.toContain(elsewhere.id);
    expect(found).not.toContain(elsewherePublic.id);
  });

  it('"similar" offers in the resident’s own community only needs whose requester allowed public display', async () => {
    const found = await similar('resident1', t.fx.region.B1!.id);
    expect(found).toContain(nearbyPublic.id);
    expect(found).not.toContain(nearbyPrivate.id);
  });

  it('following a need out of reach is a 404 and writes nothing; so is reading it afterwards', async () => {
    for (const id of [elsewhere.id, nearbyPrivate.id]) {
      const follow = await t.app.inject({ method: 'POST', url: `/api/needs/${id}/follow`, headers: { cookie: c.resident1! }, payload: {} });
      expect(follow.statusCode).toBe(404);
      expect((await t.app.inject({ url: `/api/needs/${id}`, headers: { cookie: c.resident1! } })).statusCode).toBe(404);
    }
    const rows = await t.database.db.select().from(needFollowers).where(eq(needFollowers.accountId, t.fx.person.resident1!.id));
    expect(rows).toEqual([]);
  });

  it('a follower of a public need sees its story but not the requester’s answers, contacts or staff notes', async () => {
    await act(t, c.communityAdmin1!, nearbyPublic.id, 'accept', { note: '内部备注：独居老人，注意安全' });
    const follow = await t.app.inject({ method: 'POST', url: `/api/needs/${nearbyPublic.id}/follow`, headers: { cookie: c.resident1! }, payload: {} });
    expect(follow.statusCode).toBe(200);
    const detail = (await t.app.inject({ url: `/api/needs/${nearbyPublic.id}`, headers: { cookie: c.resident1! } })).json();
    expect(detail.status).toBe('accepted');
    expect(detail.requesterPhone).toBeNull();
    expect(detail.address).toBeNull();
    expect(detail.answers).toEqual({});
    expect(JSON.stringify(detail.timeline)).not.toContain('内部备注');
  });

  it('merge refuses a target outside the admin’s scope even when they follow it, and writes nothing', async () => {
    const own = await postNeed(t, c.resident1!, { title: '光明社区重复需求' });
    // the follow row the old code let anyone write
    await t.database.db.insert(needFollowers).values({ districtId: t.fx.person.communityAdmin1!.districtId, needId: elsewhere.id, accountId: t.fx.person.communityAdmin1!.id });
    const res = await act(t, c.communityAdmin1!, own.id, 'merge', { targetId: elsewhere.id });
    expect(res.statusCode).toBe(404);
    const followers = await t.database.db.select().from(needFollowers).where(eq(needFollowers.needId, elsewhere.id));
    expect(followers.map((f) => f.accountId)).toEqual([t.fx.person.communityAdmin1!.id]);
    const mine = (await t.app.inject({ url: `/api/needs/${own.id}`, headers: { cookie: c.communityAdmin1! } })).json();
    expect(mine.status).toBe('submitted');
  });

  it('a merge inside scope is written on both timelines, and the duplicate’s requester follows the survivor', async () => {
    const survivor = await postNeed(t, c.resident1!, { title: '幸存需求' });
    const [other] = await addVolunteers(t.database.db, t.fx.region.B1!, 1, '1362');
    const duplicate = await postNeed(t, await t.loginPhone(other!.phone), { title: '重复需求' });
    const res = await act(t, c.communityAdmin1!, duplicate.id, 'merge', { targetId: survivor.id, note: '与 幸存需求 重复' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('merged');
    const events = await t.database.db.select().from(needEvents).where(and(eq(needEvents.needId, survivor.id)));
    expect(events.map((e) => e.action)).toEqual(['submit', 'mergeIn']);
    expect(events[1]).toMatchObject({ seq: 2, fromStatus: 'submitted', toStatus: 'submitted', actorRole: 'communityAdmin', data: { mergedFrom: duplicate.number, followers: 1 } });
    const followers = await t.database.db.select().from(needFollowers).where(eq(needFollowers.needId, survivor.id));
    expect(followers.map((f) => f.accountId)).toEqual([other!.id]);
  });

  it('a former assignee keeps the task in their list, without the requester’s phone or address', async () => {
    const need = await postNeed(t, c.resident1!, { title: '重办后换人' });
    await act(t, c.communityAdmin1!, need.id, 'accept');
    await act(t, c.communityAdmin1!, need.id, 'pool');
    expect((await act(t, c.volunteer1!, need.id, 'grab')).statusCode).toBe(200);
    const tasks = async () => (await t.app.inject({ url: '/api/needs?view=tasks', headers: { cookie: c.volunteer1! } })).json().items.find((n: { id: string }) => n.id === need.id);
    expect((await tasks()).requesterPhone).toBe(t.fx.person.resident1!.phone);
    await act(t, c.volunteer1!, need.id, 'check-in');
    const photo = (await uploadPhoto(t, c.volunteer1!)).json().id as string;
    expect((await act(t, c.volunteer1!, need.id, 'complete', { summary: '已理发', photos: [photo] })).statusCode).toBe(200);
    expect((await act(t, c.resident1!, need.id, 'rate', { rating: 1, solved: false })).json().status).toBe('reopened');
    const after = await tasks();
    expect(after).toBeDefined();
    expect(after.requesterPhone).toBeNull();
    expect(after.address).toBeNull();
    const detail = (await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: c.volunteer1! } })).json();
    expect(detail.requesterPhone).toBe(after.requesterPhone);
  });
});

describe('smaller input holes (issue 12, finding 9)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    admin = await t.login('communityAdmin1');
  });
  afterAll(() => t.close());

  it('bulk dispatch without a team is one 400 naming teamId, and nothing changes', async () => {
    const need = await postNeed(t, await t.login('resident1'));
    await act(t, admin, need.id, 'accept');
    const res = await t.app.inject({ method: 'POST', url: '/api/needs/bulk', headers: { cookie: admin, 'accept-language': 'en' }, payload: { ids: [need.id], action: 'dispatch' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'needs.team_required', field: 'teamId' });
    expect((await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: admin } })).json().status).toBe('accepted');
  });

  it('an answer under a key that is no question key (too long, odd characters) is refused, naming it', async () => {
    const cookie = await t.login('resident1');
    const long = 'k'.repeat(41);
    const res = await t.app.inject({
      method: 'POST', url: '/api/needs', headers: { cookie },
      payload: { kind: 'serviceRequest', categoryId: await categoryId(t, cookie, 'elderly.haircut'), title: '理发', description: '上门理发', regionId: t.fx.region.B1!.id, answers: { [long]: 'x' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(`answers.${long}`);
  });
});
