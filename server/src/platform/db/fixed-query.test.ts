import { and, eq, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDatabase } from '../../test/harness.js';
import { fixedQuery } from './fixed-query.js';
import type { DbOrTx } from './types.js';
import { OutsideTransactionError } from './unit-of-work.js';

const probe = pgTable('fixed_probe', { n: integer('n').primaryKey(), label: text('label').notNull(), at: timestamp('at', { withTimezone: true }).notNull() });
const tag = pgTable('fixed_probe_tag', { n: integer('n').notNull(), tag: text('tag'), at: timestamp('at', { withTimezone: true }) });

let builds = 0;
const byNumber = fixedQuery(['n', 'label'], (db, p) => {
  builds++;
  return db.select({ n: probe.n, label: probe.label, at: probe.at }).from(probe).where(and(eq(probe.n, p.n), eq(probe.label, p.label)));
});
const anyOf = fixedQuery(['ns'], (db, p) => db.select({ n: probe.n }).from(probe).where(sql`${probe.n} = ANY(${p.ns}::int[])`).orderBy(probe.n));
const locked = fixedQuery(['n'], (db, p) => db.select({ label: probe.label }).from(probe).where(eq(probe.n, p.n)).for('update'));
/** Every kind of field drizzle maps: a whole table as an object, a left-joined one, a decoded SQL piece, an aliased one. */
const everyKind = (db: DbOrTx, n: unknown) =>
  db
    .select({
      item: probe,
      tag,
      twice: sql<number>`${probe.n} * 2`.mapWith(Number),
      named: sql<string>`upper(${probe.label})`.as('named'),
      when: { at: probe.at, tagged: tag.at },
    })
    .from(probe)
    .leftJoin(tag, eq(tag.n, probe.n))
    .where(sql`${probe.n} >= ${n}`)
    .orderBy(probe.n, tag.tag);
const fixedEveryKind = fixedQuery(['n'], (db, p) => everyKind(db, p.n));

// node-postgres is the driver of PostgreSQL and of PGlite on its thread: one of them is enough
const drivers = backends.includes('postgres') ? backends : [...backends, 'pglite-worker' as const];

describe.each(drivers)('a fixed query is built once and runs with new values, on %s', (backend) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    await database.db.execute(sql`CREATE TABLE fixed_probe (n int PRIMARY KEY, label text NOT NULL, at timestamptz NOT NULL)`);
    await database.db.execute(sql`INSERT INTO fixed_probe VALUES (1, '一', '2026-12-01T00:00:00Z'), (2, '二', '2026-12-02T00:00:00Z'), (3, '三', '2026-12-03T00:00:00Z')`);
    await database.db.execute(sql`CREATE TABLE fixed_probe_tag (n int NOT NULL, tag text, at timestamptz)`);
    // 1 has two tags, 2 none (the left join's columns all null), 3 one whose columns are all null but n
    await database.db.execute(sql`INSERT INTO fixed_probe_tag VALUES (1, 'a', '2026-12-05T00:00:00Z'), (1, 'b', NULL), (3, NULL, NULL)`);
  });
  afterAll(() => database.drop());

  it('answers each call with its own values, mapped as drizzle maps them', async () => {
    const before = builds;
    expect(await byNumber(database.db, { n: 1, label: '一' })).toEqual([{ n: 1, label: '一', at: new Date('2026-12-01T00:00:00Z') }]);
    expect(await byNumber(database.db, { n: 2, label: '二' })).toEqual([{ n: 2, label: '二', at: new Date('2026-12-02T00:00:00Z') }]);
    expect(await byNumber(database.db, { n: 2, label: '一' })).toEqual([]);
    // built at most once per driver and process, whatever the number of calls
    expect(builds - before).toBeLessThanOrEqual(1);
  });

  it('maps its rows as drizzle maps them, field looked at once or not', async () => {
    const mine = await fixedEveryKind(database.db, { n: 1 });
    expect(mine).toEqual(await everyKind(database.db, 1));
    expect(mine).toHaveLength(4);
    // the row without a tag: the left-joined table is null, not an object of nulls
    expect(mine.find((r) => r.item.n === 2)).toEqual({ item: { n: 2, label: '二', at: new Date('2026-12-02T00:00:00Z') }, tag: null, twice: 4, named: '二', when: { at: new Date('2026-12-02T00:00:00Z'), tagged: null } });
    // a tag row whose own columns are null but its key: still an object (a column of it is not null)
    expect(mine.find((r) => r.item.n === 3)!.tag).toEqual({ n: 3, tag: null, at: null });
    expect(await fixedEveryKind(database.db, { n: 3 })).toEqual(await everyKind(database.db, 3));
  });

  it('takes an array as one value: the same text for any number of elements', async () => {
    expect(await anyOf(database.db, { ns: [2, 1] })).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await anyOf(database.db, { ns: [2] })).toEqual([{ n: 2 }]);
    expect(await anyOf(database.db, { ns: [] })).toEqual([]);
  });

  it("runs on the transaction's connection: it sees the transaction's own writes, and its lock holds there", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE fixed_probe SET label = '改' WHERE n = 1`);
        const inside = await byNumber(tx, { n: 1, label: '改' });
        expect(inside).toHaveLength(1);
        expect(await locked(tx, { n: 1 })).toEqual([{ label: '改' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // rolled back with the transaction: the root connection never saw the change
    expect(await byNumber(database.db, { n: 1, label: '改' })).toEqual([]);
    expect(await byNumber(database.db, { n: 1, label: '一' })).toHaveLength(1);
  });

  it('refuses the root database from inside a transaction, like any query', async () => {
    const err = (await database.db.transaction(() => byNumber(database.db, { n: 1, label: '一' })).catch((e: unknown) => e)) as Error & { cause?: unknown };
    expect(err instanceof OutsideTransactionError ? err : err.cause).toBeInstanceOf(OutsideTransactionError);
  });
});
