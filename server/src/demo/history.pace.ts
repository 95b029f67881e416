import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../platform/db/client.js';
import { analysedTable, analyzeTable, tidyTables } from '../platform/db/maintenance.js';

/*
 * How the demo's time bank history keeps out of the users' way while the app is open (seed.ts
 * `finishDemoHistory`). Two things measured on the full district (bench/history.bench.ts):
 *  - Embedded PGlite has no autovacuum: the ledger's tables grow from empty during the history with
 *    no planner statistics, so each page's joins hashed the whole of a table the planner thought tiny
 *    (points_earned: 608 rows expected, 88,469 read at page 100) and pages slowed as the tables grew.
 *    `tidyAsTheyGrow` refreshes the statistics each time the tables have doubled, and vacuums them
 *    as they fill.
 *  - The embedded database is one connection: a user's statement waits for the page before it, and
 *    a request's next statement for the page after that. `usersFirst` (platform/db/users-first.ts)
 *    makes the history wait between pages until the connection has been left alone for a moment.
 */

/**
 * Seeded before the app opened and never analysed: the history pages through the first two, and the
 * figures page plans by the region tree's size (a district's figures without it: 12 s on PostgreSQL
 * and 32 s on PGlite, 0.1–0.4 s once `regions` alone is analysed, whatever else lacks statistics).
 */
const SEEDED_TABLES = ['volunteer_service_entries', 'volunteers', 'regions'];
/**
 * What each page joins against, and what the entries' foreign keys look up (their checks are planned
 * once per session and planned again after an ANALYZE): ledger_entries is only appended to.
 */
const GROWING_TABLES = ['ledger_transactions', 'ledger_accounts', 'ledger_balances', 'points_earned'];

/**
 * What the seed filled, tidied before the app opens, while nobody uses it yet.
 *  - Embedded PGlite (no autovacuum): every table the upkeep after the start would otherwise vacuum or
 *    analyse with the app open (maintenance.ts `tidyTables`), each table in whole statements. Measured
 *    on the full district: that upkeep ran 243 statements, 62 of them over 40 ms, with `needs`' columns
 *    at 70–220 ms each, while a user's request waited behind each (p99 76–158 ms in bench:history).
 *    Before the app opens, the order chain's tables cost their first VACUUM of 0.3–0.6 s and `needs`'
 *    ANALYZE 1.0–1.3 s in one statement instead, which nobody waits for but the first page.
 *  - PostgreSQL: autovacuum sees to the tables in its time; what the history pages through, and the
 *    region tree the figures plan by, are analysed now (1.3 s; the history's first page made a user
 *    wait for it when it ran later).
 */
export async function tidySeeded(database: Database): Promise<void> {
  if (database.kind === 'pglite') await tidyTables(database, { pass: 'start', alone: true });
  else for (const table of SEEDED_TABLES) await database.db.execute(sql.raw(`ANALYZE ${table}`));
}

async function neverAnalysed(database: Database, tables: readonly string[]): Promise<string[]> {
  // as the upkeep counts it (a start cut short in `tidySeeded` left them so)
  const rows = await queryRows<{ name: string }>(database.db, sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = ANY(${sql.param([...tables])}::text[]) AND c.relkind = 'r' AND NOT (${analysedTable})`);
  return rows.map((r) => r.name);
}

/** The ledger's tables the history fills, vacuumed as it goes on the embedded database. */
const FILLED_TABLES = ['ledger_entries', ...GROWING_TABLES];
/**
 * On the embedded database (no autovacuum), the filled tables are vacuumed every this many pages. A
 * VACUUM skips the pages already marked all-visible, so each reads what the last pages added; left to
 * the upkeep after the start, the first VACUUM of `ledger_entries` and `points_earned` took 91–234 ms
 * each in one statement, which a user's request waited behind, and the history's last count of the
 * entries read the whole table (207 ms) where the visibility map now lets it read the index alone.
 */
const VACUUM_EVERY_PAGES = 64;

/**
 * ANALYZE before the first page, after pages 1, 2, 4, 8 … (the statistics are never more than twice
 * out), and at the end, before the last transaction's reads, with `between` after each table; on the
 * embedded database, VACUUM of the filled tables every `VACUUM_EVERY_PAGES` pages and at the end.
 */
export function tidyAsTheyGrow(database: Database, between: () => Promise<void>, signal?: AbortSignal) {
  const run = async (tables: string[]) => {
    for (const table of tables) {
      if (signal?.aborted) return;
      // a big table a column per statement (ledger_transactions took 140–220 ms in one)
      await analyzeTable(database, table, { between, ...(signal ? { signal } : {}) });
      await between();
    }
  };
  const vacuum = async () => {
    if (database.kind !== 'pglite') return; // PostgreSQL's autovacuum sees to them
    for (const table of FILLED_TABLES) {
      if (signal?.aborted) return; // shutting down: the upkeep after the next start vacuums them
      await database.db.execute(sql.raw(`VACUUM ${table}`));
      await between();
    }
  };
  return {
    // the seeded tables were analysed before the app opened (tidySeeded) unless that start was cut short
    before: async () => run([...(await neverAnalysed(database, SEEDED_TABLES)), ...GROWING_TABLES]),
    async after(page: number) {
      if (page % VACUUM_EVERY_PAGES === 0) await vacuum();
      if ((page & (page - 1)) === 0) await run(GROWING_TABLES);
    },
    end: async () => {
      await vacuum();
      await run(GROWING_TABLES);
    },
  };
}
