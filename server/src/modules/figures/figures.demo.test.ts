import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { AppInstance } from '../../app.types.js';
import { loadConfig } from '../../config.js';
import { DEMO_PASSWORD, fixedAccounts } from '../../demo/fixed-accounts.js';
import { seedDemoIfEmpty } from '../../demo/seed.js';
import { manualClock } from '../../platform/clock/clock.js';
import { createFieldCrypto } from '../../platform/crypto/crypto.js';
import { queryRows, type Database } from '../../platform/db/client.js';
import type { PlatformDeps } from '../../platform/deps.js';
import { backends, freshDatabase } from '../../test/harness.js';

/*
 * The issue's test: the on-time rate, the satisfaction rate and the overdue count the figures page
 * shows equal direct counts over the demo district, written here in plain SQL without the module's
 * query — for the whole district (the district admin) and for a street (its admin).
 */

const DAY = 86_400_000;
const shanghaiDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const phoneOf = (role: string) => fixedAccounts.find((a) => a.roles[0] === role)!.phone;

type Summary = { totals: Record<string, number | null>; groups: { name: string | null; onTime: number; withDeadline: number; overdue: number }[] };

describe.each(backends)('figures over the demo district on %s', (backend) => {
  let database: Database & { drop(): Promise<void> };
  let app: AppInstance;
  let districtId: string;
  // the demo tells its stories up to the wall clock; the figures read this fixed "now" a little later
  const now = Date.now() + 60_000;
  // the last 366 Shanghai days up to today: nearly all of the demo's year
  const from = shanghaiDay(now - 365 * DAY);
  const to = shanghaiDay(now);
  const start = new Date(`${from}T00:00:00+08:00`).toISOString();
  const end = new Date(Date.parse(`${to}T00:00:00+08:00`) + DAY).toISOString();

  beforeAll(async () => {
    database = await freshDatabase(backend);
    const config = { ...loadConfig({}), dataDir: '/nonexistent', seedDemo: false, loginLimitPerMinute: 100_000, writeLimitPerMinute: 100_000, ipWriteLimitPerMinute: 100_000, webDist: '/nonexistent' };
    const deps: PlatformDeps = { db: database.db, database, crypto: createFieldCrypto(crypto.randomBytes(32)), config, clock: manualClock(new Date(now)) };
    await seedDemoIfEmpty(deps, { scale: 'small', log: () => undefined });
    app = await buildApp(deps);
    await app.ready();
    [{ districtId }] = (await queryRows<{ districtId: string }>(database.db, sql`SELECT id AS "districtId" FROM regions WHERE parent_id IS NULL`)) as [{ districtId: string }];
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function summaryAs(role: string, groupBy: string): Promise<Summary> {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: phoneOf(role), password: DEMO_PASSWORD } });
    const cookie = `lx_session=${login.cookies.find((c) => c.name === 'lx_session')!.value}`;
    const res = await app.inject({ url: `/api/figures/summary?from=${from}&to=${to}&groupBy=${groupBy}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Summary;
  }

  /** The three figures counted directly, over the needs whose place lies under `path`. */
  async function direct(path: string) {
    const under = (col = sql`region_id`) => sql`${col} IN (SELECT id FROM regions WHERE path LIKE ${`${path}%`})`;
    const [done] = await queryRows<{ on_time: number; with_deadline: number }>(database.db, sql`
      SELECT count(*) FILTER (WHERE completed_at <= deadline_at)::int AS on_time, count(*)::int AS with_deadline
      FROM needs WHERE district_id = ${districtId} AND ${under()} AND deadline_at IS NOT NULL AND completed_at >= ${start} AND completed_at < ${end}`);
    const [rated] = await queryRows<{ good: number; all: number }>(database.db, sql`
      SELECT count(*) FILTER (WHERE (e.data->>'rating')::int IN (4, 5))::int AS good, count(*)::int AS all
      FROM need_events e JOIN needs n ON n.district_id = e.district_id AND n.id = e.need_id
      WHERE e.district_id = ${districtId} AND ${under(sql`n.region_id`)} AND e.action = 'rate' AND e.at >= ${start} AND e.at < ${end}`);
    const [late] = await queryRows<{ n: number }>(database.db, sql`
      SELECT count(*)::int AS n FROM needs
      WHERE district_id = ${districtId} AND ${under()} AND deadline_at < ${new Date(now).toISOString()} AND paused_at IS NULL
        AND status NOT IN ('completed', 'rated', 'closed', 'cancelled', 'rejected', 'merged')`);
    return { onTimeRate: done!.on_time / done!.with_deadline, satisfactionRate: rated!.good / rated!.all, overdue: late!.n, withDeadline: done!.with_deadline, rated: rated!.all };
  }

  it('shows the district’s on-time rate, satisfaction rate and overdue count as counted directly', async () => {
    const s = await summaryAs('districtAdmin', 'community');
    const [root] = await queryRows<{ path: string }>(database.db, sql`SELECT path FROM regions WHERE id = ${districtId}`);
    const d = await direct(root!.path);
    // the demo is alive: something was done on time and late, rated well and badly, and is overdue now
    expect(d.withDeadline).toBeGreaterThan(50);
    expect(d.onTimeRate).toBeGreaterThan(0);
    expect(d.onTimeRate).toBeLessThan(1);
    expect(d.rated).toBeGreaterThan(50);
    expect(d.satisfactionRate).toBeLessThan(1);
    expect(d.overdue).toBeGreaterThan(0);
    expect(s.totals.onTimeRate).toBeCloseTo(d.onTimeRate, 12);
    expect(s.totals.satisfactionRate).toBeCloseTo(d.satisfactionRate, 12);
    expect(s.totals.overdue).toBe(d.overdue);
    // the communities share the district out: each need in exactly one
    expect(s.groups.reduce((n, g) => n + g.overdue, 0)).toBe(d.overdue);
    expect(s.groups.reduce((n, g) => n + g.withDeadline, 0)).toBe(d.withDeadline);
  });

  it('shows a street admin the same figures for their street alone', async () => {
    const s = await summaryAs('streetAdmin', 'grid');
    const street = fixedAccounts.find((a) => a.roles[0] === 'streetAdmin')!;
    const [node] = await queryRows<{ path: string }>(database.db, sql`SELECT r.path FROM accounts a JOIN regions r ON r.id = a.region_id WHERE a.phone = ${street.phone}`);
    const d = await direct(node!.path);
    expect(d.withDeadline).toBeGreaterThan(0);
    expect(s.totals.onTimeRate).toBeCloseTo(d.onTimeRate, 12);
    expect(s.totals.satisfactionRate).toBeCloseTo(d.satisfactionRate, 12);
    expect(s.totals.overdue).toBe(d.overdue);
  });
});
