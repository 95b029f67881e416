/**
 * The demo's time bank history as `npm start` seeds it after the app opens (`finishDemoHistory`):
 * `npm run bench:history`. Seeds the full district without its history into an embedded PGlite on
 * its worker thread (kept as a template in BENCH_TEMPLATE, default $TMPDIR/lx-history-template, so
 * a second run starts at once), then on a copy runs the history while a "user" (a session read and
 * a volunteer's balances, three statements one after the other, every 100 ms open-loop) is timed
 * through the same one connection, and then through the upkeep `npm start` runs next on the embedded
 * database (maintenance.ts, its slowest statements). Prints pages/s along the run, the whole history's time, the
 * user's latency, and the time of each statement of the pages in BENCH_EXPLAIN (e.g. `1,100`, with
 * EXPLAIN (ANALYZE, BUFFERS) of each, in a savepoint rolled back; BENCH_PLANS=1 prints the plans;
 * BENCH_STOP_AFTER=n stops after page n). With BENCH_DATABASE_URL the same on
 * a throwaway PostgreSQL database (`-- --postgres-only` skips PGlite).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/src/config.js';
import { finishDemoHistory, planDistrict, seedDemoIfEmpty } from '../server/src/demo/seed.js';
import { fixedAccounts } from '../server/src/demo/fixed-accounts.js';
import { createFieldCrypto } from '../server/src/platform/crypto/crypto.js';
import { systemClock } from '../server/src/platform/clock/clock.js';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../server/src/platform/db/client.js';
import { tidyTables } from '../server/src/platform/db/maintenance.js';
import type { PlatformDeps } from '../server/src/platform/deps.js';
import { withThrowawayDatabase } from './throwaway-db.js';

const TEMPLATE = process.env.BENCH_TEMPLATE ?? path.join(os.tmpdir(), 'lx-history-template');
const EXPLAIN = new Set((process.env.BENCH_EXPLAIN ?? '').split(',').filter(Boolean).map(Number));
const USER_POLL_MS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN);

// every statement's time, by its text, while `page` is one of EXPLAIN
let page = 0;
let explaining = false;
const statements: { page: number; text: string; ms: number; plan?: string }[] = [];
const inTx = new WeakSet<object>();
type Query = (this: pg.Client, config: unknown, values?: unknown, cb?: unknown) => unknown;
const original = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, config: unknown, values?: unknown, cb?: unknown) {
  const text: string = typeof config === 'string' ? config : ((config as { text?: string })?.text ?? '');
  const params = typeof config === 'object' && config && 'values' in config ? (config as { values: unknown[] }).values : (values as unknown[] | undefined);
  const verb = text.trim().slice(0, 8).toLowerCase();
  if (verb.startsWith('begin')) inTx.add(this);
  if (verb.startsWith('commit') || verb.startsWith('rollback')) inTx.delete(this);
  const short = text.replace(/\s+/g, ' ').slice(0, 150);
  if (typeof cb === 'function' || typeof values === 'function') {
    // node-postgres' pool.query: the callback form
    const t0 = performance.now();
    const at = page;
    const done = (typeof cb === 'function' ? cb : values) as (...a: unknown[]) => void;
    const timed = (...a: unknown[]) => {
      if (at) statements.push({ page: at, text: short, ms: performance.now() - t0 });
      done(...a);
    };
    return typeof cb === 'function' ? original.call(this, config, values, timed) : original.call(this, config, timed);
  }
  if (!EXPLAIN.has(page) || explaining || /^(begin|commit|rollback|savepoint)/.test(verb)) {
    if (!page || explaining) return original.call(this, config, values, cb);
    const t0 = performance.now();
    const at = page;
    const r = original.call(this, config, values, cb) as Promise<unknown>;
    return r.then((x) => {
      statements.push({ page: at, text: short, ms: performance.now() - t0 });
      return x;
    });
  }
  return (async (client: pg.Client) => {
    let plan: string | undefined;
    explaining = true;
    try {
      const tx = inTx.has(client);
      if (tx) await original.call(client, 'SAVEPOINT bench_explain');
      const r = (await original.call(client, { text: `EXPLAIN (ANALYZE, BUFFERS) ${text}`, values: params })) as { rows: { 'QUERY PLAN': string }[] };
      plan = r.rows.map((x) => x['QUERY PLAN']).join('\n');
      if (tx) await original.call(client, 'ROLLBACK TO SAVEPOINT bench_explain');
    } catch (err) {
      plan = `(no plan: ${String(err)})`;
    } finally {
      explaining = false;
    }
    const t0 = performance.now();
    const result = await (original.call(client, config, values) as Promise<unknown>);
    statements.push({ page, text: short, ms: performance.now() - t0, plan });
    return result;
  })(this);
};

function depsFor(database: Database): PlatformDeps {
  return { db: database.db, database, crypto: createFieldCrypto(crypto.randomBytes(32)), config: { ...loadConfig({}), seedDemo: false }, clock: systemClock };
}

/** The district without its history, seeded once into TEMPLATE (PGlite on its thread, as `npm start`). */
async function template(): Promise<void> {
  if (fs.existsSync(path.join(TEMPLATE, 'PG_VERSION'))) return;
  const dir = `${TEMPLATE}.partial`;
  fs.rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  const database = await openDatabase({ pgliteDir: dir, pgliteThread: 'worker' });
  await migrateDatabase(database);
  await seedDemoIfEmpty(depsFor(database), { scale: 'full', log: () => undefined, history: 'later' });
  await database.close();
  fs.renameSync(dir, TEMPLATE);
  console.log(`template seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s (${TEMPLATE})`);
}

