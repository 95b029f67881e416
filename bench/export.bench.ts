/**
 * A 100,000-row Excel export through the real HTTP API while /healthz is polled: `npm run bench:export`
 * (with BENCH_DATABASE_URL=postgresql://… also on PostgreSQL). BENCH_EXPORT_ROWS changes the size,
 * EXPORT_PAGE_SIZE the rows read per query (as on the server).
 *
 * The server runs on this process's main thread. The clients (the download and the /healthz loop) run
 * in a worker thread with its own event loop, so a blocked server shows as slow answers rather than
 * as a poller that did not poll. The poller is open-loop: request k is due at start + 20 ms × k and
 * its latency is counted from then, so a stall counts once for every poll it held up.
 * Prints export seconds, rows, bytes, the process's peak RSS, and /healthz p50/p99/max during the
 * export beside /healthz p99 with no export (the ceiling), and the server thread's stalls with the CPU
 * it used in them, which tells a long page from a busy machine. Loopback only, bounded in count and time.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { createFieldCrypto } from '../server/src/platform/crypto/crypto.js';
import { systemClock } from '../server/src/platform/clock/clock.js';
import { migrateDatabase, openDatabase, type Database } from '../server/src/platform/db/client.js';
import { seedNeedsInBulk } from '../server/src/test/bulk-needs.js';
import { PASSWORD, seedFixture } from '../server/src/test/fixtures.js';
import { tidyTables } from '../server/src/platform/db/maintenance.js';
import { withThrowawayDatabase } from './throwaway-db.js';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
const POLL_MS = 20;
const BASELINE_MS = 3000;
const EXPORT_TIMEOUT_MS = 10 * 60_000;
const STALL_MS = 50;

type Report = {
  baseline: number[]; during: number[]; userBaseline: number[]; userDuring: number[]; exportMs: number; bytes: number; status: number; rowsHeader: string | null; rssPeak: number; rssBefore: number; rssAlong: number[];
};

// The clients, as plain JavaScript for the worker (no TypeScript loader there).
const clientCode = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { base, cookie, otherCookie, pollMs, baselineMs, file, timeoutMs } = workerData;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let rssPeak = 0;
let rssTrace = null;
const rssTimer = setInterval(() => {
  const rss = process.memoryUsage().rss;
  rssPeak = Math.max(rssPeak, rss);
  if (rssTrace) rssTrace.push(rss);
}, 10);
async function poll(samples, stop, url = '/healthz', headers = {}) {
  const start = performance.now();
  const inflight = [];
  for (let k = 0; !stop(); k++) {
    const due = start + k * pollMs;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inflight.push(fetch(base + url, { headers }).then(async (r) => { await r.arrayBuffer(); samples.push(performance.now() - due); }));
  }
  await Promise.all(inflight);
}
(async () => {
  const rssBefore = process.memoryUsage().rss;
  const baseline = [];
  const userBaseline = [];
  const until = performance.now() + baselineMs;
  // another user's request: the session, the account and its place, three statements in the database
  const asUser = ['/api/auth/me', { cookie: otherCookie }];
  await Promise.all([poll(baseline, () => performance.now() > until), poll(userBaseline, () => performance.now() > until, ...asUser)]);
  const during = [];
  const userDuring = [];
  let done = false;
  const exporting = (async () => {
    rssTrace = [];
    const t0 = performance.now();
    const res = await fetch(base + '/api/needs/export?view=all', { headers: { cookie }, signal: AbortSignal.timeout(timeoutMs) });
    const out = fs.createWriteStream(file);
    let bytes = 0;
    for await (const chunk of res.body) {
      bytes += chunk.length;
      if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
    }
    await new Promise((r) => out.end(r));
    done = true;
    const trace = rssTrace;
    rssTrace = null;
    // the RSS at the start, a quarter, half, three quarters and the end of the download
    const rssAlong = [0, 0.25, 0.5, 0.75, 1].map((f) => trace[Math.min(trace.length - 1, Math.floor(f * (trace.length - 1)))]);
    return { rssAlong, status: res.status, rowsHeader: res.headers.get('x-export-rows'), bytes, exportMs: performance.now() - t0 };
  })();
  const polling = Promise.all([poll(during, () => done), poll(userDuring, () => done, ...asUser)]);
  const result = await exporting;
  await polling;
  clearInterval(rssTimer);
  parentPort.postMessage({ baseline, during, userBaseline, userDuring, rssBefore, rssPeak, ...result });
})().catch((err) => { clearInterval(rssTimer); parentPort.postMessage({ error: String(err && err.stack || err) }); });
`;

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function run(label: string, database: Database, dataDir: string) {
  await migrateDatabase(database);
  const defaults = loadConfig({});
  const exportPageSize = Number(process.env.EXPORT_PAGE_SIZE || defaults.exportPageSize);
  const config = { ...defaults, dataDir, seedDemo: false, exportPageSize, writeLimitPerMinute: 10_000_000, ipWriteLimitPerMinute: 10_000_000, loginLimitPerMinute: 10_000_000 };
  const fieldCrypto = createFieldCrypto(crypto.randomBytes(32));
  const fx = await seedFixture(database.db, fieldCrypto);
  const app = await buildApp({ db: database.db, database, crypto: fieldCrypto, config, clock: systemClock });
  await app.services.categories.ensureDefaults(database.db, fx.region.D!.districtId);
  const t0 = performance.now();
  await seedNeedsInBulk(database.db, fx, ROWS);
  const seedMs = performance.now() - t0;
  // as the server's upkeep does after a start: embedded PGlite has no autovacuum
  if (database.kind === 'pglite') await tidyTables(database, { pass: 'start' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: fx.person.districtAdmin!.phone, password: PASSWORD }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const other = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: fx.person.communityAdmin1!.phone, password: PASSWORD }) });
  const otherCookie = (other.headers.get('set-cookie') ?? '').split(';')[0]!;
  const file = path.join(dataDir, 'export.xlsx');
  const stalls = watchStalls();
  const worker = new Worker(clientCode, { eval: true, workerData: { base, cookie, otherCookie, pollMs: POLL_MS, baselineMs: BASELINE_MS, file, timeoutMs: EXPORT_TIMEOUT_MS } });
  const report = await new Promise<Report & { error?: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const stalled = stalls.stop();
  await worker.terminate();
  await app.close();
  if (report.error) throw new Error(report.error);
  const sheetRows = await countSheetRows(file);
  console.log(`\n== ${label} ==`);
  console.log(`  seeded ${ROWS} needs in ${(seedMs / 1000).toFixed(1)} s; export pages of ${exportPageSize} rows`);
  console.log(`  export: HTTP ${report.status}, ${(report.exportMs / 1000).toFixed(1)} s, ${sheetRows} rows in the sheet (x-export-rows ${report.rowsHeader}), ${mb(report.bytes)} (${report.bytes} bytes)`);
  console.log(`  RSS: ${mb(report.rssBefore)} before the export, peak ${mb(report.rssPeak)}; along the export (0, ¼, ½, ¾, end): ${report.rssAlong.map(mb).join(' · ')}`);
  console.log(`  /healthz during the export: p50 ${pct(report.during, 50).toFixed(1)} ms  p99 ${pct(report.during, 99).toFixed(1)} ms  max ${Math.max(...report.during).toFixed(1)} ms  (n=${report.during.length}, every ${POLL_MS} ms)`);
  console.log(`  /healthz with no export (ceiling): p50 ${pct(report.baseline, 50).toFixed(1)} ms  p99 ${pct(report.baseline, 99).toFixed(1)} ms  max ${Math.max(...report.baseline).toFixed(1)} ms  (n=${report.baseline.length})`);
  console.log(`  another user during the export (GET /api/auth/me): p50 ${pct(report.userDuring, 50).toFixed(1)} ms  p99 ${pct(report.userDuring, 99).toFixed(1)} ms  max ${Math.max(...report.userDuring).toFixed(1)} ms  (n=${report.userDuring.length})`);
  console.log(`  another user with no export:                       p50 ${pct(report.userBaseline, 50).toFixed(1)} ms  p99 ${pct(report.userBaseline, 99).toFixed(1)} ms  max ${Math.max(...report.userBaseline).toFixed(1)} ms  (n=${report.userBaseline.length})`);
  const own = stalled.filter((g) => g.cpu >= 0.5 * g.wall);
  console.log(
    `  server thread stalls > ${STALL_MS} ms: ${stalled.length}, longest ${Math.max(0, ...stalled.map((g) => g.wall))} ms; most of its own CPU in ${own.length} of them; ` +
      `its CPU in a stall at most ${Math.max(0, ...stalled.map((g) => g.cpu))} ms`,
  );
  if (sheetRows !== ROWS) throw new Error(`${label}: the sheet has ${sheetRows} data rows, expected ${ROWS}`);
}

/**
 * Times when the server's thread did not get round to a 5 ms timer for over STALL_MS, with the CPU
 * this thread spent meanwhile: near the wall time, the server itself was busy (a long page); far
 * below it, the thread was waiting for a core the machine's other processes had.
 */
