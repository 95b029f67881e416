import path from 'node:path';
import { migrationsFolder } from '../paths.js';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import type { PgDialect } from 'drizzle-orm/pg-core';
import { prepareRepeatedStatements } from './prepared.js';
import { forgetHeldBegin, pipelineBegin } from './pipelined-begin.js';
import { assertNoOpenTransaction, trackTransactions } from './unit-of-work.js';
import { startPgliteThread } from './pglite-thread.js';
import { watchWrites, writtenTables } from './writes.js';
import { useFastSqlText } from './sql-text.js';
import { skipRowTemplatesOfArrayRows } from './pg-rows.js';

export type { Db, DbOrTx, Tx } from './types.js';
import type { Db, DbOrTx } from './types.js';

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The embedded engine, when it runs on this thread (tests). */
  pglite?: PGlite;
  /** node-postgres: to PostgreSQL, or to embedded PGlite on its own thread (one client). */
  pool?: pg.Pool;
  /** The thread embedded PGlite works on, when it has one (the benches read how busy it is). */
  pgliteWorker?: import('node:worker_threads').Worker;
  /**
   * Told after this process commits a change to a table, in a transaction or on its own, before the
   * writer's caller goes on (writes.ts): what keeps a copy of those tables (platform/db/change-cache.ts)
   * lets it go here.
   */
  afterWrite: WriteListeners;
  close(): Promise<void>;
};

export type OpenOptions = {
  databaseUrl?: string;
  pgliteDir?: string;
  poolSize?: number;
  /**
   * Where embedded PGlite runs: on a worker thread of its own ('worker', the server and the CLI: a
   * long statement never stalls the event loop) or on this thread ('inline', the default: tests,
   * where starting a thread per test app would only cost time).
   */
  pgliteThread?: 'worker' | 'inline';
  /** With the worker: return at once, PGlite opens meanwhile (the first query waits for it). */
  openInBackground?: boolean;
  /**
   * In memory, on this thread: start from this dump of a data folder (`dumpDataDir`) instead of an
   * empty cluster. The tests copy one migrated database this way: a quarter of the time of initdb.
   */
  pgliteFrom?: Blob;
};

/** Who is told of this process's writes, each of the tables it keeps a copy of. */
export type WriteListeners = {
  /** `listener` is told the district written for, when one is named (write-district.ts). */
  add(listener: (district?: string) => void, tables: readonly string[]): void;
  delete(listener: (district?: string) => void): void;
};

