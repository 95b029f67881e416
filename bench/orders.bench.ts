/**
 * Order-chain throughput through the real HTTP API: `npm run bench:orders`
 * (with BENCH_DATABASE_URL=postgresql://… also on PostgreSQL, plus pgbench TPC-B there as the ceiling;
 * BENCH_ONLY_PG=1 skips PGlite; BENCH_INSTANCES=N runs N server instances on PostgreSQL, each on its own
 * thread with its own pool, the clients and grabbers spread over them: orders.instance.ts; BENCH_ROUNDS=N
 * rounds of 50 grabs of each kind, 5 by default; BENCH_PAIRS=N adds N pairs of transitions and TPC-B by turns on
 * PostgreSQL, each pair's ratio and their median; BENCH_WARMUP_MS sets the warm-up before the first sustained
 * phase, 2000 by default: the server's event loop spent 1.19–1.61 ms a transition after it, 1.11 after 15 s).
 *  1. sustained transitions/s: C clients each loop submit → accept → pool → grab → check-in;
 *  2. grab latency with 50 concurrent volunteers: distinct orders, and all 50 on one 1-slot order.
 * The server runs on this thread; the clients on a worker thread (orders.load.ts), so their CPU is not
 * counted on the server's event loop (BENCH_PROFILE=<dir> profiles the server during the sustained phase, and
 * during the distinct-orders grab rounds, the orders each round grabs being made in them too).
 * Loopback only, bounded in time and count.
 */
import perfHooks from 'node:perf_hooks';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { createFieldCrypto } from '../server/src/platform/crypto/crypto.js';
import { systemClock } from '../server/src/platform/clock/clock.js';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../server/src/platform/db/client.js';
import { tidyTables } from '../server/src/platform/db/maintenance.js';
import { Worker } from 'node:worker_threads';
import { addVolunteers, PASSWORD, seedFixture } from '../server/src/test/fixtures.js';
import type { LoadCommand, LoadSetup, Timed } from './orders.load.js';
import type { InstanceCommand, InstanceSetup } from './orders.instance.js';
import { machineCpuMs, postgresCpuMs } from './cpu.js';
import { pgbench, pgbenchBin, tpcb } from './pgbench.js';
import { startFloor } from './stack-floor.js';
import { profiled } from './profile.js';
import { withThrowawayDatabase } from './throwaway-db.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
/** Server instances on PostgreSQL (each on its own thread, as LIANXIN_INSTANCES runs them); PGlite has one. */
const INSTANCES = Math.max(1, Number(process.env.BENCH_INSTANCES ?? 1));
/** Rounds of 50 grabs at once, of each kind (distinct orders, one hot order). */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
/**
 * On PostgreSQL, pairs of a sustained phase and TPC-B taken by turns after the grabs (none by default):
 * this machine's speed drifts by a third within minutes, so one phase against one TPC-B run can land on
 * either side of a goal; each pair's ratio, and their median, say where it stands.
 */
const PAIRS = Math.max(0, Number(process.env.BENCH_PAIRS ?? 0) || 0);
/** The warm-up before the first sustained phase (the first call of each route compiles its serializer, the JIT warms). */
const WARMUP_MS = Math.max(0, Number(process.env.BENCH_WARMUP_MS ?? 2000) || 2000);

