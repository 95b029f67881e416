import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { AppInstance } from '../app.types.js';
import { loadConfig } from '../config.js';
import { movableClock } from '../platform/clock/clock.js';
import { createFieldCrypto } from '../platform/crypto/crypto.js';
import { queryRows, type Database } from '../platform/db/client.js';
import { backends, freshDatabase } from '../test/harness.js';
import { seedDemoIfEmpty } from './seed.js';

/* The demo's deadline watch: past warnings as the jobs would have left them, future ones as jobs the server fires. */
describe.each(backends)('the demo deadline watch on %s', (backend) => {
  let database: Database & { drop(): Promise<void> };
  let app: AppInstance;
  const clock = movableClock();

  beforeAll(async () => {
    database = await freshDatabase(backend);
    const deps = { db: database.db, database, crypto: createFieldCrypto(crypto.randomBytes(32)), config: { ...loadConfig({}), dataDir: '/nonexistent', seedDemo: false, webDist: '/nonexistent' }, clock };
    await seedDemoIfEmpty(deps, { scale: 'small', log: () => undefined });
    app = await buildApp(deps);
    await app.ready();
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('has fired every passed threshold of the open needs once, each recipient told once', async () => {
    const [c] = await queryRows<{ alerts: number; passed: number; recipients: number; messages: number; overdue: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM deadline_alerts) AS alerts,
                 (SELECT count(*)::int FROM needs n CROSS JOIN (VALUES (50), (80), (100)) th(t)
                   WHERE n.status IN ('accepted','dispatched','pooled','taken','claimed','in_service','reopened','escalated') AND n.paused_at IS NULL
                     AND coalesce(n.window_started_at, n.accepted_at) + (n.deadline_at - coalesce(n.window_started_at, n.accepted_at)) * th.t / 100 <= now()) AS passed,
                 (SELECT coalesce(sum(cardinality(recipients)), 0)::int FROM deadline_alerts) AS recipients,
                 (SELECT count(*)::int FROM inbox_messages WHERE type LIKE 'deadline.%') AS messages,
                 (SELECT count(*)::int FROM deadline_alerts WHERE threshold = 100) AS overdue`,
    );
    expect(c!.alerts).toBe(c!.passed);
    expect(c!.overdue).toBeGreaterThan(0);
    expect(c!.messages).toBe(c!.recipients);
    expect(c!.recipients).toBeGreaterThanOrEqual(c!.alerts);
  });

  it('schedules the thresholds still ahead as jobs the warning handler accepts', async () => {
    const [next] = await queryRows<{ run_at: Date | string; need_id: string; threshold: number }>(
      database.db,
      sql`SELECT run_at, payload->>'needId' AS need_id, (payload->>'threshold')::int AS threshold FROM jobs WHERE name = 'supervision.deadline' AND state = 'waiting' ORDER BY run_at LIMIT 1`,
    );
    expect(next).toBeDefined();
    clock.set(new Date(new Date(next!.run_at).getTime() + 1_000));
    await app.services.jobs.runDue(50);
    // the demo's key and payload match the handler's: the alert fired (a stale window would be skipped silently)
    const fired = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM deadline_alerts WHERE need_id = ${next!.need_id} AND threshold = ${next!.threshold}`);
    expect(fired[0]!.n).toBe(1);
  });
});
