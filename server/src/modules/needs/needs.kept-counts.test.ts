import { sql } from 'drizzle-orm';
import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDatabase, signalsHeard, unsignalled, type TestApp } from '../../test/harness.js';
import { cachingApp, countingCalls, once, twoInstances } from '../../test/caching-apps.js';
import { postNeed } from '../../test/needs-helpers.js';
import { createKeptCounts, keptKind, type KeptCounts } from './needs.kept-counts.js';

/*
 * Counts over many needs kept between requests (needs.kept-counts.ts): a staff ledger's total and the
 * to-dos of its tabs, through the API. A change nobody signals (`unsignalled`) shows what is kept; a
 * write this instance makes, another instance's, or the clock alone must each be counted anew.
 * The figures' counts: figures.test.ts and needs.figures-kept.test.ts. At the end, the rules of a
 * count shared by callers who ask while it is under way (keptOrCounted).
 */
describe.each([...backends, 'pglite-worker' as const])('counts kept between requests, on %s', (backend) => {
  const app = cachingApp(backend, ['resident1', 'communityAdmin1']);
  let t: TestApp;
  let c: Record<string, string>;
  beforeAll(() => void ({ t, c } = app));

  /** On PostgreSQL this instance also hears its own writes' signals a moment after they commit: those land first. */
  const settled = () => signalsHeard(t.database);
  const total = async (cookie: string, query: string) => ((await t.app.inject({ url: `/api/needs?${query}`, headers: { cookie } })).json() as { total: number }).total;
  type Counts = { buckets: { key: string; count: number }[]; byCategory: { categoryId: string; categoryName: string }[] };
  const todos = async () => (await t.app.inject({ url: '/api/needs/counts?view=all', headers: { cookie: c.communityAdmin1! } })).json() as Counts;
  const counts = async () => Object.fromEntries((await todos()).buckets.map((b) => [b.key, b.count]));

  it('keeps a staff ledger’s total until a need is written; a resident’s own list and deadline filters are counted each time', async () => {
    const need = await postNeed(t, c.resident1!);
    await settled();
    const cancelled = () => total(c.communityAdmin1!, 'view=all&status=cancelled');
    const overdue = () => total(c.communityAdmin1!, 'view=all&due=overdue');
    const [c0, o0, mine0] = [await cancelled(), await overdue(), await total(c.resident1!, 'view=mine&status=submitted')];
    // the need cancelled, then made overdue, where nothing hears of it
    await unsignalled(t, `UPDATE needs SET status = 'cancelled' WHERE id = '${need.id}'`);
    expect(await cancelled()).toBe(c0); // kept
    expect(await total(c.resident1!, 'view=mine&status=submitted')).toBe(mine0 - 1);
    await unsignalled(t, `UPDATE needs SET status = 'accepted', deadline_at = now() - interval '1 hour' WHERE id = '${need.id}'`);
    expect(await overdue()).toBe(o0 + 1);
    // a write this instance commits lets go of it: counted anew
    await t.database.db.execute(sql`UPDATE needs SET status = 'cancelled', deadline_at = NULL WHERE id = ${need.id}`);
    expect(await cancelled()).toBe(c0 + 1);
  });

  it('keeps the tabs’ to-dos until a need is written, or the clock brings a deadline within 24 hours, or is set back', async () => {
    const [soon, other] = [await postNeed(t, c.resident1!), await postNeed(t, c.resident1!)];
    const deadline = new Date(t.clock.now().getTime() + 25 * 3_600_000).toISOString();
    await t.database.db.execute(sql`UPDATE needs SET status = 'accepted', deadline_at = ${deadline}::timestamptz WHERE id = ${soon.id}`);
    await settled();
    const before = await counts();
    await unsignalled(t, `UPDATE needs SET status = 'cancelled' WHERE id = '${other.id}'`);
    expect(await counts()).toEqual(before); // kept
    const hour = 3_600_000 + 5_000;
    t.clock.advance(hour); // the deadline is now within 24 hours: counted anew, the cancel seen with it
    try {
      const later = await counts();
      expect(later).toMatchObject({ dueSoon: before.dueSoon! + 1, intake: before.intake! - 1, stopped: before.stopped! + 1 });
      // kept again; the clock set back to before that count: counted anew, not served from it
      await unsignalled(t, `UPDATE needs SET status = 'submitted' WHERE id = '${other.id}'`);
      expect(await counts()).toEqual(later);
      t.clock.advance(-hour);
      expect(await counts()).toMatchObject({ dueSoon: before.dueSoon, intake: before.intake });
    } finally {
      t.clock.set(new Date(Date.now()));
    }
  });

  it('counts the to-dos once for callers asking at the same time after a write', async () => {
    await postNeed(t, c.resident1!);
    await settled();
    // each count names its categories once (needs.counts.ts): the calls tell how many counts ran
    await countingCalls(t.app.services.categories, 'labelsOf', async (counted) => {
      const answers = await Promise.all(Array.from({ length: 5 }, () => counts()));
      expect(counted()).toBe(1);
      expect(answers.every((a) => JSON.stringify(a) === JSON.stringify(answers[0]))).toBe(true);
      expect(await counts()).toEqual(answers[0]); // and kept
      expect(counted()).toBe(1);
    });
  });

  it('names a renamed category at once on the to-dos', async () => {
    await postNeed(t, c.resident1!);
    await settled();
    const [first] = (await todos()).byCategory;
    await t.database.db.execute(sql`UPDATE need_categories SET name = name || '（更名）' WHERE id = ${first!.categoryId}`);
    expect((await todos()).byCategory.find((g) => g.categoryId === first!.categoryId)!.categoryName).toBe(`${first!.categoryName}（更名）`);
  });
});