/** Signs in through the API and keeps the session cookie. */
async function login(base: string, phone: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${phone}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** The load on its own thread (orders.load.ts); `send` runs one command there and returns its answer. */
function startLoad(setup: LoadSetup) {
  const worker = new Worker(new URL('./orders.load.ts', import.meta.url), { workerData: setup, execArgv: ['--import', 'tsx'] });
  // one command at a time: the answer that comes back is the pending command's
  let pending: { resolve: (v: unknown) => void; reject: (e: Error) => void } | undefined;
  worker.on('message', (m: { ok: boolean; result?: unknown; error?: string }) => (m.ok ? pending?.resolve(m.result) : pending?.reject(new Error(m.error))));
  worker.on('error', (err) => pending?.reject(err));
  const send = <T>(command: LoadCommand) =>
    new Promise<T>((resolve, reject) => {
      pending = { resolve: resolve as (v: unknown) => void, reject };
      worker.postMessage(command);
    });
  return { send, stop: () => worker.terminate() };
}

/** Another instance of the server on its own thread (orders.instance.ts), on the same database. */
async function startInstance(setup: InstanceSetup) {
  const worker = new Worker(new URL('./orders.instance.ts', import.meta.url), { workerData: setup, execArgv: ['--import', 'tsx'] });
  // one command at a time, as with the load: the message that comes back answers the pending one
  let pending: { resolve: (v: unknown) => void; reject: (e: Error) => void } | undefined;
  worker.on('message', (m: unknown) => pending?.resolve(m));
  worker.on('error', (err) => pending?.reject(err));
  const next = <T>(command?: InstanceCommand) =>
    new Promise<T>((resolve, reject) => {
      pending = { resolve: resolve as (v: unknown) => void, reject };
      if (command) worker.postMessage(command);
    });
  const { base } = await next<{ base: string }>();
  return {
    base,
    cpuMs: async () => (await next<{ cpuMs: number }>('cpu')).cpuMs,
    close: async () => {
      await next('close');
      await worker.terminate();
    },
  };
}

async function setUp(database: Database, url?: URL) {
  await migrateDatabase(database);
  const config = { ...loadConfig({}), dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lx-bench-files-')), seedDemo: false, maxOpenTasks: 100_000, writeLimitPerMinute: 10_000_000, ipWriteLimitPerMinute: 10_000_000, loginLimitPerMinute: 10_000_000 };
  const key = crypto.randomBytes(32);
  const fieldCrypto = createFieldCrypto(key);
  const fx = await seedFixture(database.db, fieldCrypto);
  const app = await buildApp({ db: database.db, database, crypto: fieldCrypto, config, clock: systemClock });
  await app.services.categories.ensureDefaults(database.db, fx.region.D!.districtId);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const volunteers = await addVolunteers(database.db, fx.region.B1!, 50, '1377');
  const grabbers: string[] = [];
  for (const v of volunteers) grabbers.push(await login(base, v.phone));
  const admin = await login(base, fx.person.communityAdmin1!.phone);
  const resident = await login(base, fx.person.resident1!.phone);
  const cats = (await (await fetch(`${base}/api/need-categories`, { headers: { cookie: admin } })).json()) as { id: string; code: string }[];
  const categoryId = cats.find((c) => c.code === 'elderly.haircut')!.id;
  const others = url ? await Promise.all(Array.from({ length: INSTANCES - 1 }, () => startInstance({ databaseUrl: url.toString(), poolSize: 60, config, key }))) : [];
  const load = startLoad({ base, bases: [base, ...others.map((o) => o.base)], grabbers, admin, resident, categoryId, regionId: fx.region.B1!.id, clients: CLIENTS });
  /** The CPU time of every instance's event loop so far: this thread's, and the other instances' threads'. */
  const serverCpuMs = async () => {
    const own = process.threadCpuUsage();
    return (own.user + own.system) / 1000 + (await Promise.all(others.map((o) => o.cpuMs()))).reduce((a, b) => a + b, 0);
  };
  return { app, load, serverCpuMs, instances: 1 + others.length, close: () => Promise.all(others.map((o) => o.close())) };
}

/** Delivers every due domain event, as the background loop would; answers how many, in what time and CPU. */
async function drainDeliveries(app: Awaited<ReturnType<typeof buildApp>>, database: Database) {
  const t0 = performance.now();
  const cpu0 = process.threadCpuUsage();
  let delivered = 0;
  for (let n = -1; n !== 0; ) delivered += n = await app.services.events.deliverDue();
  const ms = performance.now() - t0;
  const server = process.threadCpuUsage(cpu0);
  const [left] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM event_deliveries WHERE delivered_at IS NULL`);
  if (left!.n !== 0) throw new Error(`${left!.n} deliveries were left undelivered`);
  return { delivered, ms, serverMs: (server.user + server.system) / 1000 / Math.max(1, delivered) };
}

type Pair = { perSecond: number; refused: number; tps: number; tpcbFirst: boolean };

/** The middle value (the mean of the two middle ones for an even count). */
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function run(label: string, database: Database, url?: URL) {
  const b = await setUp(database, url);
  // 1. sustained transitions; a warm-up first, 2 s unless BENCH_WARMUP_MS says (the first call of each route compiles its serializer, the JIT warms)
  await b.load.send({ cmd: 'sustained', ms: WARMUP_MS });
  await drainDeliveries(b.app, database);
  // embedded PGlite has no autovacuum: what a running server has done by now (maintenance.ts — after
  // its start, then every minute for the tables that doubled since their last ANALYZE)
  if (database.kind === 'pglite' && !process.env.BENCH_NO_UPKEEP) for (const pass of ['start', 'growth'] as const) await tidyTables(database, { pass });
  // real PostgreSQL's autovacuum analyses a table once a tenth of it changed, within a minute: the
  // warm-up is before that, so its statistics (and the plans each connection keeps for the foreign-key
  // checks, made when the tables were empty) are brought to where a running server's would be
  if (database.kind === 'postgres' && !process.env.BENCH_NO_UPKEEP) await database.db.execute(sql`ANALYZE`);
  const cpu0 = { server: await b.serverCpuMs(), postgres: postgresCpuMs(), engine: database.pgliteWorker?.performance.eventLoopUtilization() };
  const { transitions, refused: failures, reasons, loadCpuMs } = await profiled(`orders ${label.split(' ')[0]!} sustained`, () =>
    b.load.send<{ transitions: number; refused: number; reasons: Record<string, number>; loadCpuMs: number }>({ cmd: 'sustained', ms: SECONDS * 1000 }),
  );
  const tps = transitions / SECONDS;
  const server = (await b.serverCpuMs()) - cpu0.server;
  const cpu = {
    serverMs: server / transitions,
    postgresMs: (postgresCpuMs() - cpu0.postgres) / transitions,
    // embedded PGlite: its thread's busy time (the engine's own work, statements and all)
    engineMs: cpu0.engine ? database.pgliteWorker!.performance.eventLoopUtilization(cpu0.engine).active / transitions : 0,
  };
  // 1b. the subscribers' work the transitions left behind (inbox, ledger, figures, webhooks): the server
  // delivers it in the background (server.ts); here it is drained on its own, so its cost shows
  const drain = await profiled(`orders ${label.split(' ')[0]!} deliveries`, () => drainDeliveries(b.app, database));
  // 2. unmeasured bursts of each kind first, as a running server has met them: the sustained phase used
  // 8 connections, 50 grabs at once use up to 50. A connection's first run of a statement costs its server
  // process ~10 ms of planning and catalog loading, and PostgreSQL plans a prepared statement anew on
  // each of its first 5 runs on a connection before it settles on a generic plan (in a short burst that
  // planning was 38 % of the statements' time). The server keeps its connections open (client.ts), so a
  // running server meets both once per connection: 6 bursts bring every connection past them.
  for (let burst = 0; burst < 6; burst++) {
    await b.load.send({ cmd: 'grabEach', ids: await b.load.send<string[]>({ cmd: 'pooled', count: 50 }) });
    await b.load.send({ cmd: 'grabOne', id: (await b.load.send<string[]>({ cmd: 'pooled', count: 1 }))[0]! });
  }
  // 2a. 50 volunteers grab distinct orders at once, 5 rounds
  const distinct: number[] = [];
  let distinctWon = 0;
  // how busy the server's event loop and PGlite's thread were while the grabs ran (the rounds only)
  const busy = { main: 0, engine: 0, ms: 0, serverCpu: 0, postgresCpu: 0, machineCpu: 0 };
  await profiled(`orders ${label.split(' ')[0]!} grabs`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const ids = await b.load.send<string[]>({ cmd: 'pooled', count: 50 });
      const elu0 = { main: perfHooks.performance.eventLoopUtilization(), engine: database.pgliteWorker?.performance.eventLoopUtilization() };
      const cpu0 = { server: await b.serverCpuMs(), postgres: postgresCpuMs(), machine: machineCpuMs() };
      const results = await b.load.send<Timed[]>({ cmd: 'grabEach', ids });
      busy.serverCpu += (await b.serverCpuMs()) - cpu0.server;
      busy.postgresCpu += postgresCpuMs() - cpu0.postgres;
      busy.machineCpu += machineCpuMs() - cpu0.machine;
      const main = perfHooks.performance.eventLoopUtilization(elu0.main);
      busy.main += main.active;
      busy.ms += main.idle + main.active;
      if (elu0.engine) busy.engine += database.pgliteWorker!.performance.eventLoopUtilization(elu0.engine).active;
      distinct.push(...results.map((r) => r.ms));
      distinctWon += results.filter((r) => r.status === 200).length;
    }
  });
  // 2b. 50 volunteers on the same 1-slot order, 5 rounds: one wins each time
  const hot: number[] = [];
  let winners = 0;
  let oneWinnerEachRound = true;
  for (let round = 0; round < ROUNDS; round++) {
    const [id] = await b.load.send<string[]>({ cmd: 'pooled', count: 1 });
    const results = await b.load.send<Timed[]>({ cmd: 'grabOne', id: id! });
    hot.push(...results.map((r) => r.ms));
    const won = results.filter((r) => r.status === 200).length;
    const taken = results.filter((r) => r.status === 409 && r.code === 'needs.already_taken').length;
    winners += won;
    // exactly one winner, and every other grabber told it is taken (never a 500)
    if (won !== 1 || won + taken !== results.length) oneWinnerEachRound = false;
    const [row] = await queryRows<{ filled: number; slots: number; live: number }>(
      database.db,
      sql`SELECT filled, slots, (SELECT count(*)::int FROM need_assignments a WHERE a.need_id = n.id AND a.status <> 'released') AS live FROM needs n WHERE n.id = ${id}`,
    );
    if (!row || row.filled !== 1 || row.live !== 1) oneWinnerEachRound = false;
  }
  const pairs = url ? await ratioPairs(b, database, url) : [];
  await b.load.stop();
  await b.close();
  await b.app.close();
  console.log(`\n== ${label}${b.instances > 1 ? `, ${b.instances} server instances (one thread each)` : ''} ==`);
  console.log(`  sustained transitions: ${tps.toFixed(0)}/s  (${CLIENTS} clients, ${SECONDS} s, ${transitions} transitions, ${failures} refused${failures ? `: ${JSON.stringify(reasons)}` : ''})`);
  console.log(
    `  CPU per transition: ${b.instances > 1 ? `the ${b.instances} instances' event loops` : "server's event loop"} ${cpu.serverMs.toFixed(2)} ms` +
      (label === 'PostgreSQL' ? `, PostgreSQL's processes ${cpu.postgresMs.toFixed(2)} ms (all of this machine's postgres processes)` : `, PGlite's thread ${cpu.engineMs.toFixed(2)} ms (busy time)`) +
      `; the load's HTTP clients ${loadCpuMs.toFixed(2)} ms`,
  );
  console.log(
    `  their domain-event deliveries: ${drain.delivered} (${(drain.delivered / transitions).toFixed(1)} per transition) drained in ${(drain.ms / 1000).toFixed(1)} s = ${(drain.delivered / (drain.ms / 1000)).toFixed(0)}/s;` +
      ` server CPU ${drain.serverMs.toFixed(2)} ms each`,
  );
  console.log(`  transitions/s with their deliveries done: ${(transitions / (SECONDS + drain.ms / 1000)).toFixed(0)}/s`);
  console.log(`  grab, 50 concurrent, distinct orders: p50 ${pct(distinct, 50).toFixed(0)} ms  p99 ${pct(distinct, 99).toFixed(0)} ms  (n=${distinct.length}, ${distinctWon} won)`);
  console.log(`    busy during those rounds: the ${b.instances > 1 ? 'first instance' : "server"}'s event loop ${((100 * busy.main) / busy.ms).toFixed(0)} %` + (database.pgliteWorker ? `, PGlite's thread ${((100 * busy.engine) / busy.ms).toFixed(0)} %` : ''));
  // what one grab costs in all while 50 run at once: with `cores` cores, 50 of them take at least 50 × that / cores
  const perGrab = { server: busy.serverCpu / distinct.length, postgres: busy.postgresCpu / distinct.length, engine: busy.engine / distinct.length, machine: busy.machineCpu / distinct.length };
  console.log(
    `    CPU per grab: ${b.instances > 1 ? `the ${b.instances} instances' event loops` : "the server's event loop"} ${perGrab.server.toFixed(2)} ms, ` +
      (database.pgliteWorker ? `PGlite's thread ${perGrab.engine.toFixed(2)} ms (busy time)` : `PostgreSQL ${perGrab.postgres.toFixed(2)} ms`) +
      `, the whole machine ${perGrab.machine.toFixed(2)} ms: 50 at once need ≥ ${((50 * perGrab.machine) / os.cpus().length).toFixed(0)} ms of its ${os.cpus().length} cores`,
  );
  console.log(`  grab, 50 concurrent, one 1-slot order: p50 ${pct(hot, 50).toFixed(0)} ms  p99 ${pct(hot, 99).toFixed(0)} ms  (winners ${winners}/${ROUNDS} rounds; exactly one winner, the rest "taken", one live slot: ${oneWinnerEachRound ? 'yes' : 'NO'})`);
  if (pairs.length) {
    // a pair whose TPC-B failed (its tables not made, no figure) is shown and left out of the median
    const measured = pairs.filter((p) => Number.isFinite(p.tps) && p.tps > 0);
    const ratio = (p: Pair) => (100 * p.perSecond) / p.tps;
    const refused = pairs.reduce((n, p) => n + p.refused, 0);
    console.log(
      `  sustained and TPC-B by turns (${measured.length} of ${pairs.length} pairs measured, ${SECONDS} s each${refused ? `, ${refused} transitions refused` : ''}):` +
        (measured.length ? ` median ${median(measured.map(ratio)).toFixed(1)} % of TPC-B` : ' no TPC-B figure'),
    );
    console.log(`    ${pairs.map((p) => `${p.perSecond.toFixed(0)}/s ÷ ${Number.isFinite(p.tps) ? p.tps.toFixed(0) : '?'} tps${p.tpcbFirst ? ' (TPC-B first)' : ''} = ${Number.isFinite(p.tps) ? ratio(p).toFixed(1) : '?'} %`).join('; ')}`);
  }
  if (!oneWinnerEachRound || distinctWon !== distinct.length) process.exitCode = 1;
}

