import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../server/src/platform/db/client.js';

/**
 * Runs `fn` on a fresh database created on the PostgreSQL server at `adminUrl`, and drops it
 * afterwards whatever happens. `fn` gets the database open, and its URL (for pgbench).
 */
export async function withThrowawayDatabase(adminUrl: string, poolSize: number, fn: (database: Database, url: URL) => Promise<void>): Promise<void> {
  const name = `lx_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize });
    // pool.end() resolves before every socket has closed; DROP … WITH (FORCE) then terminates a
    // closing client, whose 'error' would crash the process without a listener
    database.pool?.removeAllListeners('error').on('error', () => undefined);
    try {
      await fn(database, url);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
