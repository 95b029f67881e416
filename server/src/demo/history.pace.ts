import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Database } from '../platform/db/client.js';

/*
 * How the demo's time bank history keeps out of the users' way while the app is open (seed.ts
 * `finishDemoHistory`). Two things measured on the full district (bench/history.bench.ts):
 *  - Embedded PGlite has no autovacuum: the ledger's tables grow from empty during the history with
 *    no planner statistics, so each page's joins hashed the whole of a table the planner thought tiny
 *    (points_earned: 608 rows expected, 88,469 read at page 100) and pages slowed as the tables grew.
 *    `analyzeAsTheyGrow` refreshes the statistics each time the tables have doubled.
 *  - The embedded database is one connection: a user's statement waits for the page before it, and
 *    a request's next statement for the page after that. `usersFirst` makes the history wait between
 *    pages until the connection has been left alone for a moment.
 */

/** Seeded before the app opened and never analysed: the history pages through them. */
const SEEDED_TABLES = ['volunteer_service_entries', 'volunteers'];
/**
 * What each page joins against, and what the entries' foreign keys look up (their checks are planned
 * once per session and planned again after an ANALYZE): ledger_entries is only appended to.
 */
const GROWING_TABLES = ['ledger_transactions', 'ledger_accounts', 'ledger_balances', 'points_earned'];

/**
 * ANALYZE before the first page, after pages 1, 2, 4, 8 … (the statistics are never more than twice
 * out), and at the end, before the last transaction's reads, with `between` after each table.
 */
export function analyzeAsTheyGrow(database: Database, between: () => Promise<void>) {
  const run = async (tables: string[]) => {
    for (const table of tables) {
      await database.db.execute(sql.raw(`ANALYZE ${table}`));
      await between();
    }
  };
  return {
    before: () => run([...SEEDED_TABLES, ...GROWING_TABLES]),
    async after(page: number) {
      if ((page & (page - 1)) === 0) await run(GROWING_TABLES);
    },
    end: () => run(GROWING_TABLES),
  };
}

/** Quiet this long = no request is between two of its statements (they follow each other within milliseconds). */
const QUIET_MS = 15;
/** Under a steady stream of requests the history still moves on, a page at least this often. */
const MAX_WAIT_MS = 1000;

/**
 * On the embedded database's one connection (a pool of one client): `wait()` returns once nobody
 * else has been waiting for, or using, the connection for QUIET_MS — users' requests queued behind a
 * page all run (with their next statements) before the next page — or after MAX_WAIT_MS. Elsewhere
 * (PostgreSQL: a pool of many, users do not queue behind a page) it returns at once.
 */
export function usersFirst(database: Database) {
  const pool: pg.Pool | undefined = database.kind === 'pglite' ? database.pool : undefined;
  if (!pool) return { wait: () => Promise.resolve(), stop: () => undefined };
  let mine = true; // the history's own statements do not count
  let last = 0;
  const touch = () => {
    if (!mine) last = performance.now();
  };
  pool.on('acquire', touch);
  pool.on('release', touch);
  return {
    async wait() {
      mine = false;
      const until = performance.now() + MAX_WAIT_MS;
      try {
        for (;;) {
          const now = performance.now();
          const busy = pool.waitingCount > 0 || pool.totalCount > pool.idleCount;
          if ((!busy && now - last >= QUIET_MS) || now >= until) return;
          await new Promise((r) => setTimeout(r, busy ? 2 : QUIET_MS - (now - last)));
        }
      } finally {
        mine = true;
      }
    },
    stop() {
      pool.off('acquire', touch);
      pool.off('release', touch);
    },
  };
}
