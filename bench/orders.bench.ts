/**
 * Order-chain throughput through the real HTTP API: `npm run bench:orders`
 * (with BENCH_DATABASE_URL=postgresql://… also on PostgreSQL, plus pgbench TPC-B there as the ceiling;
 * BENCH_ONLY_PG=1 skips PGlite).
 *  1. sustained transitions/s: C clients each loop submit → accept → pool → grab → check-in;
 *  2. grab latency with 50 concurrent volunteers: distinct orders, and all 50 on one 1-slot order.
 * Loopback only, bounded in time and count.
 */
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
import { addVolunteers, PASSWORD, seedFixture } from '../server/src/test/fixtures.js';
import { pgbench } from './pgbench.js';
import { profiled } from './profile.js';
import { withThrowawayDatabase } from './throwaway-db.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);

type Client = { cookie: string };

async function setUp(database: Database) {
  await migrateDatabase(database);
  const config = { ...loadConfig({}), dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lx-bench-files-')), seedDemo: false, maxOpenTasks: 100_000, writeLimitPerMinute: 10_000_000, ipWriteLimitPerMinute: 10_000_000, loginLimitPerMinute: 10_000_000 };
  const fieldCrypto = createFieldCrypto(crypto.randomBytes(32));
  const fx = await seedFixture(database.db, fieldCrypto);
  const app = await buildApp({ db: database.db, database, crypto: fieldCrypto, config, clock: systemClock });
  await app.services.categories.ensureDefaults(database.db, fx.region.D!.districtId);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const call = async (c: Client, method: string, url: string, body?: object) => {
    const t0 = performance.now();
    const res = await fetch(base + url, { method, headers: { cookie: c.cookie, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    const json = (await res.json()) as Record<string, unknown>;
    return { status: res.status, json, ms: performance.now() - t0 };
  };
  const login = async (phone: string): Promise<Client> => {
    const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, password: PASSWORD }) });
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
  };
  const volunteers = await addVolunteers(database.db, fx.region.B1!, 50, '1377');
  const grabbers: Client[] = [];
  for (const v of volunteers) grabbers.push(await login(v.phone));
  const admin = await login(fx.person.communityAdmin1!.phone);
  const resident = await login(fx.person.resident1!.phone);
  const cats = (await call(admin, 'GET', '/api/need-categories')).json as unknown as { id: string; code: string }[];
  const categoryId = (Array.isArray(cats) ? cats : []).find((c) => c.code === 'elderly.haircut')!.id;
  const post = async (slots = 1) =>
    (await call(resident, 'POST', '/api/needs', { kind: 'serviceRequest', categoryId, title: '上门理发', description: '老人行动不便', regionId: fx.region.B1!.id, slots })).json.id as string;
  const pooled = async (slots = 1) => {
    const id = await post(slots);
    await call(admin, 'POST', `/api/needs/${id}/accept`, {});
    await call(admin, 'POST', `/api/needs/${id}/pool`, {});
    return id;
  };
  return { app, call, grabbers, admin, resident, post, pooled };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function run(label: string, database: Database) {
  const b = await setUp(database);
  // 1. sustained transitions: every request below is one state transition with its event
  let transitions = 0;
  let failures = 0;
  let until = Date.now() + 2000;
  const loop = () => Promise.all(
    Array.from({ length: CLIENTS }, async (_, w) => {
      const me = b.grabbers[w]!;
      while (Date.now() < until) {
        const id = await b.post();
        const steps = [
          await b.call(b.admin, 'POST', `/api/needs/${id}/accept`, {}),
          await b.call(b.admin, 'POST', `/api/needs/${id}/pool`, {}),
          await b.call(me, 'POST', `/api/needs/${id}/grab`, {}),
          await b.call(me, 'POST', `/api/needs/${id}/check-in`, {}),
        ];
        transitions += 1 + steps.filter((s) => s.status === 200).length;
        failures += steps.filter((s) => s.status !== 200).length;
      }
    }),
  );
  // warm up for 2 s first: the first call of each route compiles its response serializer and the JIT warms
  await loop();
  transitions = 0;
  failures = 0;
  until = Date.now() + SECONDS * 1000;
  await profiled(`orders ${label.split(' ')[0]!} sustained`, loop);
  const tps = transitions / SECONDS;
  // 2a. 50 volunteers grab distinct orders at once, 5 rounds
  const distinct: number[] = [];
  let distinctWon = 0;
  for (let round = 0; round < 5; round++) {
    const ids = await Promise.all(b.grabbers.map(() => b.pooled()));
    const results = await Promise.all(b.grabbers.map((g, i) => b.call(g, 'POST', `/api/needs/${ids[i]}/grab`, {})));
    distinct.push(...results.map((r) => r.ms));
    distinctWon += results.filter((r) => r.status === 200).length;
  }
  // 2b. 50 volunteers on the same 1-slot order, 5 rounds: one wins each time
  const hot: number[] = [];
  let winners = 0;
  let oneWinnerEachRound = true;
  for (let round = 0; round < 5; round++) {
    const id = await b.pooled();
    const results = await Promise.all(b.grabbers.map((g) => b.call(g, 'POST', `/api/needs/${id}/grab`, {})));
    hot.push(...results.map((r) => r.ms));
    const won = results.filter((r) => r.status === 200).length;
    const taken = results.filter((r) => r.status === 409 && (r.json as { code?: string }).code === 'needs.already_taken').length;
    winners += won;
    // exactly one winner, and every other grabber told it is taken (never a 500)
    if (won !== 1 || won + taken !== results.length) oneWinnerEachRound = false;
    const [row] = await queryRows<{ filled: number; slots: number; live: number }>(
      database.db,
      sql`SELECT filled, slots, (SELECT count(*)::int FROM need_assignments a WHERE a.need_id = n.id AND a.status <> 'released') AS live FROM needs n WHERE n.id = ${id}`,
    );
    if (!row || row.filled !== 1 || row.live !== 1) oneWinnerEachRound = false;
  }
  await b.app.close();
  console.log(`\n== ${label} ==`);
  console.log(`  sustained transitions: ${tps.toFixed(0)}/s  (${CLIENTS} clients, ${SECONDS} s, ${transitions} transitions, ${failures} refused)`);
  console.log(`  grab, 50 concurrent, distinct orders: p50 ${pct(distinct, 50).toFixed(0)} ms  p99 ${pct(distinct, 99).toFixed(0)} ms  (n=${distinct.length}, ${distinctWon} won)`);
  console.log(`  grab, 50 concurrent, one 1-slot order: p50 ${pct(hot, 50).toFixed(0)} ms  p99 ${pct(hot, 99).toFixed(0)} ms  (winners ${winners}/5 rounds; exactly one winner, the rest "taken", one live slot: ${oneWinnerEachRound ? 'yes' : 'NO'})`);
  if (!oneWinnerEachRound || distinctWon !== distinct.length) process.exitCode = 1;
}

async function onPostgres(adminUrl: string) {
  await withThrowawayDatabase(adminUrl, 60, async (database, url) => {
    await run('PostgreSQL', database);
    pgbench(url.toString(), SECONDS);
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
