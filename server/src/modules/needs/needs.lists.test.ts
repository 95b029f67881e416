import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVolunteers } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { act, categoryId, postNeed } from '../../test/needs-helpers.js';

describe('who sees which needs, and staff intake', () => {
  let t: TestApp;
  const c: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp('pglite');
    for (const k of ['resident1', 'resident2', 'communityAdmin1', 'gridWorker1', 'teamLeader1', 'volunteer1']) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  const list = (who: string, query: string) => t.app.inject({ url: `/api/needs?${query}`, headers: { cookie: c[who] ?? who } });

  it('a grid worker records a hotline call for a registered resident, linked by phone', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/needs',
      headers: { cookie: c.gridWorker1! },
      payload: {
        kind: 'grievance', categoryId: await categoryId(t, c.gridWorker1!, 'facilities.streetLight'), title: '路灯不亮', description: '12345 转来：小区门口路灯连续三晚不亮',
        regionId: t.fx.region.B1!.id, channel: 'hotline', requesterName: '张三', requesterPhone: '13900000008',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'hotline', severity: 'general', status: 'submitted' });
    const mine = await list('resident1', 'view=mine');
    expect(mine.json().items.map((n: { id: string }) => n.id)).toContain(res.json().id);
  });

  it('staff find a need by any part of its number, in either case', async () => {
    const need = await postNeed(t, c.resident1!, { title: '窗户漏风' });
    const [day, code] = (need.number as string).split('-');
    const found = async (q: string) => ((await list('communityAdmin1', `view=all&pageSize=100&q=${encodeURIComponent(q)}`)).json().items as { id: string }[]).map((n) => n.id);
    for (const q of [need.number as string, (need.number as string).toLowerCase(), code!, code!.toLowerCase(), day!]) expect([q, await found(q)]).toEqual([q, expect.arrayContaining([need.id])]);
    expect(await found(`${code}Z`)).toEqual([]);
  });

  it('staff entry needs a channel and a requester name', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/needs', headers: { cookie: c.gridWorker1! },
      payload: { kind: 'microWish', categoryId: await categoryId(t, c.gridWorker1!, 'children.supplies'), title: '想要书包', description: '孩子需要新书包', regionId: t.fx.region.B1!.id },
    });
    expect(res.json()).toMatchObject({ code: 'needs.channel_for_staff', field: 'channel' });
  });

  it('filters the staff list by state, category, region, channel and date', async () => {
    const need = await postNeed(t, c.resident1!, { title: '楼下垃圾堆积', categoryId: await categoryId(t, c.resident1!, 'environment.garbage'), kind: 'grievance' });
    await act(t, c.communityAdmin1!, need.id, 'accept');
    const byState = await list('communityAdmin1', 'view=all&status=accepted');
    expect(byState.json().items.every((n: { status: string }) => n.status === 'accepted')).toBe(true);
    const byTopCategory = await list('communityAdmin1', `view=all&categoryId=${await categoryId(t, c.resident1!, 'environment')}`);
    expect(byTopCategory.json().items.map((n: { id: string }) => n.id)).toEqual([need.id]);
    // each row is named by its (sub)category, looked up through the categories module
    expect(byTopCategory.json().items[0]).toMatchObject({ categoryName: '垃圾清运', categoryNameEn: 'Rubbish removal' });
    expect((await list('communityAdmin1', `view=all&regionId=${t.fx.region.G1!.id}&channel=self`)).json().total).toBeGreaterThan(0);
    expect((await list('communityAdmin1', `view=all&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).json().total).toBe(0);
    expect((await list('communityAdmin1', `view=all&regionId=${t.fx.region.C2!.id}`)).statusCode).toBe(404);
    expect((await list('communityAdmin1', 'view=all&status=nonsense')).statusCode).toBe(400);
  });

  it('the team leader’s inbox holds what was dispatched to their team', async () => {
    const need = await postNeed(t, c.resident1!, { title: '帮忙搬家具' });
    await act(t, c.communityAdmin1!, need.id, 'accept');
    await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    const inbox = await list('teamLeader1', 'view=team&status=dispatched');
    expect(inbox.json().items.map((n: { id: string }) => n.id)).toContain(need.id);
    expect(inbox.json().items[0].requesterName).toBe('张*');
    const roster = await t.app.inject({ url: `/api/teams/${t.fx.team.T1!.id}/members`, headers: { cookie: c.teamLeader1! } });
    expect(roster.json().map((m: { name: string }) => m.name).sort()).toEqual(['李队长', '赵志愿'].sort());
  });

  it('only volunteers whose service area covers the need see it in the pool', async () => {
    const need = await postNeed(t, c.resident1!, { title: '代买药品' });
    await act(t, c.communityAdmin1!, need.id, 'accept');
    await act(t, c.communityAdmin1!, need.id, 'pool');
    const near = await list('volunteer1', 'view=pool');
    expect(near.json().items.map((n: { id: string }) => n.id)).toContain(need.id);
    expect(near.json().items[0].address).toBeNull(); // the pool shows the place, not the door
    const [far] = await addVolunteers(t.database.db, t.fx.region.B2!, 1, '1366');
    const farCookie = await t.loginPhone(far!.phone);
    expect((await list(farCookie, 'view=pool')).json().items.map((n: { id: string }) => n.id)).not.toContain(need.id);
    expect((await act(t, farCookie, need.id, 'grab')).statusCode).toBe(404);
  });

  it('while typing, a resident is offered the same public open need nearby and may follow it instead', async () => {
    const cat = await categoryId(t, c.resident1!, 'safety.eBikeCharging');
    const need = await postNeed(t, c.resident1!, { title: '楼道飞线充电', categoryId: cat, kind: 'grievance', isPublic: true });
    const [neighbour] = await addVolunteers(t.database.db, t.fx.region.B1!, 1, '1363');
    c.neighbour = await t.loginPhone(neighbour!.phone);
    const similar = await t.app.inject({ url: `/api/needs/similar?categoryId=${cat}&regionId=${t.fx.region.B1!.id}`, headers: { cookie: c.neighbour } });
    expect(similar.json().map((n: { id: string }) => n.id)).toContain(need.id);
    await t.app.inject({ method: 'POST', url: `/api/needs/${need.id}/follow`, headers: { cookie: c.neighbour }, payload: {} });
    const followed = await list('neighbour', 'view=mine');
    expect(followed.json().items.map((n: { id: string }) => n.id)).toContain(need.id);
    const seen = await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: c.neighbour } });
    expect(seen.json()).toMatchObject({ requesterName: '张*', requesterPhone: null, actions: [] });
  });
});
