import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { postNeed } from '../../test/needs-helpers.js';

/*
 * A need's place (街道 › 社区 › 网格 › 楼栋) is read from its region's `place`, which the database keeps
 * (migration 0032) whichever code path writes the tree: a rename or a move shows at once.
 */
describe.each(backends)('a need’s place on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let needId: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await t.login('districtAdmin');
    needId = (await postNeed(t, await t.login('resident1'))).id;
  });
  afterAll(() => t.close());

  /** The place on the need's page and on its row of the district's list. */
  async function placeShown(): Promise<{ page: string[]; row: string[] }> {
    const page = await t.app.inject({ url: `/api/needs/${needId}`, headers: { cookie: admin } });
    const list = await t.app.inject({ url: '/api/needs?view=all&page=1&pageSize=50', headers: { cookie: admin } });
    expect(page.statusCode).toBe(200);
    const row = (list.json().items as { id: string; place: string[] }[]).find((i) => i.id === needId);
    return { page: page.json().place, row: row!.place };
  }

  it('runs from the street down to the building, the district left out', async () => {
    const place = ['东街道', '光明社区', '光明一网格', '光明1号楼'];
    expect(await placeShown()).toEqual({ page: place, row: place });
  });

  it('follows a rename of a node above at once', async () => {
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/regions/${t.fx.region.C1!.id}`, headers: { cookie: admin }, payload: { name: '光明新社区' } });
    expect(renamed.statusCode).toBe(200);
    const place = ['东街道', '光明新社区', '光明一网格', '光明1号楼'];
    expect(await placeShown()).toEqual({ page: place, row: place });
    await t.app.inject({ method: 'PATCH', url: `/api/regions/${t.fx.region.C1!.id}`, headers: { cookie: admin }, payload: { name: '光明社区' } });
    expect((await placeShown()).page[1]).toBe('光明社区');
  });

  it('follows a move of its subtree to another street', async () => {
    const move = (parentId: string) => t.app.inject({ method: 'POST', url: `/api/regions/${t.fx.region.G1!.id}/move`, headers: { cookie: admin }, payload: { parentId } });
    expect((await move(t.fx.region.C3!.id)).statusCode).toBe(200);
    const place = ['西街道', '幸福社区', '光明一网格', '光明1号楼'];
    expect(await placeShown()).toEqual({ page: place, row: place });
    expect((await move(t.fx.region.C1!.id)).statusCode).toBe(200);
    expect((await placeShown()).page).toEqual(['东街道', '光明社区', '光明一网格', '光明1号楼']);
  });

  it('two renames, a street and a community below it, both show in every place below (on PostgreSQL at once)', async () => {
    const renameSql = (id: string, name: string) => sql`UPDATE regions SET name = ${name} WHERE id = ${id}`;
    if (backend === 'postgres') {
      // two sessions, as two instances would be: the street's rename reaches the community's subtree,
      // held by the first, and waits for it (the embedded database is one session: one after the other)
      const pool = t.database.pool!;
      const [first, second] = [await pool.connect(), await pool.connect()];
      const rename = (client: typeof first, id: string, name: string) => client.query('UPDATE regions SET name = $1 WHERE id = $2', [name, id]);
      try {
        await first.query('BEGIN');
        await rename(first, t.fx.region.C1!.id, '光明甲社区');
        await second.query('BEGIN');
        const street = rename(second, t.fx.region.S1!.id, '东甲街道');
        await new Promise((resolve) => setTimeout(resolve, 300));
        await first.query('COMMIT');
        await street;
        await second.query('COMMIT');
      } finally {
        first.release();
        second.release();
      }
    } else {
      await t.database.db.execute(renameSql(t.fx.region.C1!.id, '光明甲社区'));
      await t.database.db.execute(renameSql(t.fx.region.S1!.id, '东甲街道'));
    }
    const place = ['东甲街道', '光明甲社区', '光明一网格', '光明1号楼'];
    expect(await placeShown()).toEqual({ page: place, row: place });
    await t.database.db.execute(sql`UPDATE regions SET name = CASE id WHEN ${t.fx.region.C1!.id}::uuid THEN '光明社区' ELSE '东街道' END WHERE id IN (${t.fx.region.C1!.id}, ${t.fx.region.S1!.id})`);
    expect((await placeShown()).page).toEqual(['东街道', '光明社区', '光明一网格', '光明1号楼']);
  });

  it('is worked out whatever order one statement inserts a branch in (a child before its parent)', async () => {
    const district = t.fx.region.D!;
    const street = globalThis.crypto.randomUUID();
    const community = globalThis.crypto.randomUUID();
    const streetPath = `${district.path}${street}/`;
    await t.database.db.execute(sql`
      INSERT INTO regions (id, district_id, parent_id, code, name, type, depth, path) VALUES
        (${community}, ${district.districtId}, ${street}, 'T9901', '九号社区', 'community', 2, ${`${streetPath}${community}/`}),
        (${street}, ${district.districtId}, ${district.id}, 'T99', '九号街道', 'street', 1, ${streetPath})`);
    const rows = await queryRows<{ id: string; place: string[] }>(t.database.db, sql`SELECT id, place FROM regions WHERE id IN (${street}, ${community})`);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.place]))).toEqual({ [street]: ['九号街道'], [community]: ['九号街道', '九号社区'] });
  });
});
