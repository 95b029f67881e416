import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { backends, signalsHeard, unsignalled as unsignalledChange, type TestApp } from '../../test/harness.js';
import { cachingApp, once, twoInstances } from '../../test/caching-apps.js';
import { categoryId, postNeed } from '../../test/needs-helpers.js';

/*
 * A resident's post reads its category (with its parent) and its place; both are kept between requests
 * (categories.service.ts `withParent`, regions.service.ts `publicNode`), and let go of by any change to
 * their tables: this instance's own writes at once, another instance's by the database's signal (0038).
 */
describe.each([...backends, 'pglite-worker' as const])('categories and places kept between posts, on %s', (backend) => {
  const app = cachingApp(backend, ['resident1', 'districtAdmin']);
  let t: TestApp;
  let c: Record<string, string>;
  let haircut: string;
  beforeAll(async () => {
    ({ t, c } = app);
    haircut = await categoryId(t, c.resident1!, 'elderly.haircut');
    await Promise.all([t.app.services.categories.keeping(), t.app.services.regions.keeping()]);
  });
  const unsignalled = (text: string) => unsignalledChange(t, text);
  const districtId = () => t.fx.region.D!.districtId;
  /** Read now and kept (PostgreSQL: once this instance's own earlier signals are in, which let go of it). */
  const keptCategory = async () => {
    await signalsHeard(t.database);
    return t.app.services.categories.withParent(districtId(), haircut);
  };

  it('a category is read from memory once read: a change nobody signals is not seen, one this instance commits is', async () => {
    expect((await keptCategory()).category?.notice).not.toBe('无人知晓的说明');
    await unsignalled(`UPDATE need_categories SET notice = '无人知晓的说明' WHERE id = '${haircut}'`);
    expect((await t.app.services.categories.withParent(districtId(), haircut)).category?.notice).not.toBe('无人知晓的说明');
    await t.database.db.execute(sql`UPDATE need_categories SET sort_order = sort_order WHERE id = ${haircut}`);
    expect((await t.app.services.categories.withParent(districtId(), haircut)).category?.notice).toBe('无人知晓的说明');
  });

  it('a place is read from memory once read, and let go of by a write to the tree', async () => {
    const b1 = t.fx.region.B1!.id;
    await signalsHeard(t.database);
    const before = (await t.app.services.regions.publicNode(b1))!.name;
    await unsignalled(`UPDATE regions SET name = '无人知晓的楼' WHERE id = '${b1}'`);
    expect((await t.app.services.regions.publicNode(b1))!.name).toBe(before);
    await t.database.db.execute(sql`UPDATE regions SET sort_order = sort_order WHERE id = ${b1}`);
    expect((await t.app.services.regions.publicNode(b1))!.name).toBe('无人知晓的楼');
    await t.database.db.execute(sql`UPDATE regions SET name = ${before} WHERE id = ${b1}`);
  });

  it('a question the district adds to a category is asked of the very next post', async () => {
    expect((await postNeed(t, c.resident1!)).id).toBeTruthy();
    await keptCategory();
    const question = { key: 'floor', label: '住几楼', type: 'text', required: true };
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/need-categories/${haircut}`, headers: { cookie: c.districtAdmin! }, payload: { extraQuestions: [question] } });
    expect(edit.statusCode).toBe(200);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/needs',
      headers: { cookie: c.resident1! },
      payload: { kind: 'serviceRequest', categoryId: haircut, title: '老人需要上门理发', description: '行动不便', regionId: t.fx.region.B1!.id },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('needs.answer_required');
    expect((await postNeed(t, c.resident1!, { answers: { floor: '3' } })).id).toBeTruthy();
    await t.app.inject({ method: 'PATCH', url: `/api/need-categories/${haircut}`, headers: { cookie: c.districtAdmin! }, payload: { extraQuestions: [] } });
  });
});

/*
 * Two instances of one PostgreSQL database, as two machines: a category or a place changed through one
 * is what the other's next post reads, within moments (the signal of migration 0038).
 */
describe.runIf(backends.includes('postgres'))('categories and places on two instances of one PostgreSQL database', () => {
  const both = twoInstances(['resident1']);

  it('a category changed on one instance is changed on the other', async () => {
    const { t, other, c } = both;
    const id = await categoryId(t, c.resident1!, 'elderly.haircut');
    const districtId = t.fx.region.D!.districtId;
    await other.services.categories.keeping();
    const read = () => other.services.categories.withParent(districtId, id);
    await once(read, () => true); // kept now
    await t.database.db.execute(sql`UPDATE need_categories SET notice = '另一台改的说明' WHERE id = ${id}`);
    expect((await once(read, (v) => v.category?.notice === '另一台改的说明')).category?.notice).toBe('另一台改的说明');
  });

  it('a place renamed on one instance is renamed on the other', async () => {
    const { t, other } = both;
    const b1 = t.fx.region.B1!.id;
    await other.services.regions.keeping();
    const read = () => other.services.regions.publicNode(b1);
    const before = (await once(read, () => true))!.name;
    await t.database.db.execute(sql`UPDATE regions SET name = ${`${before}·新`} WHERE id = ${b1}`);
    expect((await once(read, (v) => v?.name !== before))!.name).toBe(`${before}·新`);
  });
});
