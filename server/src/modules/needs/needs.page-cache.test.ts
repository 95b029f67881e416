import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { OutsideTransactionError } from '../../platform/db/unit-of-work.js';
import { backends, signalsHeard, unsignalled as unsignalledChange, type TestApp } from '../../test/harness.js';
import { cachingApp, once, twoInstances } from '../../test/caching-apps.js';
import { act, postNeed } from '../../test/needs-helpers.js';

/*
 * A need's page is kept between requests (needs.page-cache.ts): what it is read from is kept, while
 * who the caller is to the need, and what the clock decides, is worked out on every request; any
 * change this instance commits to what the page shows is on the very next page.
 */
describe.each([...backends, 'pglite-worker' as const])('needs’ pages kept between requests, on %s', (backend) => {
  const app = cachingApp(backend, ['resident1', 'communityAdmin1', 'teamLeader1', 'volunteer1', 'communityAdmin2']);
  let t: TestApp;
  let c: Record<string, string>;
  beforeAll(() => void ({ t, c } = app));

  /** The caller behind a session cookie, for a service called directly. */
  const signedIn = async (cookie: string) => (await t.app.services.auth.resolveSession(cookie.slice('lx_session='.length), { ip: '127.0.0.1' }))!;
  const page = (cookie: string, id: string) => t.app.inject({ url: `/api/needs/${id}`, headers: { cookie } });
  /**
   * The page read and kept now. On PostgreSQL this instance also hears its own writes' signals, a
   * moment after they commit, and lets go of what it kept meanwhile: those land first.
   */
  const keptPage = async (cookie: string, id: string) => {
    await signalsHeard(t.database);
    return page(cookie, id);
  };
  const unsignalled = (text: string) => unsignalledChange(t, text);

  it('answers from memory once read: a change nobody signals is not seen, one this instance commits is', async () => {
    const need = await postNeed(t, c.resident1!);
    expect((await keptPage(c.communityAdmin1!, need.id)).json().title).toBe('老人需要上门理发');
    await unsignalled(`UPDATE needs SET title = '无人知晓的改动' WHERE id = '${need.id}'`);
    expect((await page(c.communityAdmin1!, need.id)).json().title).toBe('老人需要上门理发');
    // a write on this instance lets go of the page, even one outside the order chain
    await t.database.db.execute(sql`UPDATE needs SET description = description WHERE id = ${need.id}`);
    expect((await page(c.communityAdmin1!, need.id)).json().title).toBe('无人知晓的改动');
  });

  it('works out each caller’s relation to a kept page: what they see and may do, or nothing at all', async () => {
    const need = await postNeed(t, c.resident1!);
    await act(t, c.communityAdmin1!, need.id, 'accept', { severity: 'general' });
    const staff = (await page(c.communityAdmin1!, need.id)).json();
    expect(staff.requesterName).toBe('张三');
    expect(staff.actions).toContain('dispatch');
    // the same kept page, seen by the requester, a volunteer outside the order, another community
    const requester = (await page(c.resident1!, need.id)).json();
    expect(requester.myRelations).toEqual(['requester']);
    expect(requester.actions).not.toContain('dispatch');
    expect((await page(c.volunteer1!, need.id)).statusCode).toBe(404);
    expect((await page(c.communityAdmin2!, need.id)).statusCode).toBe(404);
    // a pooled need is a community volunteer's to see: the kept page is read again after the change
    await act(t, c.communityAdmin1!, need.id, 'pool');
    const volunteer = (await page(c.volunteer1!, need.id)).json();
    expect(volunteer.myRelations).toEqual(['volunteer']);
    expect(volunteer.requesterName).not.toBe('张三');
  });

  it('lets the clock decide on a kept page: a deadline passes without any write', async () => {
    const need = await postNeed(t, c.resident1!);
    const accepted = (await act(t, c.communityAdmin1!, need.id, 'accept', { severity: 'general' })).json();
    expect((await page(c.communityAdmin1!, need.id)).json().overdue).toBe(false);
    t.clock.advance(new Date(accepted.deadlineAt).getTime() - t.clock.now().getTime() + 60_000);
    expect((await page(c.communityAdmin1!, need.id)).json().overdue).toBe(true);
  });

  it('is not read inside a transaction, which must see what it wrote itself', async () => {
    const need = await postNeed(t, c.resident1!);
    expect((await keptPage(c.communityAdmin1!, need.id)).statusCode).toBe(200); // kept now
    const admin = await signedIn(c.communityAdmin1!);
    // inside a transaction the page goes to the root database, which refuses it there: it was not served from memory
    const refused = await t.database.db.transaction(() => t.app.services.needs.detail(admin, need.id)).then(() => undefined, (err: unknown) => err as Error & { cause?: unknown });
    expect(refused?.cause ?? refused).toBeInstanceOf(OutsideTransactionError);
  });

  it('shows a step another module writes on the timeline, and a renamed region', async () => {
    const need = await postNeed(t, c.resident1!);
    const before = (await keptPage(c.communityAdmin1!, need.id)).json();
    await unsignalled(`UPDATE needs SET title = '无人知晓的改动' WHERE id = '${need.id}'`);
    expect((await page(c.communityAdmin1!, need.id)).json().title).toBe(before.title); // kept
    const admin = await signedIn(c.communityAdmin1!);
    await t.app.services.needs.recordOnTimeline(admin, need.id, { role: 'communityAdmin', action: 'whistle', note: '召集物业到场' });
    const after = (await page(c.communityAdmin1!, need.id)).json();
    expect(after.timeline.at(-1)).toMatchObject({ action: 'whistle', note: '召集物业到场' });
    expect(after.title).toBe('无人知晓的改动');
    await keptPage(c.communityAdmin1!, need.id);
    await unsignalled(`UPDATE needs SET title = '又一处无人知晓的改动' WHERE id = '${need.id}'`);
    expect((await page(c.communityAdmin1!, need.id)).json().title).toBe('无人知晓的改动'); // kept
    await t.database.db.execute(sql`UPDATE regions SET name = name || '（更名）' WHERE id = ${t.fx.region.B1!.id}`);
    const renamed = (await page(c.communityAdmin1!, need.id)).json();
    expect(renamed.place.at(-1)).toBe(`${before.place.at(-1)}（更名）`);
    expect(renamed.title).toBe('又一处无人知晓的改动');
  });

  it('shows a renamed team, category and volunteer at once', async () => {
    const need = await postNeed(t, c.resident1!);
    await act(t, c.communityAdmin1!, need.id, 'accept', { severity: 'general' });
    await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    await act(t, c.teamLeader1!, need.id, 'take');
    await act(t, c.teamLeader1!, need.id, 'assign', { volunteerId: t.fx.person.volunteer1!.id });
    const before = (await page(c.communityAdmin1!, need.id)).json();
    // each time: a change nobody hears of is not shown (the page is kept), then the rename lets go of it
    const renamedShows = async (rename: () => Promise<unknown>, shown: (p: Record<string, unknown> & { assignments: { volunteerName: string }[] }) => unknown, expected: unknown, title: string) => {
      await keptPage(c.communityAdmin1!, need.id);
      await unsignalled(`UPDATE needs SET title = '${title}' WHERE id = '${need.id}'`);
      expect((await page(c.communityAdmin1!, need.id)).json().title).not.toBe(title);
      await rename();
      const now = (await page(c.communityAdmin1!, need.id)).json();
      expect([shown(now), now.title]).toEqual([expected, title]);
    };
    await renamedShows(() => t.database.db.execute(sql`UPDATE teams SET name = name || '（更名）' WHERE id = ${t.fx.team.T1!.id}`), (p) => p.teamName, `${before.teamName}（更名）`, '改动一');
    await renamedShows(() => t.database.db.execute(sql`UPDATE need_categories SET name = name || '（更名）' WHERE id = ${before.categoryId}`), (p) => p.categoryName, `${before.categoryName}（更名）`, '改动二');
    await renamedShows(() => t.database.db.execute(sql`UPDATE accounts SET name = '赵更名' WHERE id = ${t.fx.person.volunteer1!.id}`), (p) => p.assignments[0]!.volunteerName, '赵更名', '改动三');
  });
});

