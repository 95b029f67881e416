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
import { isThemedDate, localDate } from './activities.policy.js';

const phoneOf = (role: string) => fixedAccounts.find((a) => a.roles[0] === role)!.phone;

/* The demo district on first start: a year of activities in every community, with sign-ups, check-ins and hours. */
describe.each(backends)('activities in the demo district on %s', (backend) => {
  let database: Database & { drop(): Promise<void> };
  let app: AppInstance;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    const config = { ...loadConfig({}), dataDir: '/nonexistent', seedDemo: false, loginLimitPerMinute: 100_000, writeLimitPerMinute: 100_000, ipWriteLimitPerMinute: 100_000, webDist: '/nonexistent' };
    const deps: PlatformDeps = { db: database.db, database, crypto: createFieldCrypto(crypto.randomBytes(32)), config, clock: manualClock(new Date(Date.now() + 60_000)) };
    await seedDemoIfEmpty(deps, { scale: 'small', log: () => undefined });
    app = await buildApp(deps);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const login = async (phone: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, password: DEMO_PASSWORD } });
    return `lx_session=${res.cookies.find((c) => c.name === 'lx_session')!.value}`;
  };

  it('every community has a year of Saturday routines and themed days on the 15th and 28th, finished behind and open ahead', async () => {
    const rows = await queryRows<{ region_id: string; starts_at: Date; themed: boolean; status: string; signed_count: number; signed: number }>(
      database.db,
      sql`SELECT a.region_id, a.starts_at, a.themed, a.status, a.signed_count,
                 (SELECT count(*)::int FROM activity_signups s WHERE s.district_id = a.district_id AND s.activity_id = a.id AND s.status = 'signed') AS signed
          FROM activities a`,
    );
    const communities = new Set(rows.map((r) => r.region_id));
    expect(communities.size).toBe(4);
    for (const c of communities) {
      const mine = rows.filter((r) => r.region_id === c);
      expect(mine.filter((r) => !r.themed).length).toBeGreaterThanOrEqual(56);
      expect(mine.filter((r) => r.themed).length).toBeGreaterThanOrEqual(24);
      expect(mine.some((r) => r.status === 'published')).toBe(true);
    }
    expect(rows.filter((r) => r.themed).every((r) => isThemedDate(localDate(new Date(r.starts_at))))).toBe(true);
    expect(rows.every((r) => r.signed_count === r.signed && r.signed_count >= 0)).toBe(true);
    expect(rows.filter((r) => new Date(r.starts_at).getTime() > Date.now()).every((r) => r.status === 'published')).toBe(true);
  });

  it('past activities carry check-ins and approved hours; the last fortnight’s wait for the organiser', async () => {
    const [counts] = await queryRows<{ approved: number; pending: number; no_show: number }>(
      database.db,
      sql`SELECT count(*) FILTER (WHERE hours_status = 'approved')::int AS approved, count(*) FILTER (WHERE hours_status = 'pending')::int AS pending, count(*) FILTER (WHERE no_show)::int AS no_show FROM activity_signups`,
    );
    expect(counts!.approved).toBeGreaterThan(1000);
    expect(counts!.pending).toBeGreaterThan(0);
    expect(counts!.no_show).toBeGreaterThan(0);
  });

  it('the demo volunteer finds upcoming activities near them, and the community admin a finished one’s hours queue', async () => {
    const volunteer = await login(phoneOf('volunteer'));
    const near = await app.inject({ url: `/api/activities?status=published&from=${encodeURIComponent(new Date().toISOString())}`, headers: { cookie: volunteer } });
    expect(near.json().total).toBeGreaterThan(0);
    const admin = await login(phoneOf('communityAdmin'));
    const finished = (await app.inject({ url: '/api/activities?status=finished&pageSize=1', headers: { cookie: admin } })).json().items[0] as { id: string; canManage: boolean };
    expect(finished.canManage).toBe(true);
    const hours = await app.inject({ url: `/api/activities/${finished.id}/hours`, headers: { cookie: admin } });
    expect(hours.statusCode).toBe(200);
    expect(hours.json().items.length).toBeGreaterThan(0);
  });
});