/**
 * BENCH_PAIRS pairs of a sustained phase and TPC-B on the same database, taken by turns (one pair
 * TPC-B first, the next the transitions first), each phase BENCH_SECONDS; the deliveries a phase left
 * are drained after it, unmeasured.
 */
async function ratioPairs(b: Awaited<ReturnType<typeof setUp>>, database: Database, url: URL) {
  const pairs: Pair[] = [];
  if (PAIRS > 0 && !pgbenchBin()) console.log('  pairs with TPC-B: pgbench not installed');
  if (PAIRS === 0 || !pgbenchBin()) return pairs;
  for (let i = 0; i < PAIRS; i++) {
    const ceiling = async () => (await tpcb(url.toString(), SECONDS)) ?? NaN;
    const sustained = async () => {
      const { transitions, refused } = await b.load.send<{ transitions: number; refused: number }>({ cmd: 'sustained', ms: SECONDS * 1000 });
      await drainDeliveries(b.app, database);
      return { perSecond: transitions / SECONDS, refused };
    };
    // by turns, so that a drift of the machine's speed falls on both sides alike
    const tpcbFirst = i % 2 === 0;
    const before = tpcbFirst ? await ceiling() : NaN;
    const phase = await sustained();
    pairs.push({ ...phase, tpcbFirst, tps: tpcbFirst ? before : await ceiling() });
  }
  return pairs;
}

