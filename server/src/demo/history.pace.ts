import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../platform/db/client.js';
import { analyzeTable } from '../platform/db/maintenance.js';

/*
 * How the demo's time bank history keeps out of the users' way while the app is open (seed.ts
 * `finishDemoHistory`). Two things measured on the full district (bench/history.bench.ts):
 *  - Embedded PGlite has no autovacuum: the ledger's tables grow from empty during the history with
 *    no planner statistics, so each page's joins hashed the whole of a table the planner thought tiny
 *    (points_earned: 608 rows expected, 88,469 read at page 100) and pages slowed as the tables grew.
 *    `analyzeAsTheyGrow` refreshes the statistics each time the tables have doubled.
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
 * The tables seeded before the app opened, analysed before it does: on the full district this took
 * 1.3 s of the one connection, which the history's first page made a user wait for (p99 1.7 s).
 */
export async function analyzeSeeded(database: Database): Promise<void> {
  for (const table of SEEDED_TABLES) await database.db.execute(sql.raw(`ANALYZE ${table}`));
}

/**
 * The order chain's tables, vacuumed before the app opens on the embedded database (no autovacuum):
 * the upkeep after the start vacuumed them with the app open, the timeline in one statement of
 * 0.27–0.49 s, the needs in 0.11–0.22 s and their slots in 0.05–0.42 s, which a user's request waited
 * behind (its p99 during the upkeep 278–326 ms in bench:history). Here they cost the first page about
 * half a second instead; the history that follows does not touch them.
 */
const VACUUMED_BEFORE_OPEN = ['need_events', 'needs', 'need_assignments'];

export async function vacuumSeeded(database: Database): Promise<void> {
  if (database.kind !== 'pglite') return; // PostgreSQL's autovacuum sees to them
  for (const table of VACUUMED_BEFORE_OPEN) await database.db.execute(sql.raw(`VACUUM ${table}`));
}

async function neverAnalysed(database: Database, tables: readonly string[]): Promise<string[]> {
  // reltuples is -1 until a table is first vacuumed or analysed
  const rows = await queryRows<{ name: string }>(database.db, sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = ANY(${sql.param([...tables])}::text[]) AND c.relkind = 'r' AND c.reltuples < 0`);
  return rows.map((r) => r.name);
}

/**
 * ANALYZE before the first page, after pages 1, 2, 4, 8 … (the statistics are never more than twice
 * out), and at the end, before the last transaction's reads, with `between` after each table.
 */
export function analyzeAsTheyGrow(database: Database, between: () => Promise<void>) {
  const run = async (tables: string[]) => {
    for (const table of tables) {
      // a big table a column per statement (ledger_transactions took 140–220 ms in one)
      await analyzeTable(database, table, { between });
      await between();
    }
  };
  return {
    // the seeded tables were analysed before the app opened (analyzeSeeded) unless that start was cut short
    before: async () => run([...(await neverAnalysed(database, SEEDED_TABLES)), ...GROWING_TABLES]),
    async after(page: number) {
      if ((page & (page - 1)) === 0) await run(GROWING_TABLES);
    },
    end: () => run(GROWING_TABLES),
  };
}