/*
 * Two instances, each with its own connections to one PostgreSQL database, as two machines: a change
 * made through one is on the other's pages within moments, by the database's notification (0034).
 */
describe.runIf(backends.includes('postgres'))('needs’ pages on two instances of one PostgreSQL database', () => {
  const both = twoInstances(['resident1', 'communityAdmin1', 'teamLeader1']);

  /** The other instance's page once it shows what `check` wants (2 s at most), or its last answer. */
  const otherShows = (cookie: string, id: string, check: (page: Record<string, unknown>) => boolean) =>
    once(async () => (await both.other.inject({ url: `/api/needs/${id}`, headers: { cookie } })).json() as Record<string, unknown>, check);

  it('a transition on one instance is on the other’s kept page', async () => {
    const { t, c } = both;
    const need = await postNeed(t, c.resident1!);
    expect((await otherShows(c.communityAdmin1!, need.id, () => true)).status).toBe('submitted');
    expect((await otherShows(c.communityAdmin1!, need.id, () => true)).status).toBe('submitted'); // kept now
    expect((await act(t, c.communityAdmin1!, need.id, 'accept', { severity: 'general' })).statusCode).toBe(200);
    expect((await otherShows(c.communityAdmin1!, need.id, (p) => p.status === 'accepted')).status).toBe('accepted');
  });

  it('a team renamed on one instance is renamed on the other’s kept page', async () => {
    const { t, c } = both;
    const need = await postNeed(t, c.resident1!);
    await act(t, c.communityAdmin1!, need.id, 'accept', { severity: 'general' });
    await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
    const before = (await otherShows(c.communityAdmin1!, need.id, () => true)).teamName as string;
    await t.database.db.execute(sql`UPDATE teams SET name = ${`${before}·新`} WHERE id = ${t.fx.team.T1!.id}`);
    expect((await otherShows(c.communityAdmin1!, need.id, (p) => p.teamName !== before)).teamName).toBe(`${before}·新`);
  });
});