/**
 * The same load on a bare Fastify route making a transition's five round trips with node-postgres alone
 * (stack-floor.ts): what the stack reaches before any of the app's own work.
 */
async function stackFloor(url: URL) {
  const floor = await startFloor(url.toString(), CLIENTS);
  const load = startLoad({ base: floor.base, grabbers: [], admin: '', resident: '', categoryId: '', regionId: '', clients: CLIENTS });
  try {
    await load.send({ cmd: 'floor', ms: 2000, base: floor.base });
    const cpu0 = { server: process.threadCpuUsage(), postgres: postgresCpuMs() };
    const { transitions, refused } = await load.send<{ transitions: number; refused: number }>({ cmd: 'floor', ms: SECONDS * 1000, base: floor.base });
    const server = process.threadCpuUsage(cpu0.server);
    const n = Math.max(1, transitions);
    console.log(
      `  the stack's floor: a bare Fastify route with a transition's 5 round trips (node-postgres alone): ${(transitions / SECONDS).toFixed(0)}/s (${refused} refused);` +
        ` CPU per transition: server ${((server.user + server.system) / 1000 / n).toFixed(2)} ms, PostgreSQL ${((postgresCpuMs() - cpu0.postgres) / n).toFixed(2)} ms`,
    );
  } finally {
    await load.stop();
    await floor.close();
  }
}

async function onPostgres(adminUrl: string) {
  await withThrowawayDatabase(adminUrl, 60, async (database, url) => {
    await run('PostgreSQL', database, url);
    await stackFloor(url);
    await pgbench(url.toString(), SECONDS);
  });
}

async function main() {
  if (!process.env.BENCH_ONLY_PG) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-bench-pglite-'));
    // as `npm start` runs it: PGlite on its worker thread, reached through node-postgres
    const database = await openDatabase({ pgliteDir: dir, pgliteThread: 'worker' });
    await run(`PGlite on disk (${dir})`, database);
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.BENCH_DATABASE_URL) await onPostgres(process.env.BENCH_DATABASE_URL);
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
