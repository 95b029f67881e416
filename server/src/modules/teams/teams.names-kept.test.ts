import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { backends, signalsHeard, unsignalled, type TestApp } from '../../test/harness.js';
import { cachingApp, once, twoInstances } from '../../test/caching-apps.js';
import { act, postNeed } from '../../test/needs-helpers.js';

/*
 * A district's team names and category labels are kept between requests (teams.service.ts `namesOf`,
 * categories.service.ts `labelsOf`): a ledger's rows show them beside each need. They follow a rename at
 * once on this instance, and on another when the database's signal arrives (migrations 0040 and 0038).
 */
describe.each([...backends, 'pglite-worker' as const])('team names and category labels kept, on %s', (backend) => {
  const app = cachingApp(backend, ['communityAdmin1', 'resident1']);
  let t: TestApp;
  beforeAll(async () => {
    ({ t } = app);
    await Promise.all([t.app.services.teams.keeping(), t.app.services.categories.keeping()]);
  });
  const districtId = () => t.fx.region.D!.districtId;

  it('a team name is read once and kept: a rename nobody signals is not seen, one this instance writes is', async () => {
    const id = t.fx.team.T1!.id;
    await signalsHeard(t.database);
    const names = () => t.app.services.teams.namesOf(districtId(), [id]);
    const before = (await names()).get(id);
    expect(before).toBe('光明志愿服务队');
    await unsignalled(t, `UPDATE teams SET name = '无人知晓的队' WHERE id = '${id}'`);
    expect((await names()).get(id)).toBe(before);
    await t.database.db.execute(sql`UPDATE teams SET updated_at = updated_at WHERE id = ${id}`);
    expect((await names()).get(id)).toBe('无人知晓的队');
    await t.database.db.execute(sql`UPDATE teams SET name = ${before!} WHERE id = ${id}`);
    expect((await names()).get(id)).toBe(before);
  });

  it('a category label is read once and kept: a rename nobody signals is not seen, one this instance writes is', async () => {
    const [row] = await t.app.services.categories.list(districtId());
    const labels = () => t.app.services.categories.labelsOf(districtId(), [row!.id]);
    await signalsHeard(t.database);
    expect((await labels()).get(row!.id)?.name).toBe(row!.name);
    await unsignalled(t, `UPDATE need_categories SET name = '无人知晓的类别' WHERE id = '${row!.id}'`);
    expect((await labels()).get(row!.id)?.name).toBe(row!.name);
    await t.database.db.execute(sql`UPDATE need_categories SET sort_order = sort_order WHERE id = ${row!.id}`);
    expect((await labels()).get(row!.id)?.name).toBe('无人知晓的类别');
    await t.database.db.execute(sql`UPDATE need_categories SET name = ${row!.name} WHERE id = ${row!.id}`);
  });

  it('only the names asked for, of the district asked about', async () => {
    const [t1, t2] = [t.fx.team.T1!.id, t.fx.team.T2!.id];
    expect([...(await t.app.services.teams.namesOf(districtId(), [t1])).keys()]).toEqual([t1]);
    expect((await t.app.services.teams.namesOf(districtId(), [t1, t2])).size).toBe(2);
    const otherDistrict = t.fx.region.X!.districtId;
    expect((await t.app.services.teams.namesOf(otherDistrict, [t1])).size).toBe(0);
  });

  it('a ledger row shows its team renamed at once', async () => {
    const id = t.fx.team.T1!.id;
    const need = await postNeed(t, app.c.resident1!);
    await act(t, app.c.communityAdmin1!, need.id, 'accept', { severity: 'general' });
    expect((await act(t, app.c.communityAdmin1!, need.id, 'dispatch', { teamId: id })).statusCode).toBe(200);
    const teamShown = async () => {
      const res = await t.app.inject({ url: '/api/needs?view=all&pageSize=100', headers: { cookie: app.c.communityAdmin1! } });
      return (res.json() as { items: { id: string; teamName: string | null }[] }).items.find((i) => i.id === need.id)?.teamName;
    };
    expect(await teamShown()).toBe('光明志愿服务队');
    const rename = await t.app.inject({ method: 'PATCH', url: `/api/teams/${id}`, headers: { cookie: app.c.communityAdmin1! }, payload: { name: '光明志愿服务一队' } });
    expect(rename.statusCode).toBe(200);
    expect(await teamShown()).toBe('光明志愿服务一队');
    await t.app.inject({ method: 'PATCH', url: `/api/teams/${id}`, headers: { cookie: app.c.communityAdmin1! }, payload: { name: '光明志愿服务队' } });
  });
});

/* Two instances of one PostgreSQL database: a team renamed through one is renamed on the other within moments (migration 0040). */
describe.runIf(backends.includes('postgres'))('team names on two instances of one PostgreSQL database', () => {
  const both = twoInstances([]);

  it('a team renamed on one instance is renamed on the other', async () => {
    const { t, other } = both;
    const id = t.fx.team.T1!.id;
    const districtId = t.fx.region.D!.districtId;
    await other.services.teams.keeping();
    const read = () => other.services.teams.namesOf(districtId, [id]);
    expect((await once(read, () => true)).get(id)).toBe('光明志愿服务队'); // kept now
    await t.database.db.execute(sql`UPDATE teams SET name = '另一台改的队名' WHERE id = ${id}`);
    expect((await once(read, (v) => v.get(id) === '另一台改的队名')).get(id)).toBe('另一台改的队名');
  });
});
