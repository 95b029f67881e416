import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/harness.js';
import { queryRows } from './client.js';
import { analyzeTable, nextNightlyRun, startEmbeddedMaintenance, tidyTables } from './maintenance.js';

describe('the nightly run', () => {
  it('is the next 03:00 in Shanghai (19:00 UTC), strictly after now', () => {
    expect(nextNightlyRun(new Date('2026-12-02T07:00:00Z')).toISOString()).toBe('2026-12-02T19:00:00.000Z');
    expect(nextNightlyRun(new Date('2026-12-02T18:59:59Z')).toISOString()).toBe('2026-12-02T19:00:00.000Z');
    expect(nextNightlyRun(new Date('2026-12-02T19:00:00Z')).toISOString()).toBe('2026-12-03T19:00:00.000Z');
    expect(nextNightlyRun(new Date('2026-12-31T20:00:00Z')).toISOString()).toBe('2027-01-01T19:00:00.000Z');
  });
});

describe('upkeep of the embedded database (no autovacuum there)', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase('pglite-worker');
    await database.db.execute(sql`CREATE TABLE upkeep_probe (n int PRIMARY KEY, label text)`);
    await database.db.execute(sql`INSERT INTO upkeep_probe SELECT g, 'row ' || g FROM generate_series(1, 5000) g`);
  });
  afterAll(() => database.drop());

  const estimate = async () => (await queryRows<{ n: number }>(database.db, sql`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'upkeep_probe'`))[0]!.n;

  const pagesOf = async (table: string) =>
    (await queryRows<{ pages: number; visible: number }>(database.db, sql`SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE relname = ${table}`))[0]!;

  it('after a start, vacuums (and analyses) a table never vacuumed, analyses a small one never analysed, then leaves both until the night', async () => {
    await database.db.execute(sql`CREATE TABLE upkeep_small (n int)`);
    await database.db.execute(sql`INSERT INTO upkeep_small SELECT generate_series(1, 10)`);
    expect(await estimate()).toBeLessThan(0);
    expect((await pagesOf('upkeep_probe')).visible).toBe(0);
    const first = await tidyTables(database, { pass: 'start' });
    expect(first).toBeGreaterThan(0);
    expect(await estimate()).toBe(5000);
    // the planner now knows the column: a histogram for n
    const [stats] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'upkeep_probe' AND attname = 'n'`);
    expect(stats!.n).toBe(1);
    // vacuumed: every page marked all-visible, so an index-only scan reads the index alone
    const probe = await pagesOf('upkeep_probe');
    expect(probe.pages).toBeGreaterThanOrEqual(8);
    expect(probe.visible).toBe(probe.pages);
    // the small table was analysed only (its page is never marked: left to the night)
    const [small] = await queryRows<{ n: number }>(database.db, sql`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'upkeep_small'`);
    expect(small!.n).toBe(10);
    expect((await pagesOf('upkeep_small')).visible).toBe(0);
    expect(await tidyTables(database, { pass: 'start' })).toBe(0);
  });

  it('analyses a big table a column per statement, letting others through between; a small one at once', async () => {
    await database.db.execute(sql`CREATE TABLE upkeep_wide (n int, label text, at timestamptz, muted int)`);
    await database.db.execute(sql`ALTER TABLE upkeep_wide ALTER COLUMN muted SET STATISTICS 0`);
    // 130 pages or more: ~60 rows of a 130-byte row a page
    await database.db.execute(sql`INSERT INTO upkeep_wide SELECT g, repeat('x', 100) || g, now(), g FROM generate_series(1, 9000) g`);
    let between = 0;
    await analyzeTable(database, 'upkeep_wide', { between: async () => void between++ });
    // three columns analysed (muted's statistics are off), two pauses between them
    expect(between).toBe(2);
    const stats = await queryRows<{ col: string }>(database.db, sql`SELECT attname AS col FROM pg_stats WHERE tablename = 'upkeep_wide' ORDER BY attname`);
    expect(stats.map((r) => r.col)).toEqual(['at', 'label', 'n']);
    const [rel] = await queryRows<{ n: number }>(database.db, sql`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'upkeep_wide'`);
    expect(rel!.n).toBe(9000);
    // PostgreSQL (many connections): one statement, no pause
    await database.db.execute(sql`CREATE TABLE upkeep_narrow (n int, label text)`);
    await database.db.execute(sql`INSERT INTO upkeep_narrow SELECT g, 'x' FROM generate_series(1, 100) g`);
    between = 0;
    await analyzeTable(database, 'upkeep_narrow', { between: async () => void between++ });
    await analyzeTable({ ...database, kind: 'postgres' }, 'upkeep_wide', { between: async () => void between++ });
    expect(between).toBe(0);
    expect((await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'upkeep_narrow'`))[0]!.n).toBe(2);
  });

  it('analyses a big table in one statement when every column reads a small sample (statistics target 10 or less), or when nobody else uses the database yet', async () => {
    await database.db.execute(sql`CREATE TABLE upkeep_log (n int, label text, at timestamptz)`);
    for (const column of ['n', 'label', 'at']) await database.db.execute(sql.raw(`ALTER TABLE upkeep_log ALTER COLUMN ${column} SET STATISTICS 10`));
    await database.db.execute(sql`INSERT INTO upkeep_log SELECT g, repeat('x', 100) || g, now() FROM generate_series(1, 9000) g`);
    const statements: string[] = [];
    let between = 0;
    const opts = { between: async () => void between++, onStatement: (statement: string) => statements.push(statement) };
    await analyzeTable(database, 'upkeep_log', opts);
    expect([statements, between]).toEqual([['ANALYZE "upkeep_log"'], 0]);
    expect((await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'upkeep_log'`))[0]!.n).toBe(3);
    // one column at the default target: a column per statement again
    await database.db.execute(sql`ALTER TABLE upkeep_log ALTER COLUMN label SET STATISTICS -1`);
    statements.length = 0;
    await analyzeTable(database, 'upkeep_log', opts);
    expect([statements, between]).toEqual([['ANALYZE "upkeep_log" ("n")', 'ANALYZE "upkeep_log" ("label")', 'ANALYZE "upkeep_log" ("at")'], 2]);
    // alone (the demo's seed before the app opens): the whole table at once
    statements.length = 0;
    await analyzeTable(database, 'upkeep_log', { ...opts, alone: true });
    expect([statements, between]).toEqual([['ANALYZE "upkeep_log"'], 2]);
  });

  it('a table cut short while analysed column by column is analysed again at the next start; an abort stops between columns', async () => {
    await database.db.execute(sql`CREATE TABLE upkeep_cut (n int, label text, at timestamptz)`);
    await database.db.execute(sql`INSERT INTO upkeep_cut SELECT g, repeat('x', 100) || g, now() FROM generate_series(1, 9000) g`);
    // the start before was stopped after the first column: the table counts rows, but its last column has no statistics
    const stop = new AbortController();
    const cut: string[] = [];
    await analyzeTable(database, 'upkeep_cut', {
      between: async () => undefined,
      signal: stop.signal,
      onStatement: (statement) => {
        cut.push(statement);
        stop.abort();
      },
    });
    expect(cut).toEqual(['ANALYZE "upkeep_cut" ("n")']);
    const statements: string[] = [];
    await tidyTables(database, { pass: 'start', onStatement: (statement) => statements.push(statement) });
    expect(statements).toContain('VACUUM "upkeep_cut"');
    expect(statements).toContain('ANALYZE "upkeep_cut" ("at")');
    expect(statements.some((x) => x.includes('VACUUM (ANALYZE)'))).toBe(false);
    // now whole: the next start leaves it alone
    const again: string[] = [];
    await tidyTables(database, { pass: 'start', onStatement: (statement) => again.push(statement) });
    expect(again.filter((x) => x.includes('upkeep_cut'))).toEqual([]);
  });

  it('alone (the demo seed, before the app opens): tidies what a start would, each table in whole statements', async () => {
    await database.db.execute(sql`CREATE TABLE upkeep_seeded (n int, label text, at timestamptz)`);
    await database.db.execute(sql`INSERT INTO upkeep_seeded SELECT g, repeat('x', 100) || g, now() FROM generate_series(1, 9000) g`);
    const statements: string[] = [];
    expect(await tidyTables(database, { pass: 'start', alone: true, onStatement: (statement) => statements.push(statement) })).toBeGreaterThan(0);
    expect(statements.filter((x) => x.includes('upkeep_seeded'))).toEqual(['VACUUM "upkeep_seeded"', 'ANALYZE "upkeep_seeded"']);
    expect(statements.filter((x) => x.includes('" ('))).toEqual([]);
    // nothing left for the upkeep after the start
    expect(await tidyTables(database, { pass: 'start' })).toBe(0);
  });

  it('between starts, analyses again a table that has doubled since it was last analysed, and only that', async () => {
    await database.db.execute(sql`CREATE TABLE upkeep_growing (n int PRIMARY KEY, label text)`);
    await database.db.execute(sql`INSERT INTO upkeep_growing SELECT g, repeat('y', 60) FROM generate_series(1, 2000) g`);
    await database.db.execute(sql`ANALYZE upkeep_growing`);
    await tidyTables(database, { pass: 'growth' }); // whatever else the earlier tests left
    const estimate = async () => (await queryRows<{ n: number }>(database.db, sql`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'upkeep_growing'`))[0]!.n;
    const grown = async () => {
      const statements: string[] = [];
      await tidyTables(database, { pass: 'growth', onStatement: (statement) => statements.push(statement) });
      return statements;
    };
    // a quarter more: left alone
    await database.db.execute(sql`INSERT INTO upkeep_growing SELECT g, repeat('y', 60) FROM generate_series(2001, 2500) g`);
    expect(await grown()).toEqual([]);
    expect(await estimate()).toBe(2000);
    // twice its pages at the last ANALYZE: analysed again (the planner now counts its rows)
    await database.db.execute(sql`INSERT INTO upkeep_growing SELECT g, repeat('y', 60) FROM generate_series(2501, 4500) g`);
    expect(await grown()).toEqual(['ANALYZE "upkeep_growing"']);
    expect(await estimate()).toBe(4500);
    expect(await grown()).toEqual([]);
  });

  it('counts a table analysed while empty as never analysed once it has rows, but one analysed with its rows deleted as analysed', async () => {
    await database.db.execute(sql`CREATE TABLE upkeep_filled (n int, label text)`);
    await database.db.execute(sql`ANALYZE upkeep_filled`);
    const started = async () => {
      const statements: string[] = [];
      await tidyTables(database, { pass: 'start', onStatement: (statement) => statements.push(statement) });
      return statements.filter((x) => x.includes('upkeep_filled'));
    };
    expect(await started()).toEqual([]);
    // filled after an ANALYZE that found it empty (a migration leaves `regions` so; a page or two, below
    // the size the upkeep vacuums at): analysed by the next start
    await database.db.execute(sql`INSERT INTO upkeep_filled SELECT g, 'z' FROM generate_series(1, 300) g`);
    expect(await started()).toEqual(['ANALYZE "upkeep_filled"']);
    expect((await queryRows<{ n: number }>(database.db, sql`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'upkeep_filled'`))[0]!.n).toBe(300);
    // every row deleted, then analysed: no live rows on its pages is an answer, not asked again
    await database.db.execute(sql`DELETE FROM upkeep_filled`);
    await database.db.execute(sql`ANALYZE upkeep_filled`);
    expect(await started()).toEqual([]);
  });

  it('the nightly pass vacuums and analyses every table, and an abort stops it between tables', async () => {
    await database.db.execute(sql`DELETE FROM upkeep_probe WHERE n > 1000`);
    const every = await tidyTables(database, { pass: 'night' });
    expect(every).toBeGreaterThan(10);
    expect(await estimate()).toBe(1000);
    const stopped = new AbortController();
    stopped.abort();
    expect(await tidyTables(database, { pass: 'night', signal: stopped.signal })).toBe(0);
  });

  it('starts on the embedded database and stops cleanly; does nothing on PostgreSQL', async () => {
    const lines: string[] = [];
    const upkeep = startEmbeddedMaintenance(database, { now: () => new Date(), log: (l) => lines.push(l) });
    await upkeep.stop();
    const none = startEmbeddedMaintenance({ ...database, kind: 'postgres' }, { now: () => new Date(), log: (l) => lines.push(l) });
    await none.stop();
    expect(lines.every((l) => !/failed/.test(l))).toBe(true);
  });
});