/*
 * Many districts on one instance: a commit is told with the district its writes were made for (the
 * signed-in caller's, platform/db/write-district.ts), and lets go of that district's counts only. Not on
 * in-process PGlite: it has no connection to watch, and every commit there lets go of everything.
 */
describe.each(['pglite-worker' as const, ...backends.filter((b) => b === 'postgres')])('counts kept per district on one instance, on %s', (backend) => {
  const app = cachingApp(backend, ['resident1', 'communityAdmin1', 'districtAdmin', 'otherDistrictAdmin']);

  it('a write made for another district leaves a district’s kept total be; one made for this district lets go of it', async () => {
    const { t, c } = app;
    const total = async () => ((await t.app.inject({ url: '/api/needs?view=all', headers: { cookie: c.communityAdmin1! } })).json() as { total: number }).total;
    /** An edit of one of the caller's district's categories (their questions: no name, so nothing is signalled on `lianxin_needs`). */
    const editCategory = async (cookie: string) => {
      const [category] = (await t.app.inject({ url: '/api/need-categories', headers: { cookie } })).json() as { id: string }[];
      const res = await t.app.inject({ method: 'PATCH', url: `/api/need-categories/${category!.id}`, headers: { cookie }, payload: { extraQuestions: [] } });
      expect(res.statusCode).toBe(200);
      await signalsHeard(t.database);
    };
    const need = await postNeed(t, c.resident1!);
    await signalsHeard(t.database);
    const before = await total();
    // kept now: a change nobody signals shows whether it is counted again
    await unsignalled(t, `UPDATE needs SET region_id = '${t.fx.region.C2!.id}' WHERE id = '${need.id}'`);
    expect(await total()).toBe(before);
    await editCategory(c.otherDistrictAdmin!);
    expect(await total()).toBe(before);
    await editCategory(c.districtAdmin!);
    expect(await total()).toBe(before - 1);
  });

  it('names the district of a request over real HTTP whose body comes in two pieces, the second later', async () => {
    const { t, c } = app;
    const total = async () => ((await t.app.inject({ url: '/api/needs?view=all', headers: { cookie: c.communityAdmin1! } })).json() as { total: number }).total;
    const port = Number(new URL(await t.app.listen({ port: 0, host: '127.0.0.1' })).port);
    /** The caller's edit of a category's questions, its body's last bytes sent 50 ms after the rest (they then arrive on the socket's own events). */
    const editCategory = async (cookie: string) => {
      const [category] = (await t.app.inject({ url: '/api/need-categories', headers: { cookie } })).json() as { id: string }[];
      const body = JSON.stringify({ extraQuestions: [] });
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const headers = { cookie, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
        const req = http.request({ host: '127.0.0.1', port, path: `/api/need-categories/${category!.id}`, method: 'PATCH', headers }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        });
        req.on('error', reject);
        req.write(body.slice(0, 5));
        setTimeout(() => req.end(body.slice(5)), 50);
      });
      expect(status).toBe(200);
      await signalsHeard(t.database);
    };
    const need = await postNeed(t, c.resident1!);
    await signalsHeard(t.database);
    const before = await total();
    await unsignalled(t, `UPDATE needs SET region_id = '${t.fx.region.C2!.id}' WHERE id = '${need.id}'`);
    await editCategory(c.otherDistrictAdmin!);
    expect(await total()).toBe(before);
    await editCategory(c.districtAdmin!);
    expect(await total()).toBe(before - 1);
  });
});

