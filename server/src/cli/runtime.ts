import type { PlatformDeps } from '../platform/deps.js';
import { loadConfig, type Config } from '../config.js';
import { createFieldCrypto, loadMasterSecret } from '../platform/crypto/crypto.js';
import { migrateDatabase, openDatabase } from '../platform/db/client.js';
import { offsetClock } from '../platform/clock/clock.js';

/** A failure the operator can fix; printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const say = (msg: string) => console.log(`[lianxin] ${msg}`);

/**
 * The same configuration, key and database as `npm start` (server.ts), so the CLI always works on
 * what the server would open. Migrates first: every command may rely on the current schema.
 */
export async function openRuntime(config: Config = loadConfig()): Promise<PlatformDeps & { close(): Promise<void> }> {
  const crypto = createFieldCrypto(loadMasterSecret({ secretKey: config.secretKey, dataDir: config.dataDir, log: say }));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, poolSize: 4, pgliteThread: 'worker' });
  try {
    await migrateDatabase(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return { db: database.db, database, crypto, config, clock: offsetClock(config.clockOffsetMs), close: () => database.close() };
}

export function describeDatabase(config: Config): string {
  return config.databaseUrl ? `PostgreSQL (${redactUrl(config.databaseUrl)})` : `embedded PGlite in ${config.pgliteDir}`;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
