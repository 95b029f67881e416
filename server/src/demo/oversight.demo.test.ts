import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { AppInstance } from '../app.types.js';
import { loadConfig } from '../config.js';
import { systemClock } from '../platform/clock/clock.js';
import { createFieldCrypto } from '../platform/crypto/crypto.js';
import { queryRows } from '../platform/db/client.js';
import { backends, freshDatabase } from '../test/harness.js';
import { DEMO_PASSWORD } from './fixed-accounts.js';
import { seedDemoIfEmpty } from './seed.js';

/* The demo's oversight: requests waiting for the fixed approvers, paused clocks, 督办 and 回访, all consistent with the timelines. */
describe.each(backends)('demo oversight (small) on %s', (backend) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let app: AppInstance;
  const login = async (phone: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, password: DEMO_PASSWORD } });
    return `lx_session=${res.cookies.find((c) => c.name === 'lx_session')!.value}`;
  };

  beforeAll(async () => {
    database = await freshDatabase(backend);
    const config = { ...loadConfig({}), dataDir: '/nonexistent', seedDemo: false, loginLimitPerMinute: 100_000, writeLimitPerMinute: 100_000, ipWriteLimitPerMinute: 100_000, webDist: '/nonexistent' };
    const deps = { db: database.db, database, crypto: createFieldCrypto(crypto.randomBytes(32)), config, clock: systemClock };
    await seedDemoIfEmpty(deps, { scale: 'small', log: () => undefined });
    app = await buildApp(deps);
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it("gives the fixed leader's team the walk-through's running pause, on a task the fixed volunteer does not hold, and a pending extension", async () => {
    // e2e/oversight.spec.ts signs in as the leader and looks for both; e2e/supervision.spec.ts reads the
    // volunteer's countdowns, which a paused clock would hide (by need id alone, another team took the pause on some days)
    const [team] = await queryRows<{ paused: number; paused_held: number; asked: number }>(database.db, sql`
      SELECT count(*) FILTER (WHERE n.paused_at IS NOT NULL)::int AS paused,
             count(*) FILTER (WHERE n.paused_at IS NOT NULL AND EXISTS (SELECT 1 FROM need_assignments x JOIN accounts v ON v.id = x.volunteer_id WHERE x.need_id = n.id AND v.phone = '13800000005'))::int AS paused_held,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM deadline_changes c WHERE c.need_id = n.id AND c.kind = 'extension' AND c.state = 'requested'))::int AS asked
      FROM needs n JOIN teams t ON t.district_id = n.district_id AND t.id = n.team_id JOIN accounts l ON l.id = t.leader_id WHERE l.phone = '13800000004'`);
    expect(team).toEqual({ paused: 1, paused_held: 0, asked: 1 });
  });

  it('has requests waiting, pauses running, supervision and callbacks', async () => {
    const states = await queryRows<{ state: string; n: number }>(database.db, sql`SELECT state, count(*)::int AS n FROM deadline_changes GROUP BY state`);
    expect(Object.fromEntries(states.map((s) => [s.state, s.n])).requested).toBeGreaterThanOrEqual(2);
    const [kinds] = await queryRows<{ supervise: number; callback: number }>(database.db, sql`
      SELECT (count(*) FILTER (WHERE kind <> 'satisfactionCallback'))::int AS supervise, (count(*) FILTER (WHERE kind = 'satisfactionCallback'))::int AS callback FROM supervision_records`);
    expect(kinds!.supervise).toBeGreaterThan(0);
    expect(kinds!.callback).toBeGreaterThan(0);
  });

  it('keeps every timeline whole: one event per version, and a paused need exactly when its pause is approved', async () => {
    const broken = await queryRows<{ id: string }>(database.db, sql`
      SELECT n.id FROM needs n LEFT JOIN need_events e ON e.district_id = n.district_id AND e.need_id = n.id
      GROUP BY n.id, n.version HAVING count(e.seq) <> n.version OR max(e.seq) <> n.version`);
    expect(broken).toEqual([]);
    const paused = await queryRows<{ id: string; running: boolean }>(database.db, sql`
      SELECT n.id, (c.id IS NOT NULL) AS running FROM needs n
      LEFT JOIN deadline_changes c ON c.district_id = n.district_id AND c.need_id = n.id AND c.kind = 'pause' AND c.state = 'approved'
      WHERE n.paused_at IS NOT NULL OR c.id IS NOT NULL`);
    expect(paused.every((p) => p.running)).toBe(true);
    const jobs = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM jobs WHERE name = 'oversight.resume' AND state = 'waiting'`);
    expect(jobs[0]!.n).toBe(paused.length);
  });

  it('the fixed community admin finds a request to decide, and deciding it works on the demo’s data', async () => {
    const admin = await login('13800000002');
    const pending = (await app.inject({ url: '/api/oversight/deadline-changes', headers: { cookie: admin } })).json();
    expect(pending.total).toBeGreaterThanOrEqual(1);
    const first = pending.items[0];
    expect(first).toMatchObject({ state: 'requested', requestedRole: 'teamLeader', canDecide: true });
    const approved = await app.inject({ method: 'POST', url: `/api/oversight/deadline-changes/${first.id}/approve`, headers: { cookie: admin }, payload: { note: '同意' } });
    expect(approved.statusCode, approved.body).toBe(200);
    const street = await login('13800000001');
    expect((await app.inject({ url: '/api/oversight/deadline-changes', headers: { cookie: street } })).json().total).toBeGreaterThanOrEqual(1);
  });
});
