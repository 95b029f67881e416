import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { backends, signalsHeard, unsignalled, type TestApp } from '../../test/harness.js';
import { cachingApp, countingCalls, once, twoInstances } from '../../test/caching-apps.js';
import { postNeed } from '../../test/needs-helpers.js';

/*
 * A staff ledger's pages kept between requests (needs.list-pages.ts), through the API. A change
 * nobody signals (`unsignalled`) shows what is kept; a write this instance makes to what a row shows,
 * another instance's write, and the clock (what it decides is worked out per request) must each show.
 */
type Item = { id: string; title: string; overdue: boolean };
type Page = { items: Item[]; total: number };

describe.each([...backends, 'pglite-worker' as const])('a ledger’s pages kept between requests, on %s', (backend) => {
  const app = cachingApp(backend, ['resident1', 'communityAdmin1']);
  let t: TestApp;
  let c: Record<string, string>;
  beforeAll(() => void ({ t, c } = app));

  const list = async (cookie: string, query: string) => (await t.app.inject({ url: `/api/needs?${query}`, headers: { cookie } })).json() as Page;
  const ledger = () => list(c.communityAdmin1!, 'view=all&page=1&pageSize=20');
  const titleIn = (page: Page, id: string) => page.items.find((i) => i.id === id)?.title;
  const mine = () => list(c.resident1!, 'view=mine&page=1&pageSize=20');
  const dueSoon = () => list(c.communityAdmin1!, 'view=all&due=within24h&page=1&pageSize=20');
  /** A new need on top of the lists, read once, its signals heard, and its title changed where nothing hears of it. */
  async function keptThenChangedUnheard() {
    const need = await postNeed(t, c.resident1!);
    await signalsHeard(t.database);
    expect(titleIn(await ledger(), need.id)).toBe('老人需要上门理发');
    expect(titleIn(await mine(), need.id)).toBe('老人需要上门理发');
    expect(titleIn(await dueSoon(), need.id)).toBeUndefined();
    await unsignalled(t, `UPDATE needs SET title = '改过的标题' WHERE id = '${need.id}'`);
    return need;
  }

  it('keeps a page until a need is written here; a resident’s own list is read each time', async () => {
    const need = await keptThenChangedUnheard();
    expect(titleIn(await ledger(), need.id)).toBe('老人需要上门理发'); // kept
    expect(titleIn(await mine(), need.id)).toBe('改过的标题');
    // a deadline filter is never kept: the clock moves what it picks
    await unsignalled(t, `UPDATE needs SET status = 'accepted', deadline_at = now() + interval '2 hours' WHERE id = '${need.id}'`);
    expect(titleIn(await dueSoon(), need.id)).toBe('改过的标题');
    // a write this instance commits to a need lets go of it
    await t.database.db.execute(sql`UPDATE needs SET updated_at = now() WHERE id = ${need.id}`);
    expect(titleIn(await ledger(), need.id)).toBe('改过的标题');
  });

  it('lets go of a page at a write to the needs’ slots (whether the caller holds one shows in each row)', async () => {
    const need = await keptThenChangedUnheard();
    await t.database.db.execute(sql`UPDATE need_assignments SET status = status WHERE need_id = ${need.id}`);
    expect(titleIn(await ledger(), need.id)).toBe('改过的标题');
  });

  it('works out what the clock decides at every request, from the kept rows', async () => {
    const need = await postNeed(t, c.resident1!);
    await t.database.db.execute(sql`UPDATE needs SET status = 'accepted', deadline_at = ${new Date(t.clock.now().getTime() + 3_600_000).toISOString()}::timestamptz WHERE id = ${need.id}`);
    await signalsHeard(t.database);
    const item = async () => (await ledger()).items.find((i) => i.id === need.id)!;
    expect((await item()).overdue).toBe(false);
    await unsignalled(t, `UPDATE needs SET title = '改过的标题' WHERE id = '${need.id}'`);
    t.clock.advance(2 * 3_600_000);
    try {
      const later = await item();
      expect(later.title).toBe('老人需要上门理发'); // the row is kept …
      expect(later.overdue).toBe(true); // … and overdue by the clock now
    } finally {
      t.clock.set(new Date(Date.now()));
    }
  });

  it('reads a page once for staff asking for it at the same time after a write', async () => {
    await postNeed(t, c.resident1!);
    await signalsHeard(t.database);
    // each read of a page names its teams once (needs.queries.ts readPage): the calls tell how many reads ran
    await countingCalls(t.app.services.teams, 'namesOf', async (read) => {
      const pages = await Promise.all(Array.from({ length: 5 }, () => ledger()));
      expect(read()).toBe(1);
      expect(pages.every((p) => JSON.stringify(p) === JSON.stringify(pages[0]))).toBe(true);
      await ledger();
      expect(read()).toBe(1); // and kept
      await list(c.communityAdmin1!, 'view=all&page=2&pageSize=20');
      expect(read()).toBe(2); // another page is read of its own
    });
  });
});

/* Two instances of the app on one PostgreSQL database: a change through one shows on the other's kept page within moments (lianxin_needs). */
describe.runIf(backends.includes('postgres'))('a ledger’s pages kept on two instances of one PostgreSQL database', () => {
  const both = twoInstances(['resident1', 'communityAdmin1']);

  it('a page kept on the other instance follows a need changed here', async () => {
    const { t, other, c } = both;
    const title = async (id: string) =>
      ((await other.inject({ url: '/api/needs?view=all&page=1&pageSize=20', headers: { cookie: c.communityAdmin1! } })).json() as Page).items.find((i) => i.id === id)?.title;
    await signalsHeard(other.deps.database);
    const need = await postNeed(t, c.resident1!);
    expect(await once(() => title(need.id), (v) => v !== undefined)).toBe('老人需要上门理发');
    await unsignalled(t, `UPDATE needs SET title = '改过的标题' WHERE id = '${need.id}'`);
    await signalsHeard(other.deps.database);
    expect(await title(need.id)).toBe('老人需要上门理发'); // kept there
    await t.database.db.execute(sql`UPDATE needs SET updated_at = now() WHERE id = ${need.id}`);
    expect(await once(() => title(need.id), (v) => v === '改过的标题')).toBe('改过的标题');
  });
});
