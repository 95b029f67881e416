import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { createFieldCrypto, loadMasterSecret } from './platform/crypto/crypto.js';
import { migrateDatabase, openDatabase } from './platform/db/client.js';
import { seedDemoIfEmpty } from './demo/seed.js';
import { offsetClock } from './platform/clock/clock.js';

/** `npm start`: open (or create) the database, migrate, seed the demo on first start, serve. */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const log = (msg: string) => console.log(`[lianxin] ${msg}`);
  const crypto = createFieldCrypto(loadMasterSecret({ secretKey: config.secretKey, dataDir: config.dataDir, log }));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  log(`database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.pgliteDir}` : 'PostgreSQL (DATABASE_URL)'}`);
  await migrateDatabase(database);
  const deps = { db: database.db, database, crypto, config, clock: offsetClock(config.clockOffsetMs) };
  if (config.seedDemo) await seedDemoIfEmpty(deps, { scale: config.demoScale, log });
  const app = await buildApp({ ...deps, logger: process.env.LOG_LEVEL !== 'silent' });
  // deliver domain events to their subscribers (several instances share the work through the database)
  const stopEvents = app.services.events.start();
  // jobs and timers: deadline warnings, reminders, webhook deliveries (shared the same way)
  const stopJobs = app.services.jobs.start();
  const shutdown = async (signal: string) => {
    log(`${signal}: shutting down`);
    await stopEvents();
    await stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s — http://localhost:${config.port} (API docs: /api/docs)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
