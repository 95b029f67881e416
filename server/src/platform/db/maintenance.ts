import { sql } from 'drizzle-orm';
import { queryRows, type Database } from './client.js';
import { usersFirst } from './users-first.js';

/**
 * Embedded PGlite has no autovacuum: it is one session in this process, with no background workers.
 * Left alone, a table the demo or a year of use filled keeps the planner's "never analysed" guesses —
 * measured on the demo district: a community's last needs page took 166 ms to execute with those
 * guesses and 4 ms after ANALYZE — and dead rows are never cleaned, nor the visibility map kept, so an
 * index-only scan reads the table's rows too (a community's list page counted its 927 needs by reading
 * 933 rows of the table besides the index: 8.0 ms on a freshly opened demo, 4.7 ms once `needs` was
 * vacuumed; in `bench:reads`, warm, PGlite's work per list page 2.74 → 2.58 ms). This stands in for
 * autovacuum:
 *  - after each start, every table of 8 pages or more, most of them never marked all-visible, is vacuumed
 *    (and analysed too if it never was), and every other table never analysed (`reltuples < 0`, or
 *    counted empty and grown since) is analysed;
 *  - every minute, every table of 8 pages or more that has doubled since it was last analysed (or was
 *    never analysed) is analysed again: the planner's statistics, and the plans it keeps for the
 *    foreign-key checks, were made when the tables were small — on a fresh district's grabs the need's
 *    update chose a unique index on (district, idempotency key) over its primary key and the
 *    deliveries' foreign-key check took 0.26–1.06 ms a row, 0.03 ms after ANALYZE (a grab's statements
 *    on PGlite 4.66 → 3.48 ms);
 *  - every night at 03:00 Asia/Shanghai, every table is vacuumed and analysed.
 * VACUUM and ANALYZE apart, a big table's ANALYZE a column per statement (`analyzeTable`) unless its
 * sample is small, the users' requests in hand let through between statements (`usersFirst`), so a
 * request on the single embedded connection waits for one statement at most, never for a table or the
 * whole database. The demo's seed runs the start's pass itself before the app opens, in whole
 * statements (`alone`; demo/history.pace.ts `tidySeeded`), and its history vacuums the ledger's tables
 * as they fill (`tidyAsTheyGrow`): the upkeep after the demo's first start went from 243 statements
 * (6–8 s, 62 of them over 40 ms, the longest VACUUM `ledger_entries` 91–234 ms and `needs`' columns
 * 70–220 ms) to about 20 (0.2 s, the longest 46–56 ms). The longest statements a user can wait behind
 * are then the history's ANALYZE of a `ledger_transactions` column (60–80 ms) and, at night, a
 * `needs` column (70–95 ms) or a `volunteer_service_entries` one (up to 153 ms once).
 * Real PostgreSQL has autovacuum: nothing runs there.
 */
const NIGHTLY_HOUR_SHANGHAI = 3;
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The next 03:00 in Asia/Shanghai (UTC+8, no daylight saving) strictly after `now`. */
export function nextNightlyRun(now: Date): Date {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const run = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), NIGHTLY_HOUR_SHANGHAI) - SHANGHAI_OFFSET_MS;
  return new Date(run > now.getTime() ? run : run + 24 * 3600_000);
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Tables this small are left to the night: a scan of a few pages costs nothing worth a pause. */
const SMALL_PAGES = 8;

/**
 * A table this big is analysed a column per statement on the embedded database. ANALYZE reads a
 * sample of up to 30,000 rows once, then sorts it for each column: measured on the demo district,
 * `needs` (45 columns, 3,400 pages) took 1.0–1.3 s in one statement — a user's request waited for all
 * of it — and 45–100 ms a column; at statistics target 10 it took 61 ms, but with a tenth of the
 * sample. A column at a time keeps the statistics as they were (this schema has no expression index
 * and no CREATE STATISTICS, which only a whole-table ANALYZE builds); a table whose reading of the
 * sample is itself long stays long a column (`need_events`, 11,775 pages: 100–200 ms each).
 */
const ANALYZE_BY_COLUMN_PAGES = 128;

type Tidy = 'VACUUM (ANALYZE)' | 'VACUUM' | 'ANALYZE';
type Pass = 'start' | 'growth' | 'night';

/** How often the tables' growth is checked (one query over pg_class; an ANALYZE only where one doubled). */
const GROWTH_EVERY_MS = 60_000;

