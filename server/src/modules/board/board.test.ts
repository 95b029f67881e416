import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../platform/clock/clock.js';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { systemActor } from '../../platform/auth/actor.js';
import { act, categoryId, postNeed, uploadPhoto } from '../../test/needs-helpers.js';

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
    const consented = await served({ isPublic: true, boardPhotos: true, title: '张三家老人需要上门理发 13900000008' }, { rate: true });
    // consent without photos: the result is shown, its photos are not
    const noPhotos = await served({ isPublic: true, title: '同意公示但不公示照片' });
    // a grievance names others: never on the board, consent or not
    const grievance = await postNeed(t, c.resident1!, { kind: 'grievance', isPublic: true, title: '投诉楼上噪音' });
    await act(t, c.communityAdmin1!, grievance.id, 'accept', { severity: 'general' });
    // consent given under the old words only (is_public before the board): not on the board
    const older = await served({ isPublic: true, title: '旧的公开需求' });
    await t.database.db.execute(sql`UPDATE needs SET board_consent_at = NULL WHERE id = ${older.id}`);
    const private_ = await served({ isPublic: false, title: '不公开的理发' });
    const submitted = await postNeed(t, c.resident1!, { isPublic: true, title: '刚提交的需求' });

    const done = await page('section=done');
    const ids = done.items.map((i) => i.id);
    expect(ids).toContain(consented.id);
    expect(ids).not.toContain(private_.id);
    expect(ids).not.toContain(older.id);
    expect(done.items.find((i) => i.id === noPhotos.id)!.photos).toEqual([]);
    expect((await board(`/needs/${noPhotos.id}/photos/${noPhotos.photo}`)).statusCode).toBe(404);
    expect((await page('section=accepted')).items.map((i) => i.id)).not.toContain(grievance.id);
    const refused = await t.app.inject({ method: 'PUT', url: `/api/needs/${grievance.id}/board/consent`, headers: { cookie: c.resident1! }, payload: { shown: true } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'needs.not_for_board' });
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
    // the resident's own photo of the need (not the completion's) is not the board's to show
    const own = (await uploadPhoto(t, c.resident1!)).json() as { id: string };
    const withPhoto = await served({ isPublic: true, boardPhotos: true, title: '带照片的需求', photos: [own.id] });
    expect((await board(`/needs/${withPhoto.id}/photos/${withPhoto.photo}`)).statusCode).toBe(200);
    expect((await board(`/needs/${withPhoto.id}/photos/${own.id}`)).statusCode).toBe(404);
    const system = await t.app.services.files.attachedToVisible(systemActor(district), own.id);
    expect(system).toBe(false);
  });

  it('shows the street and the community by their type, also where the tree skips a level', async () => {
    const admin = c.districtAdmin!;
    const made = async (body: object) => (await t.app.inject({ method: 'POST', url: '/api/regions', headers: { cookie: admin }, payload: body })).json() as { id: string };
    const direct = await made({ parentId: t.fx.region.D!.id, type: 'community', name: '直管社区', code: 'TB01' });
    const grid = await made({ parentId: direct.id, type: 'grid', name: '直管一网格', code: 'TB0101' });
    const need = await t.app.inject({
      method: 'POST', url: '/api/needs', headers: { cookie: admin },
      payload: { kind: 'serviceRequest', categoryId: await categoryId(t, admin, 'elderly.haircut'), title: '直管社区的需求', description: '说明', regionId: grid.id, channel: 'hotline', requesterName: '来电居民', requesterPhone: '13700000009', isPublic: true },
    });
    expect(need.statusCode, need.body).toBe(201);
    await act(t, admin, need.json().id, 'accept', { severity: 'general' });
    const item = (await page('section=accepted&pageSize=100')).items.find((i) => i.id === need.json().id)!;
    expect(item.place).toEqual(['直管社区']);
    expect((await page(`section=accepted&regionId=${direct.id}`)).items.map((i) => i.id)).toEqual([need.json().id]);
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

    const consent = (who: string, payload: object) => t.app.inject({ method: 'PUT', url: `/api/needs/${need.id}/board/consent`, headers: { cookie: c[who]!, 'accept-language': 'en' }, payload });
    const withdrawal = (who: string, payload: object) => t.app.inject({ method: 'PUT', url: `/api/needs/${need.id}/board/withdrawal`, headers: { cookie: c[who]!, 'accept-language': 'en' }, payload });
    const refuse = await consent('resident1', { shown: false });
    expect(refuse.statusCode, refuse.body).toBe(200);
    expect(refuse.json()).toMatchObject({ isPublic: false, onBoard: false, boardWithdrawn: false });
    expect(await shown()).toBe(false);
    // asking again for what holds records nothing
    await consent('resident1', { shown: false });
    expect((await consent('resident1', { shown: true, photos: true })).json()).toMatchObject({ onBoard: true, boardPhotos: true });
    expect(await shown()).toBe(true);

    // the consent is the requester's, the takedown an admin's: neither acts in the other's name
    expect((await consent('communityAdmin1', { shown: false })).statusCode).toBe(403);
    expect((await withdrawal('resident1', { withdrawn: true, reason: '不想公示' })).statusCode).toBe(403);
    const noReason = await withdrawal('communityAdmin1', { withdrawn: true });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'needs.reason_required', field: 'reason' });
    const down = await t.app.inject({ method: 'PUT', url: `/api/needs/${need.id}/board/withdrawal`, headers: { cookie: c.communityAdmin1! }, payload: { withdrawn: true, reason: '照片含有门牌' } });
    expect(down.json()).toMatchObject({ isPublic: true, onBoard: true, boardWithdrawn: true });
    expect(await shown()).toBe(false);
    expect((await board(`/needs/${need.id}/photos/${need.photo}`)).statusCode).toBe(404);
    // the volunteer may open the need but not decide the board; another community's admin cannot see it
    expect((await withdrawal('volunteer1', { withdrawn: false })).statusCode).toBe(403);
    expect((await withdrawal('communityAdmin2', { withdrawn: false })).statusCode).toBe(404);
    await withdrawal('communityAdmin1', { withdrawn: false });
    expect(await shown()).toBe(true);

    const detail = (await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: c.communityAdmin1! } })).json() as { timeline: { action: string; note: string | null }[] };
    expect(detail.timeline.map((e) => e.action).slice(-4)).toEqual(['boardRefuse', 'boardConsent', 'boardWithdraw', 'boardRestore']);
    expect(detail.timeline.filter((e) => e.action === 'boardRefuse')).toHaveLength(1);
    expect(detail.timeline.find((e) => e.action === 'boardWithdraw')!.note).toBe('照片含有门牌');
    const audit = await queryRows<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE object_id = ${need.id} AND action LIKE 'needs.board%' ORDER BY at`);
    expect(audit.map((a) => a.action)).toEqual(['needs.boardRefuse', 'needs.boardConsent', 'needs.boardWithdraw', 'needs.boardRestore']);
  });

  it('a month’s figures per community and the honour roll, from the order chain and the verified hours', async () => {
    const month = shanghaiDay(t.clock.now()).slice(0, 7);
    const figures = await board(`/figures?month=${month}`);
    expect(figures.statusCode, figures.body).toBe(200);
    const f = figures.json() as { month: string; totals: { received: number; completed: number }; communities: { name: string; received: number }[] };
    expect(f.month).toBe(month);
    // every need this file posted: ten in 光明社区, one in 直管社区
    expect(f.totals.received).toBe(11);
    expect(f.communities.find((x) => x.name === '光明社区')!.received).toBe(10);
    expect(f.communities.find((x) => x.name === '直管社区')!.received).toBe(1);

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
