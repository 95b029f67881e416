/**
 * Need detail and need list pages on the FULL demo district (50,000 needs) through the real HTTP API,
 * beside `/healthz` in the same run: `npm run bench:reads` (with BENCH_DATABASE_URL=postgresql://… also
 * on PostgreSQL). autocannon runs as a child process (its own event loop), -c 20 for BENCH_SECONDS each.
 *
 * The demo is seeded once and kept for later runs: PGlite in BENCH_DEMO_DIR (default
 * $TMPDIR/lx-bench-demo), PostgreSQL in the database `lx_bench_demo` on the BENCH_DATABASE_URL server
 * (dropped and seeded again with BENCH_RESEED=1). The field-encryption key is kept beside it.
 * Loopback only, bounded in time.
 */
import { spawnSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { createFieldCrypto } from '../server/src/platform/crypto/crypto.js';
import { systemClock } from '../server/src/platform/clock/clock.js';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../server/src/platform/db/client.js';
import { finishDemoHistory, seedDemoIfEmpty } from '../server/src/demo/seed.js';
import { tidyTables } from '../server/src/platform/db/maintenance.js';
import { DEMO_PASSWORD } from '../server/src/demo/fixed-accounts.js';
import { MAX_LIST_PAGES } from '../server/src/modules/needs/needs.list-pages.js';
import { machineCpuMs, postgresCpuMs } from './cpu.js';
import { profiled } from './profile.js';
import { otherDistrictAdmin, savingACategory } from './district-writer.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const ONLY_ROWS = process.env.BENCH_ROWS;
const DEMO_DIR = process.env.BENCH_DEMO_DIR ?? path.join(os.tmpdir(), 'lx-bench-demo');
const autocannonBin = path.resolve(import.meta.dirname, '../node_modules/.bin/autocannon');

function keyIn(dir: string): Buffer {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'field-key');
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'));
  return Buffer.from(fs.readFileSync(file, 'utf8'), 'hex');
}

type Result = { rps: number; p50: number; p99: number; non2xx: number; errors: number; bytes: number; requests: number; cpuMs?: number; postgresMs?: number; engineMs?: number; machineMs?: number };

const tsxBin = path.resolve(import.meta.dirname, '../node_modules/.bin/tsx');

/**
 * autocannon in its own process, so the server's event loop is the only one in this process; with
 * `paths` (a file, one per line) it asks for each of them in turn (cannon-paths.ts).
 */
