import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';

describe.each(backends)('regions on %s', (backend) => {
  let t: TestApp;
  let admin: string; // district admin of district D
  let community1: string; // community admin of C1
  let street1: string;
  let otherDistrict: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    [admin, community1, street1, otherDistrict] = await Promise.all([
      t.login('districtAdmin'),
      t.login('communityAdmin1'),
      t.login('streetAdmin1'),
      t.login('otherDistrictAdmin'),
    ]);
  });
  afterAll(() => t.close());

  const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });

  it('roots a community admin’s tree at their community, with the breadcrumb above it', async () => {
    const res = await get('/api/regions/scope', community1);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '光明社区', type: 'community', childCount: 1 });
    expect(res.json().ancestors.map((a: { name: string }) => a.name)).toEqual(['测试区', '东街道']);
  });

  it('lists children with people counted over each subtree', async () => {
    const res = await get(`/api/regions?parentId=${t.fx.region.D!.id}`, admin);
    expect(res.statusCode).toBe(200);
    const east = res.json().find((n: { name: string }) => n.name === '东街道');
    // S1 holds: street admin, 2 community admins, grid worker, leader, volunteer, 2 residents
    expect(east).toMatchObject({ childCount: 2, people: 9, volunteers: 3, staff: 4 });
  });

  it('a community admin of C1 gets 404 for community C2 and its children, like a missing node', async () => {
    for (const url of [`/api/regions/${t.fx.region.C2!.id}`, `/api/regions?parentId=${t.fx.region.C2!.id}`, `/api/regions/${t.fx.region.S1!.id}`]) {
      const res = await get(url, community1);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('regions.not_found');
    }
    const missing = await get(`/api/regions/${crypto.randomUUID()}`, community1);
    expect(missing.json()).toEqual((await get(`/api/regions/${t.fx.region.C2!.id}`, community1)).json());
  });

  it('another district’s admin sees none of this district', async () => {
    expect((await get(`/api/regions/${t.fx.region.D!.id}`, otherDistrict)).statusCode).toBe(404);
    expect((await get(`/api/regions?parentId=${t.fx.region.C1!.id}`, otherDistrict)).statusCode).toBe(404);
    const search = await get(`/api/regions/search?q=${encodeURIComponent('光明')}`, otherDistrict);
    expect(search.json()).toEqual([]);
  });

  it('search stays inside the caller’s subtree', async () => {
    const res = await get(`/api/regions/search?q=${encodeURIComponent('社区')}`, community1);
    expect(res.json().map((n: { name: string }) => n.name)).toEqual(['光明社区']);
  });

  it('only district admins change the tree; others get 403', async () => {
    const body = { parentId: t.fx.region.C1!.id, code: 'T010102', name: '光明二网格', type: 'grid' };
    const denied = await t.app.inject({ method: 'POST', url: '/api/regions', headers: { cookie: street1 }, payload: body });
    expect(denied.statusCode).toBe(403);
    const created = await t.app.inject({ method: 'POST', url: '/api/regions', headers: { cookie: admin }, payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: '光明二网格', depth: 3 });
    const dup = await t.app.inject({ method: 'POST', url: '/api/regions', headers: { cookie: admin }, payload: body });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'regions.code_taken', field: 'code' });
  });

  it('refuses a street under a grid, naming both levels', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/regions',
      headers: { cookie: admin, 'accept-language': 'en' },
      payload: { parentId: t.fx.region.G1!.id, code: 'BADLEVEL', name: 'x', type: 'street' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'regions.bad_level', field: 'type', message: 'A street cannot be placed under a grid' });
  });

  it('moves a subtree, rewriting paths below it, and audits the move', async () => {
    const moved = await t.app.inject({ method: 'POST', url: `/api/regions/${t.fx.region.G2!.id}/move`, headers: { cookie: admin }, payload: { parentId: t.fx.region.C3!.id } });
    expect(moved.statusCode).toBe(200);
    // the building under G2 now belongs to C3's subtree: C3 counts resident2 and volunteer2 besides its admin
    const kids = await get(`/api/regions?parentId=${t.fx.region.S2!.id}`, admin);
    expect(kids.json()[0]).toMatchObject({ name: '幸福社区', people: 3, childCount: 1 });
    const audit = await get(`/api/audit?action=regions.move&objectId=${t.fx.region.G2!.id}`, admin);
    expect(audit.json().total).toBe(1);
    // and back, so other tests see the fixture as built
    await t.app.inject({ method: 'POST', url: `/api/regions/${t.fx.region.G2!.id}/move`, headers: { cookie: admin }, payload: { parentId: t.fx.region.C2!.id } });
  });

  it('refuses to move a node below itself', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/regions/${t.fx.region.S1!.id}/move`, headers: { cookie: admin }, payload: { parentId: t.fx.region.G1!.id } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('regions.move_into_self');
  });

  it('renames with an audit row holding before and after', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/regions/${t.fx.region.B2!.id}`, headers: { cookie: admin }, payload: { name: '和平2号楼' } });
    expect(res.statusCode).toBe(200);
    const audit = await get(`/api/audit?action=regions.update&objectId=${t.fx.region.B2!.id}`, admin);
    expect(audit.json().items[0].details).toMatchObject({ before: { name: '和平1号楼' }, after: { name: '和平2号楼' } });
  });

  it('will not delete a node that still has people', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: `/api/regions/${t.fx.region.B1!.id}`, headers: { cookie: admin } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('regions.not_empty');
  });

  it('serves the registration picker without a login', async () => {
    const res = await t.app.inject({ url: `/api/public/regions?parentId=${t.fx.region.S1!.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((n: { name: string }) => n.name)).toEqual(['光明社区', '和平社区']);
  });
});
