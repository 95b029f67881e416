import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../app.js';
import type { AppInstance } from '../app.types.js';
import { loadConfig, type Config } from '../config.js';
import { createFieldCrypto } from '../platform/crypto/crypto.js';
import { migrateDatabase, openDatabase, type Database } from '../platform/db/client.js';
import { listenForChanges } from '../platform/db/change-listener.js';
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

/*
 * Every suite starts from a fresh database, but the migrations run once per test process: the first
 * fresh database of a backend is migrated and kept as a template (PGlite: a dump of its data folder;
 * PostgreSQL: a database to copy), and every later one is a copy. The test processes are kept
 * between files (vitest.config.ts: isolate false), so a run migrates about twice per worker.
 */
const templates = new Map<'pglite' | 'postgres', Promise<Blob | string>>();

function template(backend: 'pglite' | 'postgres'): Promise<Blob | string> {
  let made = templates.get(backend);
  if (!made) {
    made = backend === 'pglite' ? migratedDump() : migratedTemplateDatabase();
    // a failed template is not kept: the next suite tries again and reports its own error
    made.catch(() => templates.delete(backend));
    templates.set(backend, made);
  }
  return made;
}

async function migratedDump(): Promise<Blob> {
  const database = await openDatabase({ pgliteDir: ':memory:', pgliteThread: 'inline' });
  await migrateDatabase(database);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  return dump;
}

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

const databaseUrl = (name: string) => {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
};

async function migratedTemplateDatabase(): Promise<string> {
  // lx_test_ like every test database, so one cleanup finds it too
  const name = `lx_test_tpl_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  // no connection may stay open on a template while it is copied
  const database = await openDatabase({ databaseUrl: databaseUrl(name), poolSize: 1 });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  process.once('beforeExit', () => void adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined));
  return name;
}

/** A fresh, migrated, empty database: in-memory PGlite, or a new database on the test server. */
export async function freshDatabase(backend: Backend): Promise<Database & { drop(): Promise<void>; url?: string }> {
  if (backend === 'pglite' || backend === 'pglite-worker') {
    const thread = backend === 'pglite-worker' || process.env.TEST_PGLITE_THREAD === 'worker' ? 'worker' : 'inline';
    if (thread === 'inline') {
      const database = await openDatabase({ pgliteDir: ':memory:', pgliteThread: 'inline', pgliteFrom: (await template('pglite')) as Blob });
      return { ...database, drop: () => database.close() };
    }
    const database = await openDatabase({ pgliteDir: ':memory:', pgliteThread: thread });
    await migrateDatabase(database);
    return { ...database, drop: () => database.close() };
  }
  const from = (await template('postgres')) as string;
  const name = `lx_test_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${from}`);
  const url = databaseUrl(name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 60 });
  return {
    ...database,
    /** For a server process started on the same database. */
    url,
    drop: async () => {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
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

/**
 * A second instance of the app on the same PostgreSQL database, with its own pool and data folder, as
 * a second machine would run it: what one instance keeps in memory must hear of the other's changes.
 */
export async function secondInstance(t: TestApp): Promise<{ app: AppInstance; close(): Promise<void> }> {
  const url = (t.database as Database & { url?: string }).url;
  if (!url) throw new Error('a second instance needs PostgreSQL');
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
  const app = await buildApp({ ...t.app.deps, db: database.db, database, config: { ...t.config, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lx-other-')) } });
  await app.ready();
  return {
    app,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

const CAUGHT_UP = 'lianxin_caught_up';

/**
 * Settles once the pool's listening connection (platform/db/change-listener.ts) has handled every
 * notification committed before the call. PostgreSQL delivers a connection's notifications in commit
 * order, so one sent now, on a channel of its own, arrives after all of those.
 */
export async function caughtUp(pool: pg.Pool, timeoutMs = 5000): Promise<void> {
  const token = crypto.randomUUID();
  let listening!: () => void;
  let arrived!: () => void;
  const heard = new Promise<void>((resolve) => (listening = resolve));
  const came = new Promise<void>((resolve) => (arrived = resolve));
  const subscription = listenForChanges(pool, { channels: [CAUGHT_UP], changed: (payload) => payload === token && arrived(), heard: () => listening(), lost: () => undefined });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no notification heard within ${timeoutMs} ms`)), timeoutMs)));
  try {
    subscription.wake();
    await Promise.race([heard, late]);
    await pool.query('SELECT pg_notify($1, $2)', [CAUGHT_UP, token]);
    await Promise.race([came, late]);
  } finally {
    clearTimeout(timer);
    await subscription.close();
  }
}

/**
 * Until what an instance keeps has heard every change committed so far, its own writes' signals
 * included (PostgreSQL: they arrive on its listening connection a moment after each commit, and let go
 * of what was kept meanwhile). The embedded database sends none.
 */
export const signalsHeard = (database: Database): Promise<void> => (database.kind === 'postgres' && database.pool ? caughtUp(database.pool) : Promise.resolve());

/**
 * A change the app's in-memory caches cannot hear of, so that what a page then shows was kept
 * (platform/db/change-cache.ts): on PostgreSQL sent on a connection of its own with triggers off; on
 * the embedded database as SQL built inside the database (its text names no table written, writes.ts).
 */
export async function unsignalled(t: TestApp, text: string): Promise<void> {
  const url = (t.database as Database & { url?: string }).url;
  if (t.database.pglite) return void (await t.database.pglite.query(text)); // in-process: its raw client, unwatched
  // the worker's one connection: the statement's text put together in the database ('U' || 'PDATE …')
  const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;
  if (!url) return void (await t.database.db.execute(sql.raw(`DO $$ BEGIN EXECUTE ${quoted(text.slice(0, 1))} || ${quoted(text.slice(1))}; END $$`)));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET session_replication_role = replica; ${text}`);
  } finally {
    await client.end();
  }
}
