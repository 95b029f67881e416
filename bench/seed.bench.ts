/**
 * Seeds the FULL demo district into a fresh on-disk PGlite database (and into PostgreSQL when
 * BENCH_DATABASE_URL is set) and prints the wall time of each step. `npm run bench:seed [-- --scale small]`
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/src/config.js';
import type { DemoScale } from '../server/src/demo/context.js';
import { seedDemoIfEmpty, type SeedReport } from '../server/src/demo/seed.js';
import { createFieldCrypto } from '../server/src/platform/crypto/crypto.js';
import { systemClock } from '../server/src/platform/clock/clock.js';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../server/src/platform/db/client.js';
import { sql } from 'drizzle-orm';
import { withThrowawayDatabase } from './throwaway-db.js';

const scale: DemoScale = process.argv.includes('small') ? 'small' : 'full';

async function seedInto(label: string, database: Database): Promise<void> {
  const t0 = performance.now();
  await migrateDatabase(database);
  const migrateMs = Math.round(performance.now() - t0);
  const deps = { db: database.db, database, crypto: createFieldCrypto(crypto.randomBytes(32)), config: loadConfig({}), clock: systemClock };
  const report = await seedDemoIfEmpty(deps, { scale, log: () => undefined });
  if (!report.seeded) throw new Error(`${label}: nothing seeded (${report.skipped})`);
  const [rows] = await queryRows<{ regions: number; accounts: number; phones: number }>(
    database.db,
    sql`SELECT (SELECT count(*)::int FROM regions) AS regions, (SELECT count(*)::int FROM accounts) AS accounts, (SELECT count(*)::int FROM phone_directory) AS phones`,
  );
  print(label, migrateMs, report, rows!);
}

function print(label: string, migrateMs: number, report: SeedReport, rows: Record<string, number>) {
  console.log(`\n== ${label}: demo scale "${report.scale}" (seed ${report.seed}) ==`);
  console.log(`  ${'migrate'.padEnd(16)}${String(migrateMs).padStart(7)} ms`);
  for (const t of report.timings) console.log(`  ${t.step.padEnd(16)}${String(t.ms).padStart(7)} ms`);
  console.log(`  ${'seed total'.padEnd(16)}${String(report.totalMs).padStart(7)} ms`);
  console.log(`  counts: ${Object.entries(report.counts).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  console.log(`  rows in database: ${Object.entries(rows).map(([k, v]) => `${k}=${v}`).join(' ')}`);
}

async function pglite(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-'));
  try {
    const database = await openDatabase({ pgliteDir: path.join(dir, 'pgdata') });
    await seedInto(`PGlite on disk (${dir})`, database);
    await database.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A throwaway database on the given server, dropped afterwards. */
async function postgres(adminUrl: string): Promise<void> {
  await withThrowawayDatabase(adminUrl, 4, (database, url) => seedInto(`PostgreSQL (${url.host}${url.pathname})`, database));
}

const wall = performance.now();
// `-- --postgres-only` skips the embedded run (profiling the seed's statements on a real server's log)
if (!process.argv.includes('--postgres-only')) await pglite();
if (process.env.BENCH_DATABASE_URL) await postgres(process.env.BENCH_DATABASE_URL);
console.log(`\nwall time ${((performance.now() - wall) / 1000).toFixed(1)} s (node ${process.version}, ${os.cpus().length} CPUs)`);