/**
 * The columns ANALYZE gives statistics (of `pg_attribute` as `a`): those `analyzeTable` walks, in
 * attnum order, and whose last one `tables` looks for — one condition, so the two cannot drift apart.
 * Statistics switched off (SET STATISTICS 0) stay off, as a whole-table ANALYZE does: 0 is off, -1
 * (PostgreSQL 15) or NULL (17) the default.
 */
const ANALYSED_COLUMN = 'a.attnum > 0 AND NOT a.attisdropped AND coalesce(a.attstattarget, -1) <> 0';
const analysedColumn = sql.raw(ANALYSED_COLUMN);

/**
 * Whether a table (of `pg_class` as `c`) has its planner statistics. reltuples is -1 until a VACUUM or
 * ANALYZE; a table analysed a column at a time and cut short (or only vacuumed) has none for its last
 * column yet; one counted empty with no pages (a migration leaves `regions` so) has none once it has
 * rows — while one analysed with pages and no live rows left (inserted, then deleted) has its answer.
 */
export const analysedTable = sql.raw(`c.reltuples >= 0 AND (
  (c.reltuples = 0 AND (c.relpages > 0 OR pg_relation_size(c.oid) = 0))
  OR EXISTS (SELECT 1 FROM pg_statistic s WHERE s.starelid = c.oid AND s.staattnum = (
    SELECT max(a.attnum) FROM pg_attribute a WHERE a.attrelid = c.oid AND ${ANALYSED_COLUMN})))`);

/** A statement of the upkeep and its time, for a caller that reports them (bench/history.bench.ts). */
export type OnStatement = (statement: string, ms: number) => void;

async function timed(database: Database, statement: string, onStatement?: OnStatement): Promise<void> {
  const t0 = performance.now();
  await database.db.execute(sql.raw(statement));
  onStatement?.(statement, performance.now() - t0);
}

/**
 * A column whose statistics target is at most this reads a sample of 3,000 rows (300 a point): the
 * sample, not the columns, is most of a table's ANALYZE then. Measured on the demo's timeline
 * (`need_events`, every column at 10, migration 0036): the table in one statement 61–72 ms warm, a
 * column alone 35–73 ms, so thirteen statements cost thirteen times one and shortened none.
 */
const SMALL_SAMPLE_TARGET = 10;

/**
 * ANALYZE of one table, a column per statement when the table is big, its sample large and the
 * database embedded (`ANALYZE_BY_COLUMN_PAGES`, `SMALL_SAMPLE_TARGET`), with `between()` after each
 * statement but the last; PostgreSQL has many connections, so one statement there, and `alone` (no
 * one else uses the database yet: the demo's seed before the app opens) too.
 */
export async function analyzeTable(database: Database, table: string, opts: { between: () => Promise<void>; onStatement?: OnStatement; signal?: AbortSignal; alone?: boolean }): Promise<void> {
  const whole = () => timed(database, `ANALYZE ${quoted(table)}`, opts.onStatement);
  if (database.kind !== 'pglite' || opts.alone) return whole();
  const [rel] = await queryRows<{ pages: number }>(database.db, sql`SELECT (pg_relation_size(${quoted(table)}::regclass) / current_setting('block_size')::int)::int AS pages`);
  if ((rel?.pages ?? 0) < ANALYZE_BY_COLUMN_PAGES) return whole();
  // the target as set (-1 or NULL: the default, 100)
  const columns = await queryRows<{ name: string; target: number | null }>(
    database.db,
    sql`SELECT a.attname AS name, a.attstattarget::int AS target FROM pg_attribute a WHERE a.attrelid = ${quoted(table)}::regclass AND ${analysedColumn} ORDER BY a.attnum`,
  );
  if (columns.every((c) => c.target !== null && c.target > 0 && c.target <= SMALL_SAMPLE_TARGET)) return whole();
  // in column order: a table whose last column has statistics was analysed to the end (`tables`)
  for (const [i, { name }] of columns.entries()) {
    if (i > 0) await opts.between();
    if (opts.signal?.aborted) return; // shutting down: the next start analyses the table again
    await timed(database, `ANALYZE ${quoted(table)} (${quoted(name)})`, opts.onStatement);
  }
}