/* Two instances of the app on one PostgreSQL database: a change through one is counted on the other within moments (lianxin_needs). */
describe.runIf(backends.includes('postgres'))('counts kept on two instances of one PostgreSQL database', () => {
  const both = twoInstances(['resident1', 'communityAdmin1']);
  /** What `read` answers on the other instance once it is `want`, or its last answer. */
  const otherAnswers = (read: () => Promise<number>, want: number) => once(read, (n) => n === want);

  it('a ledger’s total kept on the other instance follows a need submitted here', async () => {
    const { t, other, c } = both;
    const total = async () => ((await other.inject({ url: '/api/needs?view=all', headers: { cookie: c.communityAdmin1! } })).json() as { total: number }).total;
    await signalsHeard(other.deps.database); // earlier signals land first
    const before = await total();
    const need = await postNeed(t, c.resident1!);
    expect(await otherAnswers(total, before + 1)).toBe(before + 1);
    // kept there now: a change nobody signals is not counted …
    await unsignalled(t, `UPDATE needs SET region_id = '${t.fx.region.C2!.id}' WHERE id = '${need.id}'`);
    await signalsHeard(other.deps.database);
    expect(await total()).toBe(before + 1);
    // … until a need is written here
    await t.database.db.execute(sql`UPDATE needs SET updated_at = now() WHERE id = ${need.id}`);
    expect(await otherAnswers(total, before)).toBe(before);
  });

  it('a change to a need, its slots or its timeline names its district in the signal; a TRUNCATE names none (migration 0039)', async () => {
    const { t, c } = both;
    const url = (t.database as { url?: string }).url!;
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => n.channel === 'lianxin_needs' && heard.push(n.payload ?? ''));
    await listener.query('LISTEN lianxin_needs');
    const district = t.fx.region.C1!.districtId;
    /** What `work` signalled: every notification up to a barrier sent after it (they arrive in commit order). */
    const signalled = async (work: () => Promise<unknown>) => {
      heard.length = 0;
      await work();
      await t.database.pool!.query(`SELECT pg_notify('lianxin_needs', 'barrier')`);
      for (let i = 0; i < 250 && !heard.includes('barrier'); i++) await new Promise((r) => setTimeout(r, 20));
      expect(heard.at(-1)).toBe('barrier');
      return heard.slice(0, -1);
    };
    try {
      // submitting: the need and its timeline, in one transaction: one signal, naming its district
      expect(await signalled(() => postNeed(t, c.resident1!))).toEqual([district]);
      const id = (await t.database.pool!.query<{ id: string }>(`SELECT id FROM needs WHERE district_id = $1 ORDER BY created_at DESC LIMIT 1`, [district])).rows[0]!.id;
      expect(await signalled(() => t.database.db.execute(sql`UPDATE needs SET updated_at = now() WHERE id = ${id}`))).toEqual([district]);
      // a statement that changed no row names no district, and tells nobody
      expect(await signalled(() => t.database.db.execute(sql`UPDATE need_assignments SET status = status WHERE need_id = ${id}`))).toEqual([]);
      // deletes (the timeline refuses them) and a TRUNCATE (it would empty the table) are read off the catalog:
      // a delete names the deleted rows' districts, a TRUNCATE has no rows to name and signals every district
      const triggers = await t.database.pool!.query<{ table: string; on: string; fn: string; rows: string | null }>(
        `SELECT c.relname AS table, CASE WHEN g.tgtype & 4 <> 0 THEN 'insert' WHEN g.tgtype & 8 <> 0 THEN 'delete' WHEN g.tgtype & 16 <> 0 THEN 'update' ELSE 'truncate' END AS on,
                p.proname AS fn, coalesce(g.tgnewtable, g.tgoldtable) AS rows
           FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_proc p ON p.oid = g.tgfoid
          WHERE NOT g.tgisinternal AND p.proname LIKE 'lianxin_signal%' AND c.relname IN ('needs', 'need_assignments', 'need_events') ORDER BY 1, 2`,
      );
      expect(triggers.rows).toEqual(
        ['need_assignments', 'need_events', 'needs'].flatMap((table) => [
          { table, on: 'delete', fn: 'lianxin_signal_districts', rows: 'changed' },
          { table, on: 'insert', fn: 'lianxin_signal_districts', rows: 'changed' },
          { table, on: 'truncate', fn: 'lianxin_signal', rows: null },
          { table, on: 'update', fn: 'lianxin_signal_districts', rows: 'changed' },
        ]),
      );
    } finally {
      await listener.end();
    }
  });

  it('another district’s change leaves a district’s kept counts on the other instance be; its own lets go of them', async () => {
    const { t, other, c } = both;
    const total = async () => ((await other.inject({ url: '/api/needs?view=all', headers: { cookie: c.communityAdmin1! } })).json() as { total: number }).total;
    await signalsHeard(other.deps.database);
    const before = await total();
    const need = await postNeed(t, c.resident1!);
    expect(await otherAnswers(total, before + 1)).toBe(before + 1);
    // kept there now; a change nobody signals shows whether it is counted again
    await unsignalled(t, `UPDATE needs SET region_id = '${t.fx.region.C2!.id}' WHERE id = '${need.id}'`);
    // a change in the other district (as its rows' triggers name it) is heard, and leaves this district's count kept
    await t.database.pool!.query(`SELECT pg_notify('lianxin_needs', $1)`, [t.fx.region.X!.districtId]);
    await signalsHeard(other.deps.database);
    expect(await total()).toBe(before + 1);
    // a change in its own district lets go of it
    await t.database.pool!.query(`SELECT pg_notify('lianxin_needs', $1)`, [t.fx.region.C1!.districtId]);
    expect(await otherAnswers(total, before)).toBe(before);
  });

  it('the figures kept on the other instance follow a need submitted here, and a region moved here', async () => {
    const { t, other, c } = both;
    const received = async () => ((await other.inject({ url: '/api/figures/summary', headers: { cookie: c.communityAdmin1! } })).json() as { totals: { received: number } }).totals.received;
    await signalsHeard(other.deps.database); // earlier tests' signals land first
    const before = await received();
    const need = await postNeed(t, c.resident1!);
    expect(await otherAnswers(received, before + 1)).toBe(before + 1);
    // kept there now: a change nobody signals is not counted …
    await unsignalled(t, `UPDATE needs SET created_at = created_at - interval '400 days' WHERE id = '${need.id}'`);
    await signalsHeard(other.deps.database);
    expect(await received()).toBe(before + 1);
    // … until a region's move (its path rewritten) is signalled: the subtree may have changed
    await t.database.db.execute(sql`UPDATE regions SET path = path WHERE id = ${t.fx.region.B1!.id}`);
    expect(await otherAnswers(received, before)).toBe(before);
  });
});

