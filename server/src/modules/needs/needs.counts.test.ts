import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed } from '../../test/needs-helpers.js';

const HOUR = 3_600_000;
type Bucket = { key: string; status: string | null; due: string | null; count: number };
type Counts = { view: string; buckets: Bucket[]; byCategory: { counts: Record<string, number> }[] };

/*
 * The workbench's to-do counts and the ledger's deadline order: each count is a list filter, so the
 * list it opens shows the same number; overdue items come first when asked.
 */
describe.each(backends)('to-do counts and the deadline order on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const id: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['resident1', 'resident2', 'communityAdmin1', 'communityAdmin2', 'districtAdmin', 'teamLeader1']) c[k] = await t.login(k);
    // cancelled: accepted first, so the earliest deadline of all, but no longer running
    for (const k of ['cancelled', 'overdue', 'dueSoon', 'intake1', 'intake2']) id[k] = (await postNeed(t, c.resident1!, { title: `需求${k}` })).id;
    id.other = (await postNeed(t, c.resident2!, { title: '和平社区的需求', regionId: t.fx.region.B2!.id })).id;
    await act(t, c.communityAdmin1!, id.cancelled!, 'accept');
    await act(t, c.resident1!, id.cancelled!, 'cancel', { note: '不需要了' });
    await act(t, c.communityAdmin1!, id.overdue!, 'accept');
    t.clock.advance(72 * HOUR);
    await act(t, c.communityAdmin1!, id.dueSoon!, 'accept');
    await act(t, c.communityAdmin1!, id.dueSoon!, 'dispatch', { teamId: t.fx.team.T1!.id });
    const deadline = async (k: string) => Date.parse((await t.app.inject({ url: `/api/needs/${id[k]}`, headers: { cookie: c.communityAdmin1! } })).json().deadlineAt);
    const [late, soon] = [await deadline('overdue'), await deadline('dueSoon')];
    expect(soon - late).toBeGreaterThan(13 * HOUR);
    // half a day before the dispatched one's deadline: the first accepted is past its own
    t.clock.set(new Date(soon - 12 * HOUR).toISOString());
  });
  afterAll(() => t.close());

  const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: c[who]! } });
  const counts = async (who: string, query = '') => (await get(who, `/api/needs/counts${query}`)).json() as Counts;
  const countOf = (r: Counts, key: string) => r.buckets.find((b) => b.key === key)?.count;
  const listUrl = (view: string, b: Bucket) => `/api/needs?view=${view}${b.status ? `&status=${b.status}` : ''}${b.due ? `&due=${b.due}` : ''}`;

  it('a community admin counts the to-dos of their community by state, due soon and overdue', async () => {
    const r = await counts('communityAdmin1');
    expect(r.view).toBe('all');
    expect({ intake: countOf(r, 'intake'), toDispatch: countOf(r, 'toDispatch'), toTake: countOf(r, 'toTake'), dueSoon: countOf(r, 'dueSoon'), overdue: countOf(r, 'overdue'), stopped: countOf(r, 'stopped'), all: countOf(r, 'all') })
      .toEqual({ intake: 2, toDispatch: 1, toTake: 1, dueSoon: 1, overdue: 1, stopped: 1, all: 5 });
  });

  it('every count is the total of the list it names, for each staff level and for a team leader', async () => {
    for (const [who, view] of [['communityAdmin1', 'all'], ['communityAdmin2', 'all'], ['districtAdmin', 'all'], ['teamLeader1', 'team']] as const) {
      const r = await counts(who);
      expect(r.view).toBe(view);
      for (const b of r.buckets) expect([who, b.key, (await get(who, listUrl(view, b))).json().total]).toEqual([who, b.key, b.count]);
    }
    expect(countOf(await counts('communityAdmin2'), 'all')).toBe(1);
    expect(countOf(await counts('districtAdmin'), 'all')).toBe(6);
    const leader = await counts('teamLeader1');
    expect([countOf(leader, 'toTake'), countOf(leader, 'dueSoon'), countOf(leader, 'overdue')]).toEqual([1, 1, 0]);
  });

  it('the counts follow the other filters of the list, and the groups per category add up to the totals', async () => {
    const r = await counts('communityAdmin1', `?q=${encodeURIComponent('需求intake1')}`);
    expect([countOf(r, 'all'), countOf(r, 'intake')]).toEqual([1, 1]);
    const all = await counts('districtAdmin');
    for (const b of all.buckets) expect(all.byCategory.reduce((sum, g) => sum + (g.counts[b.key] ?? 0), 0)).toBe(b.count);
  });

  it('a region outside the caller’s subtree is a 404; a resident has no ledger to count', async () => {
    expect((await get('communityAdmin1', `/api/needs/counts?regionId=${t.fx.region.C2!.id}`)).statusCode).toBe(404);
    expect((await get('resident1', '/api/needs/counts?view=all')).statusCode).toBe(403);
    expect((await get('resident1', '/api/needs/counts')).statusCode).toBe(403);
  });

  it('overdue first: the running deadlines on top, the overdue first of all, before an older deadline that no longer runs', async () => {
    const numbers = async (query: string) => (await get('communityAdmin1', `/api/needs?view=all&${query}`)).json().items.map((n: { id: string }) => n.id);
    const first = await numbers('sort=overdueFirst');
    expect(first.slice(0, 2)).toEqual([id.overdue, id.dueSoon]);
    expect(first).toHaveLength(5);
    // 期限最近 too puts the running deadlines first: by the bare deadline the cancelled one, accepted
    // first, would lead (a year-old finished need topped the 全部 tab)
    const nearest = await numbers('sort=deadline');
    expect(nearest.slice(0, 2)).toEqual([id.overdue, id.dueSoon]);
    expect(nearest.indexOf(id.cancelled)).toBeGreaterThan(1);
    expect(await numbers('due=overdue')).toEqual([id.overdue]);
    expect(await numbers('due=within24h')).toEqual([id.dueSoon]);
    expect((await get('communityAdmin1', '/api/needs?sort=oldest')).statusCode).toBe(400);
  });

  it('lists and the detail name the full place, street to building', async () => {
    const place = ['东街道', '光明社区', '光明一网格', '光明1号楼'];
    const list = (await get('communityAdmin1', '/api/needs?view=all')).json();
    expect(list.items.every((n: { place: string[] }) => JSON.stringify(n.place) === JSON.stringify(place))).toBe(true);
    expect((await get('communityAdmin1', `/api/needs/${id.overdue}`)).json().place).toEqual(place);
    expect((await get('resident1', '/api/needs?view=mine')).json().items[0].place).toEqual(place);
  });
});
