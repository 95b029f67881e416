import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { backends, signalsHeard, unsignalled, type TestApp } from '../../test/harness.js';
import { cachingApp, once, twoInstances } from '../../test/caching-apps.js';
import { postNeed } from '../../test/needs-helpers.js';

/*
 * A ledger below the district compares a need's region with the ids of the caller's subtree, read
 * beforehand and kept (regions.service.ts `subtree`, platform/scope regionAmong); its region filter reads
 * the chosen node from the kept copy (`keptNodeInScope`). Both must follow the tree at once when it
 * changes: a grid moved to another community leaves one community's ledger and joins the other's.
 */

type Page = { items: { id: string }[]; total: number };

async function moveGrid(t: TestApp, cookie: string, grid: string, parent: string) {
  const res = await t.app.inject({ method: 'POST', url: `/api/regions/${grid}/move`, headers: { cookie }, payload: { parentId: parent } });
  expect(res.statusCode).toBe(200);
}

describe.each([...backends, 'pglite-worker' as const])('ledgers scoped by their subtree, kept, on %s', (backend) => {
  const app = cachingApp(backend, ['districtAdmin', 'communityAdmin1', 'communityAdmin2', 'resident1']);
  let t: TestApp;
  let c: Record<string, string>;
  let needId: string;
  beforeAll(async () => {
    ({ t, c } = app);
    await t.app.services.regions.keeping();
    needId = (await postNeed(t, c.resident1!)).id; // in B1, under G1, under C1
  });
  const ledger = async (cookie: string, query = '') => {
    const res = await t.app.inject({ url: `/api/needs?view=all&pageSize=100${query}`, headers: { cookie } });
    return { status: res.statusCode, ids: res.statusCode === 200 ? (res.json() as Page).items.map((i) => i.id) : [] };
  };

  it('a grid moved to another community leaves the first ledger and joins the other, its filter too', async () => {
    const { G1, C1, C2 } = t.fx.region;
    expect((await ledger(c.communityAdmin1!)).ids).toContain(needId);
    expect((await ledger(c.communityAdmin1!, `&regionId=${G1!.id}`)).ids).toContain(needId);
    expect((await ledger(c.communityAdmin2!)).ids).not.toContain(needId);
    expect((await ledger(c.communityAdmin2!, `&regionId=${G1!.id}`)).status).toBe(404);
    await moveGrid(t, c.districtAdmin!, G1!.id, C2!.id);
    try {
      expect((await ledger(c.communityAdmin1!)).ids).not.toContain(needId);
      expect((await ledger(c.communityAdmin1!, `&regionId=${G1!.id}`)).status).toBe(404);
      expect((await ledger(c.communityAdmin2!)).ids).toContain(needId);
      expect((await ledger(c.communityAdmin2!, `&regionId=${G1!.id}`)).ids).toContain(needId);
    } finally {
      await moveGrid(t, c.districtAdmin!, G1!.id, C1!.id);
    }
    expect((await ledger(c.communityAdmin1!)).ids).toContain(needId);
    expect((await ledger(c.communityAdmin2!)).ids).not.toContain(needId);
  });

  it('a subtree is read once and kept: a node nobody signals is not in it, one this instance writes is', async () => {
    const { C1, G1 } = t.fx.region;
    const districtId = C1!.districtId;
    await signalsHeard(t.database);
    const before = await t.app.services.regions.subtree(districtId, C1!.path);
    expect(before?.ids).toContain(G1!.id);
    expect(before?.ids.length).toBeGreaterThan(1);
    const id = '5e1f2f6a-0d7b-4c53-9a0e-3f1a2b3c4d5e';
    await unsignalled(t, `INSERT INTO regions (id, district_id, parent_id, code, name, type, depth, path) SELECT '${id}', district_id, id, 'T01010199', '无人知晓的楼', 'building', depth + 1, path || '${id}/' FROM regions WHERE id = '${G1!.id}'`);
    try {
      expect((await t.app.services.regions.subtree(districtId, C1!.path))?.ids).toEqual(before?.ids);
      await t.database.db.execute(sql`UPDATE regions SET sort_order = sort_order WHERE id = ${id}`);
      expect((await t.app.services.regions.subtree(districtId, C1!.path))?.ids).toContain(id);
    } finally {
      await t.database.db.execute(sql`DELETE FROM regions WHERE id = ${id}`);
    }
    expect((await t.app.services.regions.subtree(districtId, C1!.path))?.ids).not.toContain(id);
  });

  it('the ledger compares with the kept ids: a need in a building nobody signalled shows once the tree is written (at once in process)', async () => {
    const { G1, C1 } = t.fx.region;
    expect((await ledger(c.communityAdmin1!)).ids).toContain(needId); // the community's subtree is kept now
    await signalsHeard(t.database);
    const building = '6f2a3b4c-5d6e-4f70-8a91-b2c3d4e5f607';
    await unsignalled(t, `INSERT INTO regions (id, district_id, parent_id, code, name, type, depth, path) SELECT '${building}', district_id, id, 'T01010198', '新建楼', 'building', depth + 1, path || '${building}/' FROM regions WHERE id = '${G1!.id}'`);
    const inNew = (await postNeed(t, c.resident1!, { regionId: building, address: '新建楼1单元101' })).id;
    // in-process PGlite has no connection to watch: every commit lets go of everything kept (client.ts)
    const everyCommitCounts = Boolean(t.database.pglite);
    expect((await ledger(c.communityAdmin1!)).ids.includes(inNew)).toBe(everyCommitCounts);
    await t.database.db.execute(sql`UPDATE regions SET sort_order = sort_order WHERE id = ${C1!.id}`);
    expect((await ledger(c.communityAdmin1!)).ids).toContain(inNew);
  });
});

/* Two instances of one PostgreSQL database: a grid moved through one moves in the other's ledgers within moments (migration 0038's signal). */
describe.runIf(backends.includes('postgres'))('ledgers scoped by their subtree on two instances of one PostgreSQL database', () => {
  const both = twoInstances(['districtAdmin', 'communityAdmin1', 'resident1']);

  it('a grid moved on one instance leaves the ledger the other shows', async () => {
    const { t, other, c } = both;
    const { G1, C1, C2 } = t.fx.region;
    const needId = (await postNeed(t, c.resident1!)).id;
    await other.services.regions.keeping();
    const ids = async () => {
      const res = await other.inject({ url: '/api/needs?view=all&pageSize=100', headers: { cookie: c.communityAdmin1! } });
      return (res.json() as Page).items.map((i) => i.id);
    };
    expect(await once(ids, (v) => v.includes(needId))).toContain(needId);
    await moveGrid(t, c.districtAdmin!, G1!.id, C2!.id);
    try {
      expect(await once(ids, (v) => !v.includes(needId))).not.toContain(needId);
    } finally {
      await moveGrid(t, c.districtAdmin!, G1!.id, C1!.id);
    }
  });
});
