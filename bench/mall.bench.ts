/**
 * Points-mall redemptions through the real HTTP API: `BENCH_DATABASE_URL=postgresql://… npm run bench:mall`
 * (PostgreSQL; pgbench TPC-B on the same server beside it as the ceiling). Without the URL it runs on
 * PGlite only, for a smoke figure.
 *  1. spread: 100 concurrent clients each loop redeem one of 20 items (each request its own key):
 *     redemptions/s with p50/p99 — one transaction each: the redemption row, the per-person counter,
 *     the ledger posting (volunteer.points −, provider.held + on a shard), the stock, the expiry job;
 *  2. hot: the same 100 clients all on one item (every redemption queues on its stock row).
 * Loopback only, bounded in time.
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
import { migrateDatabase, openDatabase, type Database } from '../server/src/platform/db/client.js';
import { shanghaiDay } from '../server/src/platform/clock/clock.js';
import { addVolunteers, PASSWORD, seedFixture } from '../server/src/test/fixtures.js';
import { pgbench } from './pgbench.js';
import { withThrowawayDatabase } from './throwaway-db.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100);
const ITEMS = 20;

type Client = { cookie: string };

async function setUp(database: Database) {
  await migrateDatabase(database);
  const config = { ...loadConfig({}), dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lx-bench-files-')), seedDemo: false, writeLimitPerMinute: 10_000_000, ipWriteLimitPerMinute: 10_000_000, loginLimitPerMinute: 10_000_000 };
  const fieldCrypto = createFieldCrypto(crypto.randomBytes(32));
  const fx = await seedFixture(database.db, fieldCrypto);
  const app = await buildApp({ db: database.db, database, crypto: fieldCrypto, config, clock: systemClock });
  const districtId = fx.region.D!.districtId;
  await app.services.provisioning.provision(districtId);
  await app.listen({ port: 0, host: '127.0.0.1', backlog: 2048 });
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
  const volunteers = await addVolunteers(database.db, fx.region.B1!, CLIENTS, '1378');
  const clients: Client[] = [];
  for (const v of volunteers) clients.push(await login(v.phone));
  // points enough for every redemption of the run, through the real ledger
  const community = fx.region.C1!.id;
  await database.db.transaction(async (tx) => {
    for (const v of volunteers)
      await app.services.ledger.post(tx, districtId, {
        key: `bench-credit:${v.id}`,
        kind: 'earn',
        source: 'manual',
        effectiveOn: shanghaiDay(new Date()),
        lines: [
          { kind: 'community.points', ownerId: community, amount: -100_000_000, communityId: community },
          { kind: 'volunteer.points', ownerId: v.id, amount: 100_000_000, communityId: community },
        ],
      });
  });
  const admin = await login(fx.person.communityAdmin1!.phone);
  const today = shanghaiDay(new Date());
  const later = shanghaiDay(new Date(Date.now() + 30 * 86_400_000));
  const item = async (n: number) =>
    (await call(admin, 'POST', '/api/mall/items', { category: 'goods', name: `压测物品${n}`, price: 1, stock: 1_000_000, perPersonLimit: 1000, validFrom: today, validTo: later, pickupPlace: '社区党群服务中心' })).json.id as string;
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) items.push(await item(i));
  return { app, call, clients, items, hot: await item(ITEMS) };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function load(b: Awaited<ReturnType<typeof setUp>>, pick: (client: number, round: number) => string) {
  const ms: number[] = [];
  let ok = 0;
  let refused = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    b.clients.map(async (c, w) => {
      for (let round = 0; Date.now() < until; round++) {
        const r = await b.call(c, 'POST', `/api/mall/items/${pick(w, round)}/redeem`, { quantity: 1, requestKey: `bench-${crypto.randomUUID()}` });
        ms.push(r.ms);
        if (r.status === 201) ok++;
        else refused++;
      }
    }),
  );
  return `${(ok / SECONDS).toFixed(0)} redemptions/s  p50 ${pct(ms, 50).toFixed(0)} ms  p99 ${pct(ms, 99).toFixed(0)} ms  (${CLIENTS} clients, ${SECONDS} s, ${ok} redeemed, ${refused} refused)`;
}

async function run(label: string, database: Database) {
  const b = await setUp(database);
  const spread = await load(b, (w, round) => b.items[(w + round) % b.items.length]!);
  const hot = await load(b, () => b.hot);
  await b.app.close();
  console.log(`\n== ${label} ==`);
  console.log(`  redeem, ${ITEMS} items: ${spread}`);
  console.log(`  redeem, one item:  ${hot}`);
}

async function main() {
  if (process.env.BENCH_DATABASE_URL) {
    await withThrowawayDatabase(process.env.BENCH_DATABASE_URL, 60, async (database, url) => {
      await run('PostgreSQL', database);
      await pgbench(url.toString(), SECONDS);
    });
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-bench-pglite-'));
  const database = await openDatabase({ pgliteDir: dir });
  await run(`PGlite on disk (${dir}) — set BENCH_DATABASE_URL for PostgreSQL`, database);
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
