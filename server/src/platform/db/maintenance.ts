import { sql } from 'drizzle-orm';
import { queryRows, type Database } from './client.js';

/**
 * Embedded PGlite has no autovacuum: it is one session in this process, with no background workers.
 * Left alone, a table the demo or a year of use filled keeps the planner's "never analysed" guesses —
 * measured on the demo district: a community's last needs page took 166 ms to execute with those
 * guesses and 4 ms after ANALYZE — and dead rows are never cleaned. This stands in for autovacuum:
 *  - after each start, every table never analysed (`reltuples < 0`) is analysed;
 *  - every night at 03:00 Asia/Shanghai, every table is vacuumed and analysed.
 * One table per statement, with a turn of the event loop between them, so users' requests on the
 * single embedded connection wait for one table at most, never for the whole database.
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

async function tables(database: Database, onlyUnanalysed: boolean): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    database.db,
    sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND (${!onlyUnanalysed} OR c.reltuples < 0) ORDER BY c.relpages DESC, c.relname`,
  );
  return rows.map((r) => r.name);
}

/** ANALYZE (or VACUUM (ANALYZE)) the tables one by one; stops between tables when `signal` aborts. */
export async function tidyTables(database: Database, opts: { vacuum: boolean; onlyUnanalysed: boolean; signal?: AbortSignal }): Promise<number> {
  let done = 0;
  for (const name of await tables(database, opts.onlyUnanalysed)) {
    if (opts.signal?.aborted) break;
    await database.db.execute(sql.raw(`${opts.vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${quoted(name)}`));
    done++;
    await turn();
  }
  return done;
}

/** Starts the stand-in for autovacuum on embedded PGlite (nothing on PostgreSQL); `stop` waits for the table in hand. */
export function startEmbeddedMaintenance(database: Database, opts: { now: () => Date; log: (line: string) => void }) {
  if (database.kind !== 'pglite') return { stop: async () => undefined };
  const abort = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const run = (vacuum: boolean) => {
    const started = Date.now();
    running = tidyTables(database, { vacuum, onlyUnanalysed: !vacuum, signal: abort.signal }).then(
      (n) => n > 0 && opts.log(`database upkeep: ${vacuum ? 'vacuumed and analysed' : 'analysed'} ${n} tables in ${((Date.now() - started) / 1000).toFixed(1)} s`),
      (err: unknown) => opts.log(`database upkeep failed, tried again later: ${String(err)}`),
    );
    return running;
  };
  const scheduleNight = () => {
    if (abort.signal.aborted) return;
    const now = opts.now();
    timer = setTimeout(() => void run(true).then(scheduleNight), nextNightlyRun(now).getTime() - now.getTime());
    timer.unref();
  };
  void run(false).then(scheduleNight);
  return {
    stop: async () => {
      abort.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
