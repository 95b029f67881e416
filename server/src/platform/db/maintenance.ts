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
 *    (and analysed too if it never was), and every other table never analysed (`reltuples < 0`) is
 *    analysed — on the fresh demo, once its history is in: 28 tables vacuumed, 3.3 s in all;
 *  - every night at 03:00 Asia/Shanghai, every table is vacuumed and analysed.
 * One table per statement, the users' requests in hand let through between them (`usersFirst`), so a
 * request on the single embedded connection waits for one table at most, never for the whole database.
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

type Tidy = 'VACUUM (ANALYZE)' | 'VACUUM' | 'ANALYZE';

/** What each table needs: everything at night; after a start, what the demo or the last day left untidy. */
async function tables(database: Database, pass: 'start' | 'night'): Promise<{ name: string; tidy: Tidy }[]> {
  const rows = await queryRows<{ name: string; pages: number; visible: number; analysed: boolean }>(
    database.db,
    sql`SELECT c.relname AS name, (pg_relation_size(c.oid) / current_setting('block_size')::int)::int AS pages,
               c.relallvisible AS visible, c.reltuples >= 0 AS analysed
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY pages DESC, c.relname`,
  );
  const out: { name: string; tidy: Tidy }[] = [];
  for (const r of rows) {
    if (pass === 'night') out.push({ name: r.name, tidy: 'VACUUM (ANALYZE)' });
    else if (r.pages >= SMALL_PAGES && r.visible < r.pages / 2) out.push({ name: r.name, tidy: r.analysed ? 'VACUUM' : 'VACUUM (ANALYZE)' });
    else if (!r.analysed) out.push({ name: r.name, tidy: 'ANALYZE' });
  }
  return out;
}

/**
 * Tidies the tables one by one (`tables`), each once the users' requests in hand are done
 * (`usersFirst`: a request's statements do not wait for two tables); stops between tables when
 * `signal` aborts.
 */
export async function tidyTables(database: Database, opts: { pass: 'start' | 'night'; signal?: AbortSignal }): Promise<number> {
  let done = 0;
  const users = usersFirst(database);
  try {
    for (const { name, tidy } of await tables(database, opts.pass)) {
      if (opts.signal?.aborted) break;
      await database.db.execute(sql.raw(`${tidy} ${quoted(name)}`));
      done++;
      await turn();
      await users.wait();
    }
  } finally {
    users.stop();
  }
  return done;
}

/** Starts the stand-in for autovacuum on embedded PGlite (nothing on PostgreSQL); `stop` waits for the table in hand. */
export function startEmbeddedMaintenance(database: Database, opts: { now: () => Date; log: (line: string) => void }) {
  if (database.kind !== 'pglite') return { stop: async () => undefined };
  const abort = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const run = (pass: 'start' | 'night') => {
    const started = Date.now();
    running = tidyTables(database, { pass, signal: abort.signal }).then(
      (n) => n > 0 && opts.log(`database upkeep${pass === 'start' ? ' after the start' : ''}: ${n} tables vacuumed or analysed in ${((Date.now() - started) / 1000).toFixed(1)} s`),
      (err: unknown) => opts.log(`database upkeep failed, tried again later: ${String(err)}`),
    );
    return running;
  };
  const scheduleNight = () => {
    if (abort.signal.aborted) return;
    const now = opts.now();
    timer = setTimeout(() => void run('night').then(scheduleNight), nextNightlyRun(now).getTime() - now.getTime());
    timer.unref();
  };
  void run('start').then(scheduleNight);
  return {
    stop: async () => {
      abort.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