/* One count for callers asking at the same time (keptKind's keptOrCounted): the rules, on a bare database (no app). */
describe('a count shared by callers who ask while it is under way', () => {
  /** The district every count here is made in (a tag: nothing is read from it). */
  const D = 'district-a';
  let kept: KeptCounts;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    kept = createKeptCounts(database, () => undefined);
    await kept.ready();
  });
  afterAll(async () => {
    await kept?.close();
    await database?.drop();
  });

  type Dated = { n: number; from: number };
  /** Counts that answer when told to (`finishAll`), each with the `from` it was started with. */
  function counter() {
    let runs = 0;
    const finish: (() => void)[] = [];
    return {
      runs: () => runs,
      count: (from: number) => () => {
        runs++;
        return new Promise<Dated>((resolve) => finish.push(() => resolve({ n: runs, from })));
      },
      finishAll: () => finish.splice(0).forEach((f) => f()),
    };
  }

  it('shares one count with every caller for whom it holds, and keeps it', async () => {
    const kind = keptKind<Dated>(kept, 'shared');
    const c = counter();
    const asked = [0, 1, 2].map(() => kind.keptOrCounted('k', D, () => true, c.count(10)));
    await new Promise((r) => setTimeout(r, 0));
    c.finishAll();
    const answers = await Promise.all(asked);
    expect(c.runs()).toBe(1);
    expect(answers.every((a) => a === answers[0])).toBe(true);
    expect(await kind.keptOrCounted('k', D, () => true, c.count(20))).toBe(answers[0]);
    expect(c.runs()).toBe(1);
  });

  it('counts again for a caller it does not hold for, after a write, and after a failed count', async () => {
    const kind = keptKind<Dated>(kept, 'apart');
    const c = counter();
    const first = kind.keptOrCounted('k', D, () => true, c.count(10));
    // counted at 10: a caller whose now is before that counts for themselves
    const early = kind.keptOrCounted('k', D, (v) => v.from <= 5, c.count(5));
    await new Promise((r) => setTimeout(r, 0));
    c.finishAll();
    await new Promise((r) => setTimeout(r, 0));
    c.finishAll();
    expect([(await first).from, (await early).from]).toEqual([10, 5]);
    expect(c.runs()).toBe(2);

    // a write while a count is under way: who asks after it does not share it
    const d = counter();
    const before = kind.keptOrCounted('w', D, () => true, d.count(1));
    await database.db.execute(sql`UPDATE needs SET updated_at = updated_at WHERE false`);
    const after = kind.keptOrCounted('w', D, () => true, d.count(2));
    await new Promise((r) => setTimeout(r, 0));
    d.finishAll();
    expect([(await before).from, (await after).from]).toEqual([1, 2]);
    expect(d.runs()).toBe(2);

    // a count that fails is no one's answer: who waited for it counts again
    let tries = 0;
    const failing = kind.keptOrCounted('f', D, () => true, () => Promise.reject(new Error(`failed ${++tries}`)));
    const waiter = kind.keptOrCounted('f', D, () => true, () => Promise.resolve({ n: 1, from: 3 }));
    await expect(failing).rejects.toThrow('failed 1');
    expect((await waiter).from).toBe(3);
  });

  it('shares and keeps nothing while the cache does not keep (PostgreSQL: not listening)', async () => {
    const deaf: KeptCounts = { ...kept, keeping: () => false, get: () => undefined, set: () => undefined };
    const kind = keptKind<Dated>(deaf, 'deaf');
    const c = counter();
    const asked = [0, 1].map(() => kind.keptOrCounted('k', D, () => true, c.count(1)));
    await new Promise((r) => setTimeout(r, 0));
    c.finishAll();
    await Promise.all(asked);
    expect(c.runs()).toBe(2);
  });
});
