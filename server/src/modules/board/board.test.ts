import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../platform/clock/clock.js';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed, uploadPhoto } from '../../test/needs-helpers.js';

type BoardItem = { id: string; number: string; title: string; stage: string; place: string[]; teamName: string | null; summary: string | null; photos: string[]; rating: number | null; onTime: boolean | null };
type BoardPage = { items: BoardItem[]; more: boolean };

describe.each(backends)('the public board (公示) on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  let district: string;
  const board = (path: string, lang = 'zh-CN') => t.app.inject({ url: `/api/public/board/${district}${path}`, headers: { 'accept-language': lang } });
  const page = async (query: string) => {
    const res = await board(`/needs?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as BoardPage;
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['districtAdmin', 'communityAdmin1', 'communityAdmin2', 'teamLeader1', 'volunteer1', 'resident1', 'otherDistrictAdmin']) c[k] = await t.login(k);
    district = t.fx.region.D!.districtId;
  });
  afterAll(() => t.close());

  /** A resident's need (consenting or not), taken through to completion with a photo and rated. */
  async function served(body: Record<string, unknown>, opts: { rate?: boolean } = {}) {
    const need = await postNeed(t, c.resident1!, body);
    await act(t, c.communityAdmin1!, need.id, 'accept', { severity: 'general' });
    await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    await act(t, c.teamLeader1!, need.id, 'take');
    await act(t, c.teamLeader1!, need.id, 'assign', { volunteerId: t.fx.person.volunteer1!.id });
    await act(t, c.volunteer1!, need.id, 'check-in', { lng: 117.55, lat: 34.86 });
    const photo = (await uploadPhoto(t, c.volunteer1!)).json() as { id: string };
    const done = await act(t, c.volunteer1!, need.id, 'complete', { summary: '已为张三老人理发，联系电话13900000008，光明1号楼2单元301室。', photos: [photo.id] });
    expect(done.statusCode, done.body).toBe(200);
    if (opts.rate) await act(t, c.resident1!, need.id, 'rate', { rating: 5, solved: true });
    return { ...need, photo: photo.id };
  }

  it('shows only consented needs past acceptance, anonymised, with the completion’s summary and photos', async () => {
    const consented = await served({ isPublic: true, title: '张三家老人需要上门理发 13900000008' }, { rate: true });
    const private_ = await served({ isPublic: false, title: '不公开的理发' });
    const submitted = await postNeed(t, c.resident1!, { isPublic: true, title: '刚提交的需求' });

    const done = await page('section=done');
    const ids = done.items.map((i) => i.id);
    expect(ids).toContain(consented.id);
    expect(ids).not.toContain(private_.id);
    const item = done.items.find((i) => i.id === consented.id)!;
    expect(item).toMatchObject({ stage: 'done', teamName: '光明志愿服务队', rating: 5, place: ['东街道', '光明社区'], photos: [consented.photo] });
    // the requester's name, phone and door never reach the board
    expect(item.title).toBe('张*家老人需要上门理发 139****0008');
    expect(item.summary).toBe('已为张*老人理发，联系电话139****0008，光明*号楼*单元***室。');
    expect(JSON.stringify(done)).not.toContain('13900000008');
    expect(JSON.stringify(done)).not.toContain('张三');

    const accepted = await page('section=accepted');
    expect(accepted.items.map((i) => i.id)).not.toContain(submitted.id);

    // the photo of the completion is served; another photo id, or a private need's, is a 404
    const photo = await board(`/needs/${consented.id}/photos/${consented.photo}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toContain('image/png');
    expect((await board(`/needs/${private_.id}/photos/${private_.photo}`)).statusCode).toBe(404);
    expect((await board(`/needs/${consented.id}/photos/${private_.photo}`)).statusCode).toBe(404);
  });

  it('the wish wall lists micro-wishes open first; the region filter keeps to a street or community of the district', async () => {
    const wish = await postNeed(t, c.resident1!, { kind: 'microWish', isPublic: true, title: '想要一套小学课外书' });
    await act(t, c.communityAdmin1!, wish.id, 'accept', { severity: 'general' });
    await act(t, c.communityAdmin1!, wish.id, 'pool');
    const realised = await served({ kind: 'microWish', isPublic: true, title: '想要一个新书包' });
    const wall = await page('section=wishes');
    const order = wall.items.map((i) => i.id);
    expect(order.indexOf(wish.id)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(wish.id)).toBeLessThan(order.indexOf(realised.id));
    expect(wall.items.find((i) => i.id === wish.id)!.stage).toBe('dispatched');
    expect(wall.items.every((i) => i.id !== realised.id || i.stage === 'done')).toBe(true);

    expect((await page(`section=wishes&regionId=${t.fx.region.C1!.id}`)).items.map((i) => i.id)).toContain(wish.id);
    expect((await page(`section=wishes&regionId=${t.fx.region.C2!.id}`)).items).toEqual([]);
    // a grid would point at the door; another district's place is not this board's
    const grid = await board(`/needs?section=wishes&regionId=${t.fx.region.G1!.id}`);
    expect(grid.statusCode).toBe(404);
    expect(grid.json()).toMatchObject({ code: 'board.region_not_found', field: 'regionId' });
    expect((await board(`/needs?section=wishes&regionId=${t.fx.region.XC!.id}`)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/public/board/${t.fx.region.C1!.id}/needs?section=done` })).json()).toMatchObject({ code: 'board.not_found' });
    const bad = await board('/needs?section=everything', 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('section');
  });

  it('the requester withdraws consent; an admin takes a need down with a reason and puts it back — on the timeline, audited', async () => {
    const need = await served({ isPublic: true, title: '公示后撤回' });
    const shown = async () => (await page('section=done&pageSize=200')).items.some((i) => i.id === need.id);
    expect(await shown()).toBe(true);

    const refuse = await t.app.inject({ method: 'PUT', url: `/api/needs/${need.id}/board`, headers: { cookie: c.resident1! }, payload: { shown: false } });
    expect(refuse.statusCode, refuse.body).toBe(200);
    expect(refuse.json()).toMatchObject({ isPublic: false, boardWithdrawn: false });
    expect(await shown()).toBe(false);
    await t.app.inject({ method: 'PUT', url: `/api/needs/${need.id}/board`, headers: { cookie: c.resident1! }, payload: { shown: true } });
    expect(await shown()).toBe(true);

    const noReason = await t.app.inject({ method: 'PUT', url: `/api/needs/${need.id}/board`, headers: { cookie: c.communityAdmin1!, 'accept-language': 'en' }, payload: { shown: false } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'needs.reason_required', field: 'reason' });
    const down = await t.app.inject({ method: 'PUT', url: `/api/needs/${need.id}/board`, headers: { cookie: c.communityAdmin1! }, payload: { shown: false, reason: '照片含有门牌' } });
    expect(down.json()).toMatchObject({ isPublic: true, boardWithdrawn: true });
    expect(await shown()).toBe(false);
    expect((await board(`/needs/${need.id}/photos/${need.photo}`)).statusCode).toBe(404);
    // the volunteer may open the need but not decide the board; another community's admin cannot see it
    expect((await t.app.inject({ method: 'PUT', url: `/api/needs/${need.id}/board`, headers: { cookie: c.volunteer1! }, payload: { shown: true } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: `/api/needs/${need.id}/board`, headers: { cookie: c.communityAdmin2! }, payload: { shown: true } })).statusCode).toBe(404);
    await t.app.inject({ method: 'PUT', url: `/api/needs/${need.id}/board`, headers: { cookie: c.communityAdmin1! }, payload: { shown: true } });
    expect(await shown()).toBe(true);

    const detail = (await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: c.communityAdmin1! } })).json() as { timeline: { action: string; note: string | null }[] };
    expect(detail.timeline.map((e) => e.action).slice(-4)).toEqual(['boardRefuse', 'boardConsent', 'boardWithdraw', 'boardRestore']);
    expect(detail.timeline.find((e) => e.action === 'boardWithdraw')!.note).toBe('照片含有门牌');
    const audit = await queryRows<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE object_id = ${need.id} AND action LIKE 'needs.board%' ORDER BY at`);
    expect(audit.map((a) => a.action)).toEqual(['needs.boardWithdraw', 'needs.boardRestore']);
  });

  it('a month’s figures per community and the honour roll, from the order chain and the verified hours', async () => {
    const month = shanghaiDay(t.clock.now()).slice(0, 7);
    const figures = await board(`/figures?month=${month}`);
    expect(figures.statusCode, figures.body).toBe(200);
    const f = figures.json() as { month: string; totals: { received: number; completed: number }; communities: { name: string; received: number }[] };
    expect(f.month).toBe(month);
    expect(f.totals.received).toBe(6); // every need this file posted
    expect(f.communities.find((x) => x.name === '光明社区')!.received).toBe(f.totals.received);

    // a 5-star rating verified the volunteer's hours of the first test's order: they are on the roll
    const honours = (await board(`/honours?month=${month}`)).json() as { volunteers: { name: string; hours: string; community: string }[]; teams: { name: string; completed: number }[] };
    expect(honours.teams[0]).toMatchObject({ name: '光明志愿服务队', rank: 1 });
    expect(honours.teams[0]!.completed).toBeGreaterThanOrEqual(4);
    expect(honours.volunteers[0]).toMatchObject({ rank: 1, name: '赵志愿', community: '光明社区', street: '东街道' });
    expect(Number(honours.volunteers[0]!.hours)).toBeGreaterThan(0);

    const future = await board('/figures?month=2999-01', 'en');
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'board.bad_month', field: 'month' });
    expect((await board('/honours?month=13')).statusCode).toBe(400);
  });
});
