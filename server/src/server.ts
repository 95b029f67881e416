import { loadConfig } from './config.js';
import { listenEarly } from './startup.js';

/**
 * `npm start`: listen at once (a progress page until ready), open (or create) the database on its
 * own thread, migrate, seed the demo on first start, then hand the port to the app.
 */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const log = (msg: string) => console.log(`[lianxin] ${msg}`);
  const startup = await listenEarly({ port: config.port, host: config.host, log });
  // the rest is loaded once the port answers (importing the app and its libraries takes seconds);
  // the database opens on its own thread meanwhile
  const { migrateDatabase, openDatabase } = await import('./platform/db/client.js');
  const { createFieldCrypto, loadMasterSecret } = await import('./platform/crypto/crypto.js');
  const crypto = createFieldCrypto(loadMasterSecret({ secretKey: config.secretKey, dataDir: config.dataDir, log }));
  startup.phase('正在打开数据库、加载服务 | opening the database, loading the app');
  // embedded PGlite runs on a worker thread: a long statement never stalls this event loop
  // PGlite opens (or is created) on its thread while this one loads and builds the app
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, pgliteThread: 'worker', openInBackground: true });
  const [{ buildApp }, { seedDemoIfEmpty, finishDemoHistory }, { offsetClock }] = await Promise.all([import('./app.js'), import('./demo/seed.js'), import('./platform/clock/clock.js')]);
  const deps = { db: database.db, database, crypto, config, clock: offsetClock(config.clockOffsetMs) };
  const app = await buildApp({ ...deps, logger: process.env.LOG_LEVEL !== 'silent' });
  await app.ready();
  log(`database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.pgliteDir} (worker thread)` : 'PostgreSQL (DATABASE_URL)'}`);
  startup.phase('正在更新数据库结构 | migrating the database');
  await migrateDatabase(database);
  if (config.seedDemo) {
    startup.phase('正在准备演示数据（仅首次启动） | seeding the demo district (first start only)');
    await seedDemoIfEmpty(deps, { scale: config.demoScale, log, history: 'later', progress: (done, total, step) => startup.step(done, total, step) });
  }
  // the listening server hands every request to the app from now on (the app's own server never listens)
  startup.serve((req, res) => app.server.emit('request', req, res));
  // deliver domain events to their subscribers (several instances share the work through the database)
  const stopEvents = app.services.events.start();
  // jobs and timers: deadline warnings, reminders, webhook deliveries (shared the same way)
  const stopJobs = app.services.jobs.start();
  // the demo's time bank history (a first start, or one cut short) fills in while the app is open
  const stopHistory = new AbortController();
  const history = config.seedDemo ? finishDemoHistory(deps, { log, signal: stopHistory.signal }).catch((err: unknown) => log(`demo district: the time bank history failed, the next start retries it: ${String(err)}`)) : Promise.resolve();
  // embedded PGlite has no autovacuum: analyse what was never analysed once the history is in, vacuum nightly
  const { startEmbeddedMaintenance } = await import('./platform/db/maintenance.js');
  const upkeep = history.then(() => (stopHistory.signal.aborted ? undefined : startEmbeddedMaintenance(database, { now: () => deps.clock.now(), log })));
  let stopping = false;
  const shutdown = async (signal: string) => {
    // a second signal (Ctrl-C twice, a supervisor and its child both told) must not close things twice
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    startup.server.close();
    startup.server.closeIdleConnections();
    stopHistory.abort();
    await stopEvents();
    await stopJobs();
    await history;
    await (await upkeep)?.stop();
    await app.close();
    startup.server.closeAllConnections();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s — http://localhost:${config.port} (API docs: /api/docs)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