/** What each table needs: everything at night; after a start, what the demo or the last day left untidy; in between, what grew. */
async function tables(database: Database, pass: Pass): Promise<{ name: string; tidy: Tidy }[]> {
  const rows = await queryRows<{ name: string; pages: number; recorded: number; visible: number; analysed: boolean }>(
    database.db,
    sql`SELECT c.relname AS name, (pg_relation_size(c.oid) / current_setting('block_size')::int)::int AS pages,
               c.relpages AS recorded, c.relallvisible AS visible,
               ${analysedTable} AS analysed
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY pages DESC, c.relname`,
  );
  const out: { name: string; tidy: Tidy }[] = [];
  for (const r of rows) {
    if (pass === 'night') out.push({ name: r.name, tidy: 'VACUUM (ANALYZE)' });
    else if (pass === 'growth') {
      if (r.pages >= SMALL_PAGES && (!r.analysed || r.pages >= 2 * r.recorded)) out.push({ name: r.name, tidy: 'ANALYZE' });
    }
    else if (r.pages >= SMALL_PAGES && r.visible < r.pages / 2) out.push({ name: r.name, tidy: r.analysed ? 'VACUUM' : 'VACUUM (ANALYZE)' });
    else if (!r.analysed) out.push({ name: r.name, tidy: 'ANALYZE' });
  }
  return out;
}

/**
 * Tidies the tables one by one (`tables`), a statement at a time, each once the users' requests in
 * hand are done (`usersFirst`: a request's statements do not wait for two of ours); stops between
 * statements when `signal` aborts. `alone`: nobody uses the database yet (the demo's seed, before the
 * app opens), so each table in whole statements, without pauses.
 */
export async function tidyTables(database: Database, opts: { pass: Pass; signal?: AbortSignal; onStatement?: OnStatement; alone?: boolean }): Promise<number> {
  let done = 0;
  const users = opts.alone ? undefined : usersFirst(database);
  const between = async () => {
    if (!users) return;
    await turn();
    await users.wait();
  };
  const analyze = { between, ...(opts.onStatement ? { onStatement: opts.onStatement } : {}), ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.alone ? { alone: true } : {}) };
  try {
    for (const { name, tidy } of await tables(database, opts.pass)) {
      if (opts.signal?.aborted) break;
      if (tidy !== 'ANALYZE') await timed(database, `VACUUM ${quoted(name)}`, opts.onStatement);
      if (tidy === 'VACUUM (ANALYZE)') await between();
      if (tidy !== 'VACUUM' && !opts.signal?.aborted) await analyzeTable(database, name, analyze);
      done++;
      await between();
    }
  } finally {
    users?.stop();
  }
  return done;
}

/** Starts the stand-in for autovacuum on embedded PGlite (nothing on PostgreSQL); `stop` waits for the statement in hand. */
export function startEmbeddedMaintenance(database: Database, opts: { now: () => Date; log: (line: string) => void }) {
  if (database.kind !== 'pglite') return { stop: async () => undefined };
  const abort = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let growth: NodeJS.Timeout | undefined;
  let growthQueued = false;
  const said: Record<Pass, [string, string]> = {
    start: ['database upkeep after the start', 'tables vacuumed or analysed'],
    growth: ['database upkeep', 'tables analysed again, grown to twice their size'],
    night: ['database upkeep at night', 'tables vacuumed and analysed'],
  };
  // one pass at a time, in the order asked
  const run = (pass: Pass) =>
    (running = running.then(async () => {
      if (abort.signal.aborted) return;
      const started = Date.now();
      try {
        const n = await tidyTables(database, { pass, signal: abort.signal });
        if (n > 0) opts.log(`${said[pass][0]}: ${n} ${said[pass][1]} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } catch (err) {
        opts.log(`database upkeep failed, tried again later: ${String(err)}`);
      }
    }));
  // a minute's check waits behind a long pass (the night's) rather than piling up behind it
  const checkGrowth = () => {
    if (growthQueued) return;
    growthQueued = true;
    void run('growth').then(() => (growthQueued = false));
  };
  const scheduleNight = () => {
    if (abort.signal.aborted) return;
    const now = opts.now();
    timer = setTimeout(() => void run('night').then(scheduleNight), nextNightlyRun(now).getTime() - now.getTime());
    timer.unref();
  };
  void run('start').then(() => {
    scheduleNight();
    if (abort.signal.aborted) return;
    growth = setInterval(checkGrowth, GROWTH_EVERY_MS);
    growth.unref();
  });
  return {
    stop: async () => {
      abort.abort();
      clearTimeout(timer);
      clearInterval(growth);
      await running;
    },
  };
}
