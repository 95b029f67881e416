import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { backends, signalsHeard, unsignalled, type TestApp } from '../../test/harness.js';
import { cachingApp, once, twoInstances } from '../../test/caching-apps.js';
import { act, postNeed } from '../../test/needs-helpers.js';

/*
 * What the public board answers is kept between requests (board.service.ts): a change nobody signals is
 * not seen, one this instance writes is at once, and one another instance writes arrives by the
 * database's signal on needs (migration 0034).
 */
type Page = { items: { id: string; title: string }[] };

describe.each(backends)('the public board kept between requests, on %s', (backend) => {
  const app = cachingApp(backend, ['communityAdmin1', 'resident1']);
  let t: TestApp;
  beforeAll(async () => {
    ({ t } = app);
    await t.app.services.board.keeping();
  });

  it('reads a page once: a change nobody signals is not seen, one this instance writes is', async () => {
    const need = await postNeed(t, app.c.resident1!, { kind: 'microWish', isPublic: true, title: '想要一本字典' });
    await act(t, app.c.communityAdmin1!, need.id, 'accept', { severity: 'general' });
    const wall = async () => ((await t.app.inject({ url: `/api/public/board/${t.fx.region.D!.districtId}/needs?section=wishes` })).json() as Page).items.find((i) => i.id === need.id)?.title;
    await signalsHeard(t.database);
    expect(await wall()).toBe('想要一本字典');
    await unsignalled(t, `UPDATE needs SET title = '无人知晓的心愿' WHERE id = '${need.id}'`);
    expect(await wall()).toBe('想要一本字典');
    await t.database.db.execute(sql`UPDATE needs SET updated_at = updated_at WHERE id = ${need.id}`);
    expect(await wall()).toBe('无人知晓的心愿');
  });
});

describe.runIf(backends.includes('postgres'))('the public board on two instances of one PostgreSQL database', () => {
  const both = twoInstances(['communityAdmin1', 'resident1']);

  it('a need taken off the board through one instance leaves the other’s board', async () => {
    const { t, other, c } = both;
    await other.services.board.keeping();
    const need = await postNeed(t, c.resident1!, { kind: 'microWish', isPublic: true, title: '另一台撤下的心愿' });
    await act(t, c.communityAdmin1!, need.id, 'accept', { severity: 'general' });
    const read = async () => ((await other.inject({ url: `/api/public/board/${t.fx.region.D!.districtId}/needs?section=wishes` })).json() as Page).items.map((i) => i.id);
    expect(await once(read, (ids) => ids.includes(need.id))).toContain(need.id); // kept now
    const down = await t.app.inject({ method: 'PUT', url: `/api/needs/${need.id}/board/withdrawal`, headers: { cookie: c.communityAdmin1! }, payload: { withdrawn: true, reason: '含有门牌' } });
    expect(down.statusCode).toBe(200);
    expect(await once(read, (ids) => !ids.includes(need.id))).not.toContain(need.id);
  });
});
