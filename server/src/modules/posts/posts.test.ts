import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { addVolunteers } from '../../test/fixtures.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';

type PostView = { id: string; title: string; quota: number; claimed: number; free: number; status: string; community: { id: string; name: string }; inServiceClaims: number; canManage: boolean };
type BoardView = PostView & { nearness: string; fits: boolean; missingSkills: string[]; mine: boolean };
type TypeView = { id: string; code: string; name: string; active: boolean; posts: number };

describe.each(backends)('posts (岗位) on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const people = ['districtAdmin', 'streetAdmin1', 'streetAdmin2', 'communityAdmin1', 'communityAdmin2', 'gridWorker1', 'volunteer1', 'volunteer2', 'resident1', 'teamLeader1'];
  let typeId: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of people) c[k] = await t.login(k);
    typeId = ((await get('districtAdmin', '/api/post-types')).json() as TypeView[]).find((x) => x.code === 'environment')!.id;
  });
  afterAll(() => t.close());

  const get = (who: string, url: string, lang = 'zh-CN') => t.app.inject({ url, headers: { cookie: c[who]!, 'accept-language': lang } });
  const send = (who: string, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, lang = 'zh-CN') =>
    t.app.inject({ method, url, headers: { cookie: c[who]!, 'accept-language': lang }, ...(payload ? { payload } : {}) });
  const publish = async (who = 'communityAdmin1', body: Record<string, unknown> = {}) => {
    const res = await send(who, 'POST', '/api/posts', { typeId, title: `环卫监督员${crypto.randomUUID().slice(0, 4)}`, duties: '巡查小区环境卫生', quota: 3, startsOn: '2026-01-01', place: '光明社区党群服务中心', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as PostView;
  };
  const skills = (who: string, list: string[]) => t.database.db.execute(sql`UPDATE accounts SET skills = ${sql.param(list)}::text[] WHERE id = ${t.fx.person[who]!.id}`);
  const mine = async (who: string) => (await get(who, '/api/posts/mine')).json() as BoardView[];

  it('every district starts with the seven post types and sixteen public service posts, each under one of them', async () => {
    const types = (await get('districtAdmin', '/api/post-types')).json() as TypeView[];
    expect(types.map((x) => x.name)).toEqual(['居民自治', '教育培训', '助老扶幼', '环境提升', '爱心关怀', '便民利民', '精准暖心']);
    const templates = (await get('communityAdmin1', '/api/post-templates')).json() as { name: string; typeId: string; skills: string[] }[];
    expect(templates).toHaveLength(16);
    expect(templates.map((x) => x.name)).toEqual(expect.arrayContaining(['党员责任岗', '党员示范岗', '政策宣传员', '环卫监督员', '交通协管员', '微心愿认领员']));
    expect(templates.every((x) => types.some((ty) => ty.id === x.typeId))).toBe(true);
    expect((await get('resident1', '/api/post-templates')).statusCode).toBe(403);
  });

  it('the district admin adds, edits and switches off types; a type in use is not deleted; others may not touch them', async () => {
    const made = await send('districtAdmin', 'POST', '/api/post-types', { code: 'epidemic', name: '疫情防控', nameEn: 'Epidemic control' });
    expect(made.statusCode, made.body).toBe(201);
    const again = await send('districtAdmin', 'POST', '/api/post-types', { code: 'epidemic', name: '重复', nameEn: 'Again' });
    expect(again.json()).toMatchObject({ code: 'posts.type_code_taken', field: 'code' });
    expect((await send('communityAdmin1', 'POST', '/api/post-types', { code: 'x1', name: '社区自建', nameEn: 'Own' })).statusCode).toBe(403);
    expect((await send('streetAdmin1', 'PATCH', `/api/post-types/${made.json().id}`, { name: '改名' })).statusCode).toBe(403);
    const renamed = await send('districtAdmin', 'PATCH', `/api/post-types/${made.json().id}`, { name: '平急两用', sortOrder: 5 });
    expect(renamed.json()).toMatchObject({ name: '平急两用', sortOrder: 5, active: true });
    // in use: refused, and switched off instead
    await publish('communityAdmin1', { typeId: made.json().id });
    const del = await send('districtAdmin', 'DELETE', `/api/post-types/${made.json().id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('posts.type_in_use');
    const off = await send('districtAdmin', 'PATCH', `/api/post-types/${made.json().id}`, { active: false });
    expect(off.json()).toMatchObject({ active: false, posts: 1 });
    expect(((await get('communityAdmin1', '/api/post-types')).json() as TypeView[]).some((x) => x.id === made.json().id)).toBe(false);
    expect(((await get('districtAdmin', '/api/post-types?includeRetired=true')).json() as TypeView[]).some((x) => x.id === made.json().id)).toBe(true);
    // a retired type takes no new posts
    const refused = await send('communityAdmin1', 'POST', '/api/posts', { typeId: made.json().id, title: '新岗', duties: '职责', quota: 2, startsOn: '2026-01-01', place: '社区' });
    expect(refused.json()).toMatchObject({ code: 'posts.type_not_found', field: 'typeId' });
    // unused: deleted
    const spare = await send('districtAdmin', 'POST', '/api/post-types', { code: 'spare', name: '备用', nameEn: 'Spare' });
    expect((await send('districtAdmin', 'DELETE', `/api/post-types/${spare.json().id}`)).statusCode).toBe(200);
    expect((await send('districtAdmin', 'DELETE', `/api/post-types/${spare.json().id}`)).statusCode).toBe(404);
  });

  it('staff publish in a community they run; elsewhere it is a 404; a grid, a bad type, period or quota is a 4xx naming the field', async () => {
    const own = await publish('communityAdmin1');
    expect(own.community.id).toBe(t.fx.region.C1!.id);
    expect(own).toMatchObject({ quota: 3, claimed: 0, free: 3, status: 'open', canManage: true });
    expect((await publish('streetAdmin1', { regionId: t.fx.region.C2!.id })).community.id).toBe(t.fx.region.C2!.id);
    for (const who of ['communityAdmin2', 'streetAdmin2']) expect((await send(who, 'POST', '/api/posts', { regionId: t.fx.region.C1!.id, typeId, title: '越权', duties: '职责', quota: 2, startsOn: '2026-01-01', place: '社区' })).statusCode).toBe(404);
    for (const who of ['resident1', 'volunteer1', 'gridWorker1']) expect((await send(who, 'POST', '/api/posts', { typeId, title: '越权', duties: '职责', quota: 2, startsOn: '2026-01-01', place: '社区' })).statusCode).toBe(403);
    const base = { typeId, title: '岗位', duties: '职责', quota: 2, startsOn: '2026-03-01', place: '社区' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, regionId: t.fx.region.G1!.id }, 'posts.not_a_community', 'regionId'],
      [{ ...base, typeId: crypto.randomUUID() }, 'posts.type_not_found', 'typeId'],
      [{ ...base, endsOn: '2026-02-01' }, 'posts.bad_period', 'endsOn'],
      [{ ...base, quota: 0 }, 'validation.minimum', 'quota'],
      [{ ...base, title: '   ' }, 'validation.pattern', 'title'],
      [{ ...base, startsOn: '2026-13-45' }, 'validation.format', 'startsOn'],
    ];
    for (const [body, code, field] of cases) {
      const res = await send('communityAdmin1', 'POST', '/api/posts', body, 'en');
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json(), JSON.stringify(body)).toMatchObject({ code, field });
    }
    // seen and listed by staff over it only
    expect((await get('communityAdmin2', `/api/posts/${own.id}`)).statusCode).toBe(404);
    expect((await get('streetAdmin2', `/api/posts/${own.id}`)).statusCode).toBe(404);
    expect((await send('communityAdmin2', 'PATCH', `/api/posts/${own.id}`, { quota: 9 })).statusCode).toBe(404);
    expect((await get('streetAdmin1', `/api/posts/${own.id}`)).json().title).toBe(own.title);
    const listed = (await get('communityAdmin2', '/api/posts?pageSize=200')).json().items as PostView[];
    expect(listed.some((p) => p.id === own.id)).toBe(false);
    expect(listed.length).toBeGreaterThan(0);
  });

  it('a volunteer claims a place, sees it under my posts, cannot claim twice, releases it and may claim again; a resident may not claim', async () => {
    const p = await publish();
    const claimed = await send('volunteer1', 'POST', `/api/posts/${p.id}/claim`);
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect((claimed.json() as BoardView[]).find((x) => x.id === p.id)).toMatchObject({ mine: true, claimed: 1, free: 2 });
    const twice = await send('volunteer1', 'POST', `/api/posts/${p.id}/claim`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('posts.already_claimed');
    expect((await send('volunteer1', 'POST', `/api/posts/${p.id}/release`)).statusCode).toBe(200);
    expect((await mine('volunteer1')).some((x) => x.id === p.id)).toBe(false);
    expect((await send('volunteer1', 'POST', `/api/posts/${p.id}/release`)).json().code).toBe('posts.not_claimed');
    expect((await send('volunteer1', 'POST', `/api/posts/${p.id}/claim`)).statusCode).toBe(200);
    expect((await get('communityAdmin1', `/api/posts/${p.id}`)).json().claimed).toBe(1);
    const resident = await send('resident1', 'POST', `/api/posts/${p.id}/claim`, undefined, 'en');
    expect(resident.statusCode).toBe(403);
    expect(resident.json()).toMatchObject({ code: 'posts.not_a_volunteer' });
    expect((await get('resident1', '/api/posts/near')).statusCode).toBe(403);
    // a volunteer of another district does not reach it
    const [outsider] = await addVolunteers(t.database.db, t.fx.region.XC!, 1, '1361');
    const other = await t.loginPhone(outsider!.phone);
    expect((await t.app.inject({ method: 'POST', url: `/api/posts/${p.id}/claim`, headers: { cookie: other } })).statusCode).toBe(404);
    expect(((await t.app.inject({ url: '/api/posts/near?pageSize=200', headers: { cookie: other } })).json().items as BoardView[]).some((x) => x.id === p.id)).toBe(false);
  });

  it('a post asking for skills the volunteer lacks is marked and refused with the skills named; staff may still assign them, audited and told', async () => {
    await skills('volunteer2', []);
    const p = await publish('communityAdmin1', { skills: ['法律咨询'], title: '法律咨询员' });
    const seen = ((await get('volunteer2', '/api/posts/near?pageSize=200')).json().items as BoardView[]).find((x) => x.id === p.id)!;
    expect(seen).toMatchObject({ fits: false, missingSkills: ['法律咨询'] });
    const zh = await send('volunteer2', 'POST', `/api/posts/${p.id}/claim`);
    expect(zh.statusCode).toBe(409);
    expect(zh.json()).toMatchObject({ code: 'posts.skills_missing', details: { missingSkills: ['法律咨询'] } });
    expect(zh.json().message).toContain('法律咨询');
    expect((await send('volunteer2', 'POST', `/api/posts/${p.id}/claim`, undefined, 'en')).json().message).toContain('skills');
    expect(((await get('volunteer2', '/api/posts/near?fitOnly=true&pageSize=200')).json().items as BoardView[]).some((x) => x.id === p.id)).toBe(false);
    // the community puts them on it directly
    const assigned = await send('communityAdmin1', 'POST', `/api/posts/${p.id}/claimants`, { volunteerId: t.fx.person.volunteer2!.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()[0]).toMatchObject({ volunteerId: t.fx.person.volunteer2!.id, assigned: true, missingSkills: ['法律咨询'] });
    expect(assigned.json()[0].phone).toMatch(/\*/);
    const [audit] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'posts.assign' AND object_id = ${p.id}`);
    expect(audit!.n).toBe(1);
    const inbox = (await get('volunteer2', '/api/inbox?pageSize=100')).json().items as { type: string; subject: { id: string } }[];
    expect(inbox.some((m) => m.type === 'posts.assigned' && m.subject.id === p.id)).toBe(true);
    // with the skill, a volunteer claims it
    await skills('volunteer1', ['法律咨询']);
    expect((await send('volunteer1', 'POST', `/api/posts/${p.id}/claim`)).statusCode).toBe(200);
    await skills('volunteer1', []);
  });

  it('a full post refuses the next claim; the quota cannot be cut below the places held; a post past its period or closed takes no claims', async () => {
    const p = await publish('communityAdmin1', { quota: 1 });
    expect((await send('volunteer1', 'POST', `/api/posts/${p.id}/claim`)).statusCode).toBe(200);
    const full = await send('volunteer2', 'POST', `/api/posts/${p.id}/claim`);
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('posts.full');
    expect((await send('communityAdmin1', 'POST', `/api/posts/${p.id}/claimants`, { volunteerId: t.fx.person.volunteer2!.id })).json().code).toBe('posts.full');
    const two = await publish('communityAdmin1', { quota: 2 });
    await send('volunteer1', 'POST', `/api/posts/${two.id}/claim`);
    await send('volunteer2', 'POST', `/api/posts/${two.id}/claim`);
    const cut = await send('communityAdmin1', 'PATCH', `/api/posts/${two.id}`, { quota: 1 }, 'en');
    expect(cut.statusCode).toBe(409);
    expect(cut.json()).toMatchObject({ code: 'posts.quota_below_claimed', field: 'quota', details: { claimed: 2 } });
    expect(cut.json().message).toContain('2');
    expect((await send('communityAdmin1', 'PATCH', `/api/posts/${two.id}`, { quota: 2, title: '改名的岗位' })).json()).toMatchObject({ quota: 2, title: '改名的岗位' });
    expect((await send('communityAdmin1', 'PATCH', `/api/posts/${two.id}`, { quota: 5 })).json()).toMatchObject({ quota: 5, free: 3 });
    // a post whose period is over takes no claims either
    const past = await publish('communityAdmin1', { startsOn: '2025-01-01', endsOn: '2025-02-01' });
    const over = await send('volunteer1', 'POST', `/api/posts/${past.id}/claim`);
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('posts.ended');
    const closed = await send('communityAdmin1', 'POST', `/api/posts/${two.id}/close`);
    expect(closed.json().status).toBe('closed');
    const late = await send('teamLeader1', 'POST', `/api/posts/${two.id}/claim`);
    expect(late.json().code).toBe('posts.closed');
    expect(((await get('teamLeader1', '/api/posts/near?pageSize=200')).json().items as BoardView[]).some((x) => x.id === two.id)).toBe(false);
    // the list filters
    const open = (await get('communityAdmin1', `/api/posts?status=closed&regionId=${t.fx.region.C1!.id}&pageSize=200`)).json().items as PostView[];
    expect(open.map((x) => x.id)).toContain(two.id);
    expect(open.every((x) => x.status === 'closed')).toBe(true);
    const free = (await get('communityAdmin1', '/api/posts?hasFree=true&pageSize=200')).json().items as PostView[];
    expect(free.some((x) => x.id === p.id)).toBe(false);
    expect(free.every((x) => x.free > 0)).toBe(true);
  });

  it('staff take a volunteer off a post with a reason; the place is free again and the volunteer is told why', async () => {
    const p = await publish();
    await send('volunteer1', 'POST', `/api/posts/${p.id}/claim`);
    const gone = await send('communityAdmin1', 'POST', `/api/posts/${p.id}/claimants/remove`, { volunteerId: t.fx.person.volunteer1!.id, reason: '连续两月未到岗' });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json()).toEqual([]);
    expect((await get('communityAdmin1', `/api/posts/${p.id}`)).json()).toMatchObject({ claimed: 0, free: 3 });
    const told = ((await get('volunteer1', '/api/inbox?pageSize=100')).json().items as { type: string; body: string; subject: { id: string } }[]).find((m) => m.type === 'posts.removed' && m.subject.id === p.id);
    expect(told?.body).toContain('连续两月未到岗');
    const again = await send('communityAdmin1', 'POST', `/api/posts/${p.id}/claimants/remove`, { volunteerId: t.fx.person.volunteer1!.id, reason: '重复' });
    expect(again.json()).toMatchObject({ code: 'posts.not_a_claimant', field: 'volunteerId' });
    expect((await send('communityAdmin2', 'POST', `/api/posts/${p.id}/claimants/remove`, { volunteerId: t.fx.person.volunteer1!.id, reason: '越权' })).statusCode).toBe(404);
  });

  it('the phone list shows the volunteer’s community first, then their street, then the district', async () => {
    const here = await publish('communityAdmin1', { title: '本社区岗位' });
    const street = await publish('communityAdmin2', { title: '本街道岗位' });
    const far = await publish('districtAdmin', { regionId: t.fx.region.C3!.id, title: '外街道岗位' });
    const items = (await get('volunteer1', '/api/posts/near?pageSize=200')).json().items as BoardView[];
    const at = (id: string) => items.findIndex((x) => x.id === id);
    expect(items.find((x) => x.id === here.id)!.nearness).toBe('community');
    expect(items.find((x) => x.id === street.id)!.nearness).toBe('street');
    expect(items.find((x) => x.id === far.id)!.nearness).toBe('district');
    expect(at(here.id)).toBeLessThan(at(street.id));
    expect(at(street.id)).toBeLessThan(at(far.id));
    const ranks = items.map((x) => ['community', 'street', 'district'].indexOf(x.nearness));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('counts per community keep in-service party members’ places apart', async () => {
    // volunteer2 registered as an in-service party member (在职党员, 双报到)
    await t.database.db.execute(sql`UPDATE volunteers SET in_service = true, political_status = 'party', work_unit = '县税务局' WHERE account_id = ${t.fx.person.volunteer2!.id}`);
    const p = await publish('communityAdmin2', { quota: 4 });
    await send('volunteer2', 'POST', `/api/posts/${p.id}/claim`);
    await send('volunteer1', 'POST', `/api/posts/${p.id}/claim`);
    expect((await get('communityAdmin2', `/api/posts/${p.id}`)).json()).toMatchObject({ claimed: 2, inServiceClaims: 1 });
    const counts = (await get('streetAdmin1', '/api/posts/counts')).json() as { communityId: string; posts: number; quota: number; claimed: number; inServiceClaims: number }[];
    const c2 = counts.find((x) => x.communityId === t.fx.region.C2!.id)!;
    const [truth] = await queryRows<{ posts: number; quota: number; claimed: number; rows: number; inservice: number }>(t.database.db, sql`
      SELECT count(*)::int AS posts, sum(quota)::int AS quota, sum(claimed)::int AS claimed,
             (SELECT count(*)::int FROM post_claims pc JOIN posts p2 ON p2.id = pc.post_id WHERE p2.region_id = ${t.fx.region.C2!.id}) AS rows,
             (SELECT count(*)::int FROM post_claims pc JOIN posts p2 ON p2.id = pc.post_id WHERE p2.region_id = ${t.fx.region.C2!.id} AND pc.in_service) AS inservice
      FROM posts WHERE region_id = ${t.fx.region.C2!.id}`);
    expect(c2).toMatchObject({ posts: truth!.posts, quota: truth!.quota, claimed: truth!.rows, inServiceClaims: truth!.inservice });
    expect(truth!.claimed).toBe(truth!.rows);
    expect(c2.inServiceClaims).toBeGreaterThanOrEqual(1);
    expect(counts.some((x) => x.communityId === t.fx.region.C3!.id)).toBe(false);
    expect((await get('communityAdmin2', `/api/posts/counts?regionId=${t.fx.region.C1!.id}`)).statusCode).toBe(404);
    await skills('volunteer2', []);
  });
});