function writeListeners() {
  const listeners = new Map<(district?: string) => void, ReadonlySet<string>>();
  const afterWrite: WriteListeners = { add: (listener, tables) => void listeners.set(listener, new Set(tables)), delete: (listener) => void listeners.delete(listener) };
  /** The tables written; none named: anything may have changed (in-process PGlite counts every commit). */
  const wrote = (tables?: Iterable<string>, district?: string) => {
    if (listeners.size === 0) return;
    const written = tables ? [...tables] : undefined;
    for (const [listener, watched] of listeners) if (!written || written.some((t) => watched.has(t))) listener(district);
  };
  return { afterWrite, wrote };
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  skipRowTemplatesOfArrayRows();
  const { afterWrite, wrote } = writeListeners();
  if (opts.databaseUrl) {
    // pipeline mode: a transaction's BEGIN goes out with its first statement (pipelined-begin.ts).
    // Connections stay open once opened (no idle timeout): a new server process plans each statement
    // and loads the catalog afresh on its first use of each (PostgreSQL logged 8–24 ms binds), and a burst after
    // a quiet spell (fifty volunteers on a new order) would otherwise meet freshly opened ones
    // (bench:orders: a first burst of 50 grabs on new connections took 400–600 ms, on used ones 100–150).
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20, pipeline: true, idleTimeoutMillis: 0 } as pg.PoolConfig);
    // an idle client dropped by the server (restart, admin kill) must not crash the process
    pool.on('error', (err) => console.error('[lianxin] idle database connection lost:', err.message));
    pool.on('connect', (client) => {
      prepareRepeatedStatements(client);
      watchWrites(client, wrote);
      // outermost: the connection's watchers see BEGIN when it is really sent
      pipelineBegin(client);
    });
    pool.on('release', (_err: Error | undefined, client: pg.PoolClient) => forgetHeldBegin(client));
    const db = withFastSqlText(trackTransactions(drizzlePg(guardRootQueries(pool)) as unknown as Db));
    return { db, kind: 'postgres', pool, afterWrite, close: () => pool.end() };
  }
  const dir = opts.pgliteDir ?? ':memory:';
  if (dir !== ':memory:') fs.mkdirSync(dir, { recursive: true });
  if (opts.pgliteThread === 'worker') {
    const thread = startPgliteThread(dir);
    if (!opts.openInBackground) await thread.ready;
    // One client: PGlite is one session, so a second client would share the first one's transaction.
    // Kept open (no idle timeout): the session lives as long as the thread. Pipelined as on PostgreSQL:
    // BEGIN crosses to the thread with the first statement (50 grabs at once: p50 220 → 195 ms).
    const pool = new pg.Pool({ max: 1, idleTimeoutMillis: 0, user: 'postgres', database: 'postgres', stream: () => thread.stream(), pipeline: true } as pg.PoolConfig);
    pool.on('error', (err) => console.error('[lianxin] embedded database connection lost:', err.message));
    pool.on('connect', (client) => {
      prepareRepeatedStatements(client);
      watchWrites(client, wrote);
      pipelineBegin(client);
    });
    pool.on('release', (_err: Error | undefined, client: pg.PoolClient) => forgetHeldBegin(client));
    const db = withFastSqlText(trackTransactions(drizzlePg(guardRootQueries(pool)) as unknown as Db));
    return {
      db,
      kind: 'pglite',
      pool,
      pgliteWorker: thread.worker,
      afterWrite,
      close: async () => {
        await pool.end();
        await thread.close();
      },
    };
  }
  const client = dir !== ':memory:' ? new PGlite(dir) : opts.pgliteFrom ? new PGlite({ loadDataDir: opts.pgliteFrom }) : new PGlite();
  await client.waitReady;
  // in-process PGlite (tests): no connection to watch, so every commit counts as a change
  const db = withFastSqlText(trackTransactions(drizzlePglite(guardRootQueries(client, wrote)) as unknown as Db, () => wrote()));
  return { db, kind: 'pglite', pglite: client, afterWrite, close: () => client.close() };
}

/**
 * Statements are built by sql-text.ts instead of drizzle's own builder: the same text, 5–7× faster
 * (bench:sql-text). LIANXIN_CHECK_SQL=1 (the test suites) builds each one both ways and fails on any
 * difference.
 */
function withFastSqlText(db: Db): Db {
  useFastSqlText((db as unknown as { dialect: PgDialect }).dialect, { check: process.env.LIANXIN_CHECK_SQL === '1' });
  return db;
}

/**
 * The root connection as drizzle sees it: its own queries (not those of a transaction, which go
 * through the transaction's connection) are refused inside an open transaction (unit-of-work.ts).
 * In-process PGlite has no connection to watch (writes.ts): a write among them calls `wrote` once done.
 */
function guardRootQueries<T extends PGlite | pg.Pool>(client: T, wrote?: (tables: readonly string[]) => void): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if ((prop === 'query' || prop === 'exec') && typeof value === 'function') {
        return (...args: unknown[]) => {
          assertNoOpenTransaction();
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          const text = typeof args[0] === 'string' ? args[0] : undefined;
          const tables = wrote && text !== undefined ? writtenTables(text) : [];
          if (wrote && tables.length && result instanceof Promise) return result.then((r: unknown) => (wrote(tables), r));
          return result;
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Applies the committed drizzle-kit migrations; safe to run on every start. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (!database.pool) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migratePglite(database.db as any, { migrationsFolder });
  } else {
    // Several instances may start at once: serialise migrations with an advisory lock.
    const client = await database.pool!.connect();
    try {
      await client.query('SELECT pg_advisory_lock(727465)');
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await migratePg(drizzlePg(client) as any, { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock(727465)').catch(() => undefined);
      client.release();
    }
  }
}

/** Number of migration files shipped vs applied; /readyz compares them. */
export async function migrationStatus(database: Database): Promise<{ expected: number; applied: number }> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  // drizzle keeps its bookkeeping in the "drizzle" schema
  const rows = await queryRows<{ n: number }>(database.db, sql.raw('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations'));
  return { expected: journal.entries.length, applied: rows[0]?.n ?? 0 };
}

/** Runs raw SQL and returns its rows, the same on PGlite and node-postgres (both answer `{ rows }`). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