async function history(label: string, database: Database): Promise<void> {
  const deps = depsFor(database);
  const districtId = planDistrict('full').regions.district.id;
  const volunteerPhone = fixedAccounts.find((a) => a.roles[0] === 'volunteer')!.phone;
  const [volunteer] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM accounts WHERE phone = ${volunteerPhone}`);
  // the user: three statements one after the other (what a signed-in request reads), every 100 ms
  const samples: number[] = [];
  const slowest: { ms: number; page: number }[] = [];
  let running = true;
  const user = (async () => {
    const start = performance.now();
    const inflight: Promise<void>[] = [];
    for (let k = 0; running; k++) {
      const due = start + k * USER_POLL_MS;
      if (due > performance.now()) await sleep(due - performance.now());
      inflight.push(
        (async () => {
          const at = page;
          await queryRows(database.db, sql`SELECT id, roles FROM accounts WHERE id = ${volunteer!.id}`);
          await queryRows(database.db, sql`SELECT count(*) FROM volunteers WHERE district_id = ${districtId} AND account_id = ${volunteer!.id}`);
          await queryRows(
            database.db,
            sql`SELECT a.unit, sum(b.balance) AS balance FROM ledger_accounts a JOIN ledger_balances b ON b.district_id = a.district_id AND b.account_id = a.id
                WHERE a.district_id = ${districtId} AND a.owner_id = ${volunteer!.id} AND a.kind IN ('volunteer.hours', 'volunteer.points') GROUP BY a.unit`,
          );
          samples.push(performance.now() - due);
          slowest.push({ ms: performance.now() - due, page: at });
        })(),
      );
    }
    await Promise.all(inflight);
  })();
  const pages: { page: number; ms: number; at: number }[] = [];
  const t0 = performance.now();
  let windowStart = t0;
  let windowPages = 0;
  page = 1;
  const stopAfter = Number(process.env.BENCH_STOP_AFTER ?? Infinity);
  const stop = new AbortController();
  const report = await finishDemoHistory(deps, {
    log: () => undefined,
    ...(process.env.BENCH_REPLAY_PAGE ? { pageSize: Number(process.env.BENCH_REPLAY_PAGE) } : {}),
    signal: stop.signal,
    onPage: (p) => {
      if (p.page >= stopAfter) stop.abort();
      pages.push({ page: p.page, ms: p.ms, at: performance.now() - t0 });
      page = p.page + 1;
      windowPages++;
      if (performance.now() - windowStart >= 10_000) {
        console.log(`  ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s  page ${p.page}: ${(windowPages / ((performance.now() - windowStart) / 1000)).toFixed(2)} pages/s, last page ${p.ms.toFixed(0)} ms, ${p.credited} credited`);
        windowStart = performance.now();
        windowPages = 0;
      }
    },
  });
  page = 0;
  const totalS = (performance.now() - t0) / 1000;
  const duringHistory = samples.splice(0);
  // then what `npm start` runs next on the embedded database: the upkeep after the start (maintenance.ts)
  const tidied: { statement: string; ms: number }[] = [];
  const u0 = performance.now();
  if (database.kind === 'pglite') await tidyTables(database, { pass: 'start', onStatement: (statement, ms) => tidied.push({ statement, ms }) });
  const upkeepS = (performance.now() - u0) / 1000;
  running = false;
  await user;
  const duringUpkeep = samples.splice(0);
  console.log(`\n== ${label} ==`);
  console.log(`  history: ${report ? `${report.counts.credited} services, ${pages.length} pages` : 'NOT DONE'} in ${totalS.toFixed(1)} s (${(pages.length / totalS).toFixed(2)} pages/s); timings ${JSON.stringify(report?.timings)}`);
  const page_ = (from: number, to: number) => pages.filter((p) => p.page >= from && p.page <= to).map((p) => p.ms);
  for (const [a, b] of [[1, 10], [50, 60], [100, 110], [150, 160], [170, 180]] as const) {
    const xs = page_(a, b);
    if (xs.length) console.log(`  pages ${a}–${b}: p50 ${pct(xs, 50).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms a page`);
  }
  const user_ = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(0)} ms  p99 ${pct(xs, 99).toFixed(0)} ms  max ${Math.max(...xs).toFixed(0)} ms (n=${xs.length})  ceiling p99 100 ms ${pct(xs, 99) < 100 ? 'ok' : 'OVER'}`;
  console.log(`  user (3 statements) during it: ${user_(duringHistory)}`);
  // a copied template starts with cold caches, unlike `npm start`, where the history follows the seed in the same process
  const warm = slowest.filter((x) => x.page > 10).map((x) => x.ms);
  console.log(`  the same from page 11 on: ${user_(warm)}`);
  if (tidied.length) {
    console.log(`  then the upkeep after the start: ${tidied.length} statements in ${upkeepS.toFixed(1)} s; the longest: ${[...tidied].sort((a, b) => b.ms - a.ms).slice(0, 12).map((t) => `${t.statement} ${t.ms.toFixed(0)} ms`).join(', ')}`);
    console.log(`  user (3 statements) during the upkeep: ${user_(duringUpkeep)}`);
  }
  console.log(`  the user's slowest: ${slowest.sort((a, b) => b.ms - a.ms).slice(0, 8).map((x) => `${x.ms.toFixed(0)} ms (page ${x.page})`).join(', ')}`);
  console.log('  slowest statements:');
  for (const x of [...statements].sort((a, b) => b.ms - a.ms).slice(0, 12)) console.log(`  ${x.ms.toFixed(1).padStart(8)} ms  page ${String(x.page).padStart(3)}  ${x.text.slice(0, 110)}`);
  const lastPage = Math.max(...statements.map((x) => x.page));
  const last = statements.filter((x) => x.page === lastPage);
  console.log(`  the last page and the last transaction (page ${lastPage}): ${last.length} statements, ${last.reduce((a, x) => a + x.ms, 0).toFixed(0)} ms; slowest:`);
  for (const x of [...last].sort((a, b) => b.ms - a.ms).slice(0, 10)) console.log(`  ${x.ms.toFixed(1).padStart(8)} ms  ${x.text.slice(0, 120)}`);
  for (const n of [...EXPLAIN].sort((a, b) => a - b)) {
    const of = statements.filter((s) => s.page === n);
    console.log(`\n-- page ${n}: ${of.length} statements, ${of.reduce((s, x) => s + x.ms, 0).toFixed(0)} ms --`);
    for (const s of of) {
      console.log(`  ${s.ms.toFixed(1).padStart(8)} ms  ${s.text}`);
      if (process.env.BENCH_PLANS && s.plan) console.log(s.plan.split('\n').map((l) => `      ${l}`).join('\n'));
    }
  }
}

const wall = performance.now();
const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
if (!process.argv.includes('--postgres-only')) {
  await template();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-history-'));
  try {
    fs.cpSync(TEMPLATE, dir, { recursive: true });
    const database = await openDatabase({ pgliteDir: dir, pgliteThread: 'worker' });
    await history('PGlite on its worker thread (as npm start)', database);
    await database.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
if (process.env.BENCH_DATABASE_URL) {
  await withThrowawayDatabase(process.env.BENCH_DATABASE_URL, 20, async (database) => {
    await migrateDatabase(database);
    const t0 = performance.now();
    await seedDemoIfEmpty(depsFor(database), { scale: 'full', log: () => undefined, history: 'later' });
    console.log(`\nPostgreSQL: district without its history seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    page = 0;
    await history('PostgreSQL (pool of 20)', database);
  });
}
console.log(`\nwall time ${((performance.now() - wall) / 1000).toFixed(1)} s (node ${process.version}, ${os.cpus().length} CPUs, load average ${load} at the start, ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end)`);