function cannon(url: string, cookie?: string, paths?: string, encoding?: string, seconds = SECONDS): Promise<Result> {
  return new Promise((resolve, reject) => {
    const args = ['-c', String(CONNECTIONS), '-d', String(seconds), '-j', ...(cookie ? ['-H', `cookie=${cookie}`] : []), ...(encoding ? ['-H', `accept-encoding=${encoding}`] : []), url];
    const child = paths
      ? spawn(tsxBin, [path.join(import.meta.dirname, 'cannon-paths.ts'), paths, url, String(seconds), String(CONNECTIONS), cookie ?? '', encoding ?? ''], { stdio: ['ignore', 'pipe', 'ignore'] })
      : spawn(autocannonBin, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      try {
        const j = JSON.parse(out) as { requests: { average: number; total: number }; throughput: { total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
        resolve({ rps: j.requests.average, p50: j.latency.p50, p99: j.latency.p99, non2xx: j.non2xx, errors: j.errors, bytes: j.throughput.total / Math.max(1, j.requests.total), requests: j.requests.total });
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}

/** What a browser asks for (Chrome, Firefox): the server then answers with brotli. */
const BROWSER_ENCODING = 'gzip, deflate, br';

/** More needs than a server keeps pages of (needs.page-cache.ts MAX_PAGES), asked for in turn. */
const MANY_NEEDS = 20_000;

async function signIn(base: string, phone: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function seedIfNeeded(label: string, database: Database, key: Buffer) {
  await migrateDatabase(database);
  const t0 = performance.now();
  const deps = { db: database.db, database, crypto: createFieldCrypto(key), config: loadConfig({}), clock: systemClock };
  // as `npm start` seeds it: the district first, then the time bank's history (analysed as it grows)
  const report = await seedDemoIfEmpty(deps, { scale: 'full', log: () => undefined, history: 'later' });
  await finishDemoHistory(deps, { log: () => undefined });
  if (report.seeded) console.log(`  ${label}: seeded the full demo in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

async function run(label: string, database: Database, key: Buffer) {
  await seedIfNeeded(label, database, key);
  // as `npm start` does after it opens: embedded PGlite has no autovacuum, the server analyses what never was
  const analysed = database.kind === 'pglite' ? await tidyTables(database, { pass: 'start' }) : 0;
  if (analysed) console.log(`  ${label}: vacuumed or analysed ${analysed} tables (the server's upkeep after a start)`);
  const config = { ...loadConfig({}), seedDemo: false, writeLimitPerMinute: 10_000_000, ipWriteLimitPerMinute: 10_000_000, loginLimitPerMinute: 10_000_000 };
  const app = await buildApp({ db: database.db, database, crypto: createFieldCrypto(key), config, clock: systemClock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const cookie = await signIn(base, '13800000002');
  const first = (await (await fetch(`${base}/api/needs?page=1&pageSize=20`, { headers: { cookie } })).json()) as { items: { id: string }[]; total: number };
  const id = first.items[0]!.id;
  const rows: [string, Result][] = [];
  const measure = async (name: string, url: string, as: string | undefined = cookie, paths?: string, encoding?: string) => {
    // BENCH_ROWS=board: only the rows whose name holds it (the ceiling always runs)
    if (ONLY_ROWS && !name.includes(ONLY_ROWS) && !name.includes('ceiling')) return;
    // the server's event loop is this thread (autocannon is a child process): its CPU per request
    const cpu0 = { server: process.threadCpuUsage(), postgres: postgresCpuMs(), engine: database.pgliteWorker?.performance.eventLoopUtilization(), machine: machineCpuMs() };
    const result = await profiled(`reads ${label.split(' ')[0]!} ${name}`, () => cannon(base + url, as, paths, encoding));
    const cpu = process.threadCpuUsage(cpu0.server);
    const n = Math.max(1, result.requests);
    rows.push([name, { ...result, cpuMs: (cpu.user + cpu.system) / 1000 / n, postgresMs: (postgresCpuMs() - cpu0.postgres) / n, engineMs: cpu0.engine ? database.pgliteWorker!.performance.eventLoopUtilization(cpu0.engine).active / n : 0, machineMs: (machineCpuMs() - cpu0.machine) / n }]);
  };
  await measure('/healthz (ceiling)', '/healthz', undefined);
  await measure('GET /api/auth/me (the session alone)', '/api/auth/me');
  await measure('GET /api/needs/{id}', `/api/needs/${id}`);
  // the same page for thousands of needs in turn, more than a server keeps (needs.page-cache.ts): each read from the database
  const districtAdmin = await signIn(base, '13800000000');
  const ids = (await queryRows<{ id: string }>(database.db, sql`SELECT id FROM needs ORDER BY created_at DESC LIMIT ${MANY_NEEDS}`)).map((r) => r.id);
  const pathsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lx-reads-')), 'paths');
  fs.writeFileSync(pathsFile, ids.map((i) => `/api/needs/${i}`).join('\n'));
  await measure(`GET /api/needs/{id}, ${ids.length} in turn`, '', districtAdmin, pathsFile);
  await measure('GET /api/needs?page=1&pageSize=20', '/api/needs?page=1&pageSize=20');
  // the same while a district's admin saves a category 20 times a second: another district's (its kept
  // pages are not let go of), then this district's own (each save lets go of them)
  const deps = { db: database.db, database, crypto: createFieldCrypto(key), config: loadConfig({}), clock: systemClock };
  const writers: [string, string][] = [['another district', await otherDistrictAdmin(deps, base)], ['this district', await signIn(base, '13800000000')]];
  for (const [whose, as] of ONLY_ROWS ? [] : writers) {
    const writer = savingACategory(base, as, 50);
    await measure(`page 1 while ${whose} saves (20/s)`, '/api/needs?page=1&pageSize=20');
    const saved = await writer.stop();
    if (saved < SECONDS) throw new Error(`${whose}: ${saved} saves in ${SECONDS} s`);
  }
  // the last page (with rows): the deepest offset a user can reach in this list
  const last = Math.max(1, Math.ceil(first.total / 20));
  await measure(`GET /api/needs?page=${last} (last)`, `/api/needs?page=${last}&pageSize=20`);
  await measure('GET /api/needs?status=accepted,pooled', '/api/needs?page=1&pageSize=20&status=accepted,pooled');
  // the district's whole ledger (台账): every need of the district in the list, and its exact total
  await measure('district admin: GET /api/needs?page=1', '/api/needs?page=1&pageSize=20', districtAdmin);
  await measure('district admin: ?status=accepted,pooled', '/api/needs?page=1&pageSize=20&status=accepted,pooled', districtAdmin);
  // a ledger's pages are kept between changes (needs.list-pages.ts): the community's pages in every
  // order and size, whole, by status and by grid, in turn — more pages than a server keeps, so each is read from the database
  const listPaths: string[] = [];
  const me = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json()) as { scope: { regionId: string } };
  const grids = await queryRows<{ id: string }>(database.db, sql`SELECT g.id FROM regions g, regions c WHERE c.id = ${me.scope.regionId} AND g.type = 'grid' AND g.path LIKE c.path || '%' ORDER BY g.path`);
  const wheres = [''].concat(['accepted,pooled', 'completed,confirmed,rated', 'submitted,reopened'].map((s) => `&status=${s}`), grids.map((g) => `&regionId=${g.id}`));
  for (const where of wheres)
    for (const sort of ['newest', 'deadline', 'overdueFirst'])
      for (const size of [10, 20]) {
        const query = `pageSize=${size}&sort=${sort}${where}`;
        const { total } = (await (await fetch(`${base}/api/needs?${query}&page=1`, { headers: { cookie } })).json()) as { total: number };
        for (let page = 1; page <= Math.max(1, Math.ceil(total / size)); page++) listPaths.push(`/api/needs?${query}&page=${page}`);
      }
  const listPathsFile = path.join(path.dirname(pathsFile), 'list-paths');
  if (listPaths.length <= MAX_LIST_PAGES) throw new Error(`${listPaths.length} list pages: no more than a server keeps`);
  fs.writeFileSync(listPathsFile, listPaths.join('\n'));
  // unmeasured, as a running server has met them: each of the pool's connections plans a statement anew on
  // its first five runs, and the first pass over these pages was also the one that paid for it (PostgreSQL
  // 2.01 ms a page in the first row, 1.15 in the same pages' compressed row after it)
  await cannon(base, cookie, listPathsFile, undefined, Math.min(3, SECONDS));
  await measure(`GET /api/needs?…, ${listPaths.length} pages in turn`, '', cookie, listPathsFile);
  // the same as a browser asks for them: compressed (the rows above ask for none, as autocannon does)
  await measure('… the same, compressed as browsers ask', '', cookie, listPathsFile, BROWSER_ENCODING);
  // the ledger's status tabs (and the workbench) beside every list page: its to-dos per state, due soon and overdue
  await measure('GET /api/needs/counts', '/api/needs/counts?view=all', cookie);
  await measure('district admin: GET /api/needs/counts', '/api/needs/counts?view=all', districtAdmin);
  // the figures page (统计分析): this month's counts per group, for a community and for the district
  await measure('GET /api/figures/summary', '/api/figures/summary');
  await measure('district admin: GET /api/figures/summary', '/api/figures/summary', districtAdmin);
  // the big screen (大屏), refreshed every minute on a wall: a community's and the district's (kept between changes)
  await measure('dashboard: GET /api/dashboard', '/api/dashboard');
  await measure('district admin: dashboard', '/api/dashboard', districtAdmin);
  // the public board (公示), read without signing in: a section's first page for the district and for a
  // community, each community's figures of last month and its honour roll
  const [district] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM regions WHERE parent_id IS NULL ORDER BY code LIMIT 1`);
  const board = `/api/public/board/${district!.id}`;
  await measure('board: results, district', `${board}/needs?section=done`, undefined);
  await measure('board: results, a community', `${board}/needs?section=done&regionId=${me.scope.regionId}`, undefined);
  await measure('board: wish wall, district', `${board}/needs?section=wishes`, undefined);
  await measure('board: in hand, a community', `${board}/needs?section=accepted&regionId=${me.scope.regionId}`, undefined);
  await measure('board: figures of last month', `${board}/figures`, undefined);
  await measure('board: honour roll of last month', `${board}/honours`, undefined);
  // counts and figures are kept between changes (needs.kept-counts.ts): what a count costs after a change, one at a time
  const anew = async (name: string, url: string, as: string) => {
    if (ONLY_ROWS && !name.includes(ONLY_ROWS)) return;
    const times: number[] = [];
    const engine0 = database.pgliteWorker?.performance.eventLoopUtilization();
    const postgres0 = postgresCpuMs();
    for (let i = 0; i < 10; i++) {
      await database.db.execute(sql`UPDATE needs SET updated_at = updated_at WHERE false`); // a write to needs lets go of what was kept
      const t0 = performance.now();
      const res = await fetch(base + url, { headers: { cookie: as } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const engine = engine0 ? database.pgliteWorker!.performance.eventLoopUtilization(engine0).active / times.length : (postgresCpuMs() - postgres0) / times.length;
    anewRows.push(`  ${name.padEnd(40)} counted anew after a write, one at a time (10): median ${times[5]!.toFixed(0)} ms, slowest ${times[9]!.toFixed(0)} ms; ${database.kind === 'postgres' ? 'PostgreSQL' : "PGlite's thread"} ${engine.toFixed(1)} ms each`);
  };
  // and when the district's staff ask at once right after it (their tabs refreshing): 20 at once, 5 times
  const anewAtOnce = async (name: string, url: string, as: string) => {
    if (ONLY_ROWS && !name.includes(ONLY_ROWS)) return;
    const slowest: number[] = [];
    for (let round = 0; round < 5; round++) {
      await database.db.execute(sql`UPDATE needs SET updated_at = updated_at WHERE false`);
      const times = await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          const t0 = performance.now();
          const res = await fetch(base + url, { headers: { cookie: as } });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
          return performance.now() - t0;
        }),
      );
      slowest.push(Math.max(...times));
    }
    slowest.sort((a, b) => a - b);
    anewRows.push(`  ${name.padEnd(40)} ${CONNECTIONS} at once after a write (5 times): the last answered after ${slowest[2]!.toFixed(0)} ms (median), ${slowest[4]!.toFixed(0)} ms at worst`);
  };
  const anewRows: string[] = [];
  await anew('GET /api/needs?page=1', '/api/needs?page=1&pageSize=20', cookie);
  await anewAtOnce('GET /api/needs?page=1', '/api/needs?page=1&pageSize=20', cookie);
  await anew('district admin: GET /api/needs?page=1', '/api/needs?page=1&pageSize=20', districtAdmin);
  await anew('district admin: GET /api/needs/counts', '/api/needs/counts?view=all', districtAdmin);
  await anewAtOnce('district admin: GET /api/needs/counts', '/api/needs/counts?view=all', districtAdmin);
  await anew('GET /api/figures/summary', '/api/figures/summary', cookie);
  await anew('district admin: GET /api/figures/summary', '/api/figures/summary', districtAdmin);
  await anewAtOnce('district admin: GET /api/figures/summary', '/api/figures/summary', districtAdmin);
  await anew('dashboard: GET /api/dashboard', '/api/dashboard', cookie);
  await anew('district admin: dashboard', '/api/dashboard', districtAdmin);
  await anewAtOnce('district admin: dashboard', '/api/dashboard', districtAdmin);
  await app.close();
  const ceiling = rows[0]![1].rps;
  console.log(`\n== ${label}: community admin 13800000002, ${first.total} needs in their list ("in turn" and "district admin": 13800000000); autocannon -c ${CONNECTIONS} -d ${SECONDS} ==`);
  console.log(`  (CPU per request: the server's event loop; ${database.kind === 'postgres' ? "PostgreSQL's processes; " : "PGlite's thread (busy time); "}the whole machine, autocannon included, ${os.cpus().length} cores)`);
  for (const [name, r] of rows) {
    const bad = r.non2xx + r.errors ? `  (${r.non2xx} non-2xx, ${r.errors} errors)` : '';
    console.log(`  ${name.padEnd(40)} ${r.rps.toFixed(0).padStart(6)} req/s  ${((100 * r.rps) / ceiling).toFixed(1).padStart(5)} % of /healthz   p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(5)} ms  ${(r.bytes / 1024).toFixed(1).padStart(6)} KB each  CPU ${r.cpuMs!.toFixed(2)}${database.kind === 'postgres' ? ` + ${r.postgresMs!.toFixed(2)}` : ` + ${r.engineMs!.toFixed(2)}`} of ${r.machineMs!.toFixed(2)} ms each${bad}`);
  }
  for (const line of anewRows) console.log(line);
}

async function onPostgres(adminUrl: string) {
  const name = 'lx_bench_demo';
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (process.env.BENCH_RESEED) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 20 });
  try {
    await run(`PostgreSQL (${url.host}${url.pathname})`, database, keyIn(path.join(DEMO_DIR, 'pg-key')));
  } finally {
    await database.close();
  }
}

async function main() {
  if (spawnSync(autocannonBin, ['--version']).status !== 0) throw new Error(`autocannon not found at ${autocannonBin}`);
  if (!process.env.BENCH_ONLY_PG) {
    if (process.env.BENCH_RESEED) fs.rmSync(path.join(DEMO_DIR, 'pglite'), { recursive: true, force: true });
    // as `npm start` runs it: PGlite on its worker thread, reached through node-postgres
    const database = await openDatabase({ pgliteDir: path.join(DEMO_DIR, 'pglite'), pgliteThread: 'worker' });
    await run(`PGlite on disk (${DEMO_DIR}/pglite)`, database, keyIn(path.join(DEMO_DIR, 'pglite-key')));
    await database.close();
  }
  if (process.env.BENCH_DATABASE_URL) await onPostgres(process.env.BENCH_DATABASE_URL);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