function watchStalls() {
  const stalls: { wall: number; cpu: number }[] = [];
  let at = performance.now();
  let cpu = process.threadCpuUsage();
  const timer = setInterval(() => {
    const now = performance.now();
    const used = process.threadCpuUsage(cpu);
    if (now - at > STALL_MS) stalls.push({ wall: Math.round(now - at), cpu: Math.round((used.user + used.system) / 1000) });
    at = now;
    cpu = process.threadCpuUsage();
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return stalls;
    },
  };
}

/** Reads the file back with exceljs's streaming reader (header row excluded). */
async function countSheetRows(file: string): Promise<number> {
  let rows = 0;
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, {})) for await (const _row of sheet) rows++;
  return rows - 1;
}

async function onPostgres(adminUrl: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-bench-export-pg-'));
  try {
    await withThrowawayDatabase(adminUrl, 10, (database, url) => run(`PostgreSQL (${url.host}${url.pathname})`, database, dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(' ');

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-bench-export-'));
  try {
    // as `npm start` runs it: PGlite on its worker thread, reached through node-postgres
    const database = await openDatabase({ pgliteDir: path.join(dir, 'pgdata'), pgliteThread: 'worker' });
    await run(`PGlite on disk, worker thread (${dir})`, database, dir);
    await database.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.BENCH_DATABASE_URL) await onPostgres(process.env.BENCH_DATABASE_URL);
  // the machine is shared: a busy neighbour shows as slow /healthz answers in both columns
  console.log(`\n(node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAtStart} at the start, ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end)`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
