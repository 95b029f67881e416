/**
 * `npm run bench:jobs` (BENCH_DATABASE_URL=postgresql://… required): how many due jobs per second
 * the job engine fires with three server instances (separate processes, `npm start`'s server) on
 * one PostgreSQL — each job a real deadline warning (load the need, find its handlers, write the
 * alert and the inbox messages, mark the job done, one transaction) — beside pgbench TPC-B on the
 * same server in the same run as the ceiling.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/src/config.js';
import { createServices } from '../server/src/services.js';
import { systemClock } from '../server/src/platform/clock/clock.js';
import { createFieldCrypto } from '../server/src/platform/crypto/crypto.js';
import { migrateDatabase, queryRows, type Database } from '../server/src/platform/db/client.js';
import { seedNeedsInBulk } from '../server/src/test/bulk-needs.js';
import { seedFixture } from '../server/src/test/fixtures.js';
import { WARN_JOB } from '../server/src/modules/supervision/supervision.jobs.js';
import { pgbench } from './pgbench.js';
import { withThrowawayDatabase } from './throwaway-db.js';

const NEEDS = Number(process.env.BENCH_NEEDS ?? 3_000);
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const SECRET = crypto.randomBytes(24).toString('hex');
const repoRoot = path.resolve(import.meta.dirname, '..');

async function prepare(database: Database): Promise<number> {
  await migrateDatabase(database);
  const deps = { db: database.db, database, crypto: createFieldCrypto(Buffer.from(SECRET, 'utf8')), config: loadConfig({}), clock: systemClock };
  const fx = await seedFixture(database.db, deps.crypto);
  const services = createServices(deps);
  const districtId = fx.region.D!.districtId;
  await services.provisioning.provision(districtId);
  await seedNeedsInBulk(database.db, fx, NEEDS);
  // every need in handling, its window over: three warnings each are due at once
  await database.db.execute(sql`UPDATE needs SET status = 'dispatched', team_id = ${fx.team.T1!.id}, accepted_at = now() - interval '3 days', deadline_at = now() - interval '1 day' WHERE district_id = ${districtId}`);
  const needs = await queryRows<{ id: string; deadline_at: string | Date }>(database.db, sql`SELECT id, deadline_at FROM needs WHERE district_id = ${districtId}`);
  await database.db.transaction(async (tx) => {
    for (const n of needs) {
      const window = new Date(n.deadline_at).toISOString();
      for (const threshold of [50, 80, 100]) {
        await services.jobs.schedule(tx, districtId, { name: WARN_JOB, key: `${n.id}:${window}:${threshold}`, runAt: new Date(Date.now() - 60_000), payload: { needId: n.id, deadlineAt: window, threshold } });
      }
    }
  });
  return needs.length * 3;
}

function startInstance(url: string, port: number): ChildProcess {
  const { DATABASE_URL: _u, ...inherited } = process.env;
  return spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['server/src/server.ts'], {
    cwd: repoRoot,
    env: { ...inherited, DATABASE_URL: url, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'lx-bench-jobs-')), PORT: String(port), HOST: '127.0.0.1', LIANXIN_DEMO: 'off', LOG_LEVEL: 'silent', LIANXIN_SECRET_KEY: SECRET },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
}

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) throw new Error('set BENCH_DATABASE_URL=postgresql://… (the engine across instances needs a PostgreSQL server)');
  await withThrowawayDatabase(adminUrl, 8, async (database, url) => {
    const due = await prepare(database);
    console.log(`job engine: ${due} due deadline warnings, ${INSTANCES} server instances on PostgreSQL`);
    const started = Date.now();
    const children = Array.from({ length: INSTANCES }, (_, i) => startInstance(url.toString(), 41_000 + i));
    try {
      let fired = 0;
      while (fired < due && Date.now() - started < 300_000) {
        await new Promise((r) => setTimeout(r, 500));
        fired = (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM jobs WHERE name = ${WARN_JOB} AND state = 'done'`))[0]!.n;
      }
      const [span] = await queryRows<{ first: string; last: string; alerts: number; messages: number }>(
        database.db,
        sql`SELECT min(finished_at)::text AS first, max(finished_at)::text AS last, (SELECT count(*)::int FROM deadline_alerts) AS alerts, (SELECT count(*)::int FROM inbox_messages) AS messages FROM jobs WHERE name = ${WARN_JOB}`,
      );
      const seconds = (new Date(span!.last).getTime() - new Date(span!.first).getTime()) / 1000;
      console.log(`  fired ${fired} jobs (${span!.alerts} alerts, ${span!.messages} inbox messages) in ${seconds.toFixed(1)} s from the first to the last: ${(fired / seconds).toFixed(0)} jobs/s`);
      console.log(`  (wall time including ${INSTANCES} server starts: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } finally {
      for (const c of children) c.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 2_000));
    }
    await pgbench(url.toString(), SECONDS);
  });
}

await main();
