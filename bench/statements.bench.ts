/**
 * SQL statements per request on the order chain's hot paths, on PostgreSQL (BENCH_DATABASE_URL):
 * `npx tsx bench/statements.bench.ts` (BENCH_VERBOSE=1 prints each statement). Counts every query the
 * pg driver sends, BEGIN and COMMIT included, for one warm request of each kind.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { createFieldCrypto } from '../server/src/platform/crypto/crypto.js';
import { systemClock } from '../server/src/platform/clock/clock.js';
import { migrateDatabase } from '../server/src/platform/db/client.js';
import { addVolunteers, PASSWORD, seedFixture } from '../server/src/test/fixtures.js';
import { withThrowawayDatabase } from './throwaway-db.js';

const log: string[] = [];
const original = pg.Client.prototype.query;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
(pg.Client.prototype as any).query = function (this: pg.Client, ...args: any[]) {
  const q = args[0] as string | { text: string };
  log.push(typeof q === 'string' ? q : q.text);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (original as any).apply(this, args);
};

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) throw new Error('set BENCH_DATABASE_URL');
  await withThrowawayDatabase(adminUrl, 10, async (database) => {
    await migrateDatabase(database);
    const config = { ...loadConfig({}), dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lx-bench-files-')), seedDemo: false, rateStore: 'memory' as const, writeLimitPerMinute: 1e7, ipWriteLimitPerMinute: 1e7, loginLimitPerMinute: 1e7 };
    const fieldCrypto = createFieldCrypto(crypto.randomBytes(32));
    const fx = await seedFixture(database.db, fieldCrypto);
    const app = await buildApp({ db: database.db, database, crypto: fieldCrypto, config, clock: systemClock });
    await app.services.categories.ensureDefaults(database.db, fx.region.D!.districtId);
    const login = async (phone: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, password: PASSWORD } });
      return (res.headers['set-cookie'] as string | string[] | undefined ? [res.headers['set-cookie']].flat()[0]! : '').split(';')[0]!;
    };
    const [v] = await addVolunteers(database.db, fx.region.B1!, 1, '1377');
    const admin = await login(fx.person.communityAdmin1!.phone);
    const resident = await login(fx.person.resident1!.phone);
    const vol = await login(v!.phone);
    const call = async (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) => {
      const res = await app.inject({ method, url, headers: { cookie }, payload });
      return res.json() as Record<string, unknown>;
    };
    const cats = (await call(admin, 'GET', '/api/need-categories')) as unknown as { id: string; code: string }[];
    const categoryId = cats.find((c) => c.code === 'elderly.haircut')!.id;
    const body = { kind: 'serviceRequest', categoryId, title: '上门理发', description: '老人行动不便', regionId: fx.region.B1!.id, slots: 1 };
    const counted = async (label: string, fn: () => Promise<unknown>) => {
      log.length = 0;
      await fn();
      console.log(`  ${label.padEnd(34)} ${String(log.length).padStart(3)} statements`);
      if (process.env.BENCH_VERBOSE) for (const s of log) console.log(`      ${s.replace(/\s+/g, ' ').slice(0, 160)}`);
    };
    // what is kept between requests is kept once this instance listens for changes (PostgreSQL): as on a running server
    await Promise.all([app.services.needs.keepingPages(), app.services.categories.keeping(), app.services.regions.keeping()]);
    // warm up once (caches, prepared plans), then count the second chain
    for (let round = 0; round < 2; round++) {
      if (round === 1) console.log('\n== statements per request (PostgreSQL) ==');
      const run = round === 1 ? counted : async (_l: string, fn: () => Promise<unknown>) => void (await fn());
      let id = '';
      await run('POST /api/needs (create)', async () => (id = (await call(resident, 'POST', '/api/needs', body)).id as string));
      await run('POST accept', () => call(admin, 'POST', `/api/needs/${id}/accept`, {}));
      await run('POST pool', () => call(admin, 'POST', `/api/needs/${id}/pool`, {}));
      await run('POST grab', () => call(vol, 'POST', `/api/needs/${id}/grab`, {}));
      await run('POST check-in', () => call(vol, 'POST', `/api/needs/${id}/check-in`, {}));
      await run('GET /api/needs/{id} (admin)', () => call(admin, 'GET', `/api/needs/${id}`));
      await run('GET /api/needs?page=1 (admin)', () => call(admin, 'GET', '/api/needs?page=1&pageSize=20'));
    }
    await app.close();
  });
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
