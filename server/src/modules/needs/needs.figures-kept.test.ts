import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { backends, createTestApp, signalsHeard, type TestApp } from '../../test/harness.js';
import { postNeed } from '../../test/needs-helpers.js';
import { createFigureCounter, type FigureCounter } from './needs.figures-kept.js';
import { countFigures, type CountedFigures, type FigureQuery } from './needs.figures.js';
import { createKeptCounts, keptKind, type KeptCounts } from './needs.kept-counts.js';
import { OutsideTransactionError } from '../../platform/db/unit-of-work.js';

/*
 * The figures' counts kept between requests (needs.figures-kept.ts), seen from the statements they
 * send: the database is the test app's own, its `execute` counted on the way through. What the
 * counts say, and that they follow changes and the clock, figures.test.ts checks through the API.
 */
describe.each(backends)('the figures’ counts kept between requests, on %s', (backend) => {
  let t: TestApp;
  let counter: FigureCounter;
  let kept: KeptCounts;
  let statements = 0;
  let admin: Actor;
  let query: FigureQuery;
  let needId: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const db = t.database.db;
    // the same database, its statements counted
    const counted = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'execute') return Reflect.get(target, prop, receiver) as unknown;
        return (q: Parameters<Db['execute']>[0]) => {
          statements++;
          return target.execute(q);
        };
      },
    });
    kept = createKeptCounts(t.database, () => undefined);
    const figures = keptKind<CountedFigures>(kept, 'figures');
    counter = createFigureCounter({ db: counted, teams: t.app.services.teams }, () => figures);
    await kept.ready();
    const cookie = await t.login('districtAdmin');
    needId = (await postNeed(t, await t.login('resident1'))).id;
    admin = (await t.app.services.auth.resolveSession(cookie.slice('lx_session='.length), { ip: '127.0.0.1' }))!;
    const now = t.clock.now();
    query = { regionPath: admin.regionPath, start: new Date(now.getTime() - 86_400_000), end: new Date(now.getTime() + 86_400_000), now, group: { by: 'region', level: 'community' } };
    // on PostgreSQL this instance hears its own writes' signals a moment after they commit
    await signalsHeard(t.database);
  });
  afterAll(async () => {
    await kept?.close();
    await t?.close();
  });

  it('counts once for callers who ask at the same time, then not again until something is written', async () => {
    statements = 0;
    const answers = await Promise.all(Array.from({ length: 5 }, () => counter.count(admin, query)));
    expect(statements).toBe(1);
    expect(answers.every((a) => a === answers[0])).toBe(true);
    expect(answers[0]!.total.received).toBeGreaterThanOrEqual(1);
    await counter.count(admin, { ...query, now: new Date(query.now.getTime() + 1000) });
    expect(statements).toBe(1);
    // another grouping is another count
    await counter.count(admin, { ...query, group: { by: 'team' } });
    expect(statements).toBe(2);
    await t.database.db.execute(sql`UPDATE needs SET updated_at = updated_at WHERE false`);
    await counter.count(admin, query);
    expect(statements).toBe(3);
  });

  it('knows the first moment the clock alone changes a count: 24 hours before an open deadline, else the deadline', async () => {
    const deps = { db: t.database.db, teams: t.app.services.teams };
    const H = 3_600_000;
    const at = query.now.getTime();
    const deadline = async (ms: number | null) => {
      await t.database.db.execute(sql`UPDATE needs SET deadline_at = ${ms === null ? null : new Date(ms).toISOString()}::timestamptz, status = 'accepted' WHERE id = ${needId}`);
      return countFigures(deps, admin, query);
    };
    expect((await deadline(at + 30 * H + 123)).until).toBe(at + 6 * H + 123); // due soon from then on
    expect((await deadline(at + 2 * H)).until).toBe(at + 2 * H); // overdue after it
    expect((await deadline(at)).until).toBe(at); // at the deadline itself: not yet overdue
    expect((await deadline(at + 24 * H)).until).toBe(at); // exactly 24 hours ahead: due soon just after now
    // a deadline between two milliseconds (PostgreSQL keeps microseconds): the millisecond before it
    await t.database.db.execute(sql`UPDATE needs SET deadline_at = ${new Date(at + 2 * H).toISOString()}::timestamptz + interval '500 microseconds' WHERE id = ${needId}`);
    expect((await countFigures(deps, admin, query)).until).toBe(at + 2 * H);
    const past = await deadline(at - 1);
    expect(past.until).toBe(Infinity); // overdue already: only a write changes it
    expect(past.counts.total.overdue).toBeGreaterThanOrEqual(1);
    expect((await deadline(null)).until).toBe(Infinity);
  });

  it('is counted inside a transaction, never read from what is kept: the root database refuses it there as any read', async () => {
    await counter.count(admin, query); // kept now
    const refused = await t.database.db.transaction(() => counter.count(admin, query)).catch((err: unknown) => err);
    expect((refused as { cause?: unknown }).cause).toBeInstanceOf(OutsideTransactionError);
  });

  it('keeps at most a kind’s own limit, the one kept first making room, and leaves the other kinds be', async () => {
    const big = keptKind<number>(kept, 'big', { maxEntries: 2 });
    const small = keptKind<number>(kept, 'small');
    const at = kept.generation();
    small.set('x', 0, at, 'd');
    for (const [i, key] of ['a', 'b', 'c'].entries()) big.set(key, i, at, 'd');
    expect([big.get('a'), big.get('b'), big.get('c'), small.get('x')]).toEqual([undefined, 1, 2, 0]);
    big.set('b', 9, at, 'd'); // kept again: now the newest
    big.set('d', 3, at, 'd');
    expect([big.get('b'), big.get('c'), big.get('d')]).toEqual([9, undefined, 3]);
  });
});
