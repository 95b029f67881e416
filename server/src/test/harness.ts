import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../app.js';
import type { AppInstance } from '../app.types.js';
import { loadConfig, type Config } from '../config.js';
import { createFieldCrypto } from '../platform/crypto/crypto.js';
import { migrateDatabase, openDatabase, type Database } from '../platform/db/client.js';
import { PASSWORD, seedFixture, type Fixture } from './fixtures.js';
import { movableClock, type ManualClock } from '../platform/clock/clock.js';

/**
 * 'pglite' runs PGlite on the test's own thread (fast to start, what the suites use); 'pglite-worker'
 * runs it on a worker thread behind node-postgres, as `npm start` does (platform/db/pglite-thread.ts).
 * TEST_PGLITE_THREAD=worker runs every 'pglite' suite that way.
 */
export type Backend = 'pglite' | 'pglite-worker' | 'postgres';

// CI must never pass on PGlite alone: concurrency and several instances only show on PostgreSQL
if (process.env.CI && !process.env.TEST_DATABASE_URL) {
  throw new Error('CI is set but TEST_DATABASE_URL is not: the API suites must also run on PostgreSQL (see .ci/run)');
}

/** PGlite always; real PostgreSQL too when TEST_DATABASE_URL is set (CI starts one). */
export const backends: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh, migrated, empty database: in-memory PGlite, or a new database on the test server. */
export async function freshDatabase(backend: Backend): Promise<Database & { drop(): Promise<void>; url?: string }> {
  if (backend === 'pglite' || backend === 'pglite-worker') {
    const thread = backend === 'pglite-worker' || process.env.TEST_PGLITE_THREAD === 'worker' ? 'worker' : 'inline';
    const database = await openDatabase({ pgliteDir: ':memory:', pgliteThread: thread });
    await migrateDatabase(database);
    return { ...database, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `lx_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 60 });
  await migrateDatabase(database);
  return {
    ...database,
    /** For a server process started on the same database. */
    url: url.toString(),
    drop: async () => {
      await database.close();
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

export type TestApp = {
  app: AppInstance;
  fx: Fixture;
  database: Database;
  config: Config;
  /** Logs in and returns the cookie header for later requests. */
  login(personKey: string, password?: string): Promise<string>;
  loginPhone(phone: string, password?: string): Promise<string>;
  /** The app's clock: `t.clock.advance(ms)` moves time for every rule. */
  clock: ManualClock;
  close(): Promise<void>;
};

export async function createTestApp(backend: Backend, overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await freshDatabase(backend);
  const config: Config = {
    ...loadConfig({}),
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lx-test-')),
    seedDemo: false,
    writeLimitPerMinute: 100_000,
    ipWriteLimitPerMinute: 100_000,
    loginLimitPerMinute: 100_000,
    webDist: '/nonexistent',
    // on PostgreSQL the bytes go to the database, as they do in production with several instances
    fileStore: backend === 'postgres' ? 'database' : 'folder',
    rateStore: backend === 'postgres' ? 'database' : 'memory',
    ...overrides,
  };
  const fieldCrypto = createFieldCrypto(crypto.randomBytes(32));
  const fx = await seedFixture(database.db, fieldCrypto);
  // time-dependent rules read this clock: tests move it instead of sleeping
  const clock = movableClock();
  const app = await buildApp({ db: database.db, database, crypto: fieldCrypto, config, clock });
  const undocumented = watchUndocumentedErrors(app);
  await app.ready();
  // districts get their defaults the production way
  for (const key of ['D', 'X']) await app.services.provisioning.provision(fx.region[key]!.districtId);
  const loginPhone = async (phone: string, password = PASSWORD) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, password } });
    if (res.statusCode !== 200) throw new Error(`login ${phone} failed: ${res.statusCode} ${res.body}`);
    return `lx_session=${res.cookies.find((c) => c.name === 'lx_session')!.value}`;
  };
  return {
    app,
    fx,
    database,
    config,
    clock,
    login: (personKey, password = PASSWORD) => loginPhone(fx.person[personKey]!.phone, password),
    loginPhone,
    async close() {
      await app.close();
      await database.drop();
      // the OpenAPI document promises which error statuses each operation may answer
      if (undocumented.size > 0) throw new Error(`error statuses the OpenAPI document does not list:\n${[...undocumented].join('\n')}`);
    },
  };
}

/** Every 4xx a route answered that its schema (and so the OpenAPI document) does not list. */
function watchUndocumentedErrors(app: AppInstance): Set<string> {
  const seen = new Set<string>();
  app.addHook('onResponse', async (request, reply) => {
    const documented = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
    if (reply.statusCode < 400 || reply.statusCode >= 500 || !documented || String(reply.statusCode) in documented) return;
    seen.add(`${request.method} ${request.routeOptions.url} → ${reply.statusCode}`);
  });
  return seen;
}
