import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createServices } from '../../services.js';
import { systemClock } from '../../platform/clock/clock.js';
import { createFieldCrypto } from '../../platform/crypto/crypto.js';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../../platform/db/client.js';
import { seedNeedsInBulk } from '../../test/bulk-needs.js';
import { PASSWORD, seedFixture } from '../../test/fixtures.js';
import { backends, freshDatabase } from '../../test/harness.js';

/*
 * The exactly-once test: deadlines falling due within a minute, watched by server processes
 * on one database; on PostgreSQL three instances, one killed with SIGKILL midway and restarted; on
 * PGlite one instance, stopped midway and restarted. Afterwards every warning and reminder exists
 * exactly once (the primary keys would refuse a second) and none is missing.
 */
const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const SECRET = 'exactly-once-test-secret-key-0123456789';
const NEEDS = 1_000;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

type Instance = { child: ChildProcess; base: string };

/** One server process as production runs it (from source here: server tests build nothing). */
async function startInstance(env: Record<string, string>): Promise<Instance> {
  const { DATABASE_URL: _u, ...inherited } = process.env;
  const port = await freePort();
  // node itself with tsx's loader, not the tsx wrapper: SIGKILL must reach the server (a killed
  // wrapper leaves its node child running, still connected and still firing warnings)
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    cwd: repoRoot,
    env: { ...inherited, ...env, PORT: String(port), HOST: '127.0.0.1', LIANXIN_DEMO: 'off', LOG_LEVEL: 'silent', LIANXIN_SECRET_KEY: SECRET },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/** Warning jobs done, as the district admin's job queue page counts them (PGlite: the server holds the folder). */
async function doneThroughApi(instance: Instance): Promise<number> {
  try {
    const login = await fetch(`${instance.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '13900000001', password: PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const res = await fetch(`${instance.base}/api/jobs?state=done&name=supervision.deadline&pageSize=1`, { headers: { cookie } });
    return res.ok ? ((await res.json()) as { total: number }).total : 0;
  } catch {
    return 0; // still starting
  }
}

const stop = ({ child }: Instance, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

/** 1,000 needs being handled whose deadlines fall due over the next minute, with their acceptance events. */
async function prepare(database: Database, count: number) {
  const deps = { db: database.db, database, crypto: createFieldCrypto(Buffer.from(SECRET, 'utf8')), config: loadConfig({}), clock: systemClock };
  const fx = await seedFixture(database.db, deps.crypto);
  const services = createServices(deps);
  for (const key of ['D', 'X']) await services.provisioning.provision(fx.region[key]!.districtId);
  await seedNeedsInBulk(database.db, fx, count);
  const districtId = fx.region.D!.districtId;
  // spread over 40 s from 15 s from now: the 50 % and 80 % warnings are due at once, the reminders during the run
  await database.db.execute(sql`
    WITH n AS (SELECT id, row_number() OVER (ORDER BY id) AS i FROM needs WHERE district_id = ${districtId})
    UPDATE needs SET status = 'dispatched', team_id = ${fx.team.T1!.id},
      deadline_at = now() + interval '15 seconds' + (n.i * interval '40 seconds' / ${count}),
      accepted_at = now() + interval '15 seconds' + (n.i * interval '40 seconds' / ${count}) - interval '2 days'
    FROM n WHERE needs.district_id = ${districtId} AND needs.id = n.id`);
  const ids = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM needs WHERE district_id = ${districtId}`);
  await database.db.transaction(async (tx) => {
    for (const { id } of ids) await services.events.publish(tx, districtId, { type: 'needs.accept', subjectType: 'need', subjectId: id, actorId: null });
  });
  return ids.length;
}

async function waitFor(check: () => Promise<boolean>, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

const alertCount = async (db: Database['db']) => (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM deadline_alerts`))[0]!.n;

describe.each(backends)('deadline warnings across server processes on %s', (backend) => {
  it('fire exactly once each, none missing, through a kill and a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-once-'));
    let database: Database & { drop?: () => Promise<void> };
    let env: Record<string, string>;
    if (backend === 'postgres') {
      database = await freshDatabase('postgres');
      env = { DATABASE_URL: (database as { url?: string }).url!, DATA_DIR: dataDir };
    } else {
      database = await openDatabase({ pgliteDir: path.join(dataDir, 'pgdata') });
      await migrateDatabase(database);
      env = { DATA_DIR: dataDir };
    }
    const count = await prepare(database, NEEDS);
    const expected = count * 3;
    if (backend === 'pglite') await database.close(); // the instance opens the folder itself

    const instances = backend === 'postgres' ? await Promise.all([0, 1, 2].map(() => startInstance(env))) : [await startInstance(env)];
    // warnings fired so far: read from the database, or (PGlite, held by the server) through the API
    const fired = () => (backend === 'postgres' ? alertCount(database.db) : doneThroughApi(instances[0]!));
    // midway: some warnings fired, not all
    await waitFor(async () => (await fired()) > expected / 4, 90_000);
    await stop(instances[0]!, backend === 'postgres' ? 'SIGKILL' : 'SIGTERM');
    instances[0] = await startInstance(env);
    await waitFor(async () => (await fired()) >= expected, 150_000);
    await Promise.all(instances.map((c) => stop(c, 'SIGTERM')));

    const check = backend === 'postgres' ? database : await openDatabase({ pgliteDir: path.join(dataDir, 'pgdata') });
    const perThreshold = await queryRows<{ threshold: number; n: number; needs: number }>(
      check.db,
      sql`SELECT threshold, count(*)::int AS n, count(DISTINCT need_id)::int AS needs FROM deadline_alerts GROUP BY threshold ORDER BY threshold`,
    );
    expect(perThreshold).toEqual([50, 80, 100].map((threshold) => ({ threshold, n: count, needs: count })));
    // every recipient of every alert has its message once
    const [told] = await queryRows<{ recipients: number; messages: number; keys: number }>(
      check.db,
      sql`SELECT (SELECT coalesce(sum(cardinality(recipients)), 0)::int FROM deadline_alerts) AS recipients,
                 (SELECT count(*)::int FROM inbox_messages WHERE type LIKE 'deadline.%') AS messages,
                 (SELECT count(DISTINCT (account_id, source_key))::int FROM inbox_messages WHERE type LIKE 'deadline.%') AS keys`,
    );
    expect(told!.recipients).toBeGreaterThanOrEqual(expected);
    expect(told!.messages).toBe(told!.recipients);
    expect(told!.keys).toBe(told!.messages);
    const [left] = await queryRows<{ n: number }>(check.db, sql`SELECT count(*)::int AS n FROM jobs WHERE name = 'supervision.deadline' AND state <> 'done'`);
    expect(left!.n).toBe(0);
    await (database.drop ? database.drop() : check.close());
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 400_000);
});
