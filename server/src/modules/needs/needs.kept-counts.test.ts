import { sql } from 'drizzle-orm';
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
    const asked = [0, 1, 2].map(() => kind.keptOrCounted('k', () => true, c.count(10)));
    await new Promise((r) => setTimeout(r, 0));
    c.finishAll();
    const answers = await Promise.all(asked);
    expect(c.runs()).toBe(1);
    expect(answers.every((a) => a === answers[0])).toBe(true);
    expect(await kind.keptOrCounted('k', () => true, c.count(20))).toBe(answers[0]);
    expect(c.runs()).toBe(1);
  });

  it('counts again for a caller it does not hold for, after a write, and after a failed count', async () => {
    const kind = keptKind<Dated>(kept, 'apart');
    const c = counter();
    const first = kind.keptOrCounted('k', () => true, c.count(10));
    // counted at 10: a caller whose now is before that counts for themselves
    const early = kind.keptOrCounted('k', (v) => v.from <= 5, c.count(5));
    await new Promise((r) => setTimeout(r, 0));
    c.finishAll();
    await new Promise((r) => setTimeout(r, 0));
    c.finishAll();
    expect([(await first).from, (await early).from]).toEqual([10, 5]);
    expect(c.runs()).toBe(2);

    // a write while a count is under way: who asks after it does not share it
    const d = counter();
    const before = kind.keptOrCounted('w', () => true, d.count(1));
    await database.db.execute(sql`UPDATE needs SET updated_at = updated_at WHERE false`);
    const after = kind.keptOrCounted('w', () => true, d.count(2));
    await new Promise((r) => setTimeout(r, 0));
    d.finishAll();
    expect([(await before).from, (await after).from]).toEqual([1, 2]);
    expect(d.runs()).toBe(2);

    // a count that fails is no one's answer: who waited for it counts again
    let tries = 0;
    const failing = kind.keptOrCounted('f', () => true, () => Promise.reject(new Error(`failed ${++tries}`)));
    const waiter = kind.keptOrCounted('f', () => true, () => Promise.resolve({ n: 1, from: 3 }));
    await expect(failing).rejects.toThrow('failed 1');
    expect((await waiter).from).toBe(3);
  });

  it('shares and keeps nothing while the cache does not keep (PostgreSQL: not listening)', async () => {
    const deaf: KeptCounts = { ...kept, keeping: () => false, get: () => undefined, set: () => undefined };
    const kind = keptKind<Dated>(deaf, 'deaf');
    const c = counter();
    const asked = [0, 1].map(() => kind.keptOrCounted('k', () => true, c.count(1)));
    await new Promise((r) => setTimeout(r, 0));
    c.finishAll();
    await Promise.all(asked);
    expect(c.runs()).toBe(2);
  });
});
