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

const phoneOf = (role: string) => fixedAccounts.find((a) => a.roles[0] === role)!.phone;

/* The demo district on first start: posts in every community, claimed by fitting volunteers, some full. */
describe.each(backends)('posts in the demo district on %s', (backend) => {
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

  it('every community has posts with quotas of 2–20; counters equal the claim rows; some are full; in-service party members hold many places', async () => {
    const counts = (await app.inject({ url: '/api/posts/counts', headers: { cookie: await login(phoneOf('districtAdmin')) } })).json() as { communityId: string; posts: number; quota: number; claimed: number; inServiceClaims: number }[];
    const [communities] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM regions WHERE type = 'community'`);
    expect(counts).toHaveLength(communities!.n);
    expect(counts.every((c) => c.posts > 0)).toBe(true);
    expect(counts.reduce((s, c) => s + c.inServiceClaims, 0)).toBeGreaterThan(0);
    const [facts] = await queryRows<{ bad_quota: number; drift: number; full: number; unfit: number; types: number }>(database.db, sql`
      SELECT count(*) FILTER (WHERE quota NOT BETWEEN 2 AND 20)::int AS bad_quota,
             count(*) FILTER (WHERE claimed <> (SELECT count(*) FROM post_claims c WHERE c.district_id = p.district_id AND c.post_id = p.id))::int AS drift,
             count(*) FILTER (WHERE claimed = quota)::int AS full,
             (SELECT count(*)::int FROM post_claims c JOIN posts q ON q.id = c.post_id JOIN accounts a ON a.id = c.volunteer_id WHERE NOT (q.skills <@ a.skills)) AS unfit,
             count(DISTINCT type_id)::int AS types
      FROM posts p`);
    expect(facts).toMatchObject({ bad_quota: 0, drift: 0, unfit: 0 });
    expect(facts!.full).toBeGreaterThan(0);
    expect(facts!.types).toBeGreaterThan(3);
  });

  it('the demo volunteer finds posts of their community first, marked by fit, and claims one', async () => {
    const cookie = await login(phoneOf('volunteer'));
    const near = (await app.inject({ url: '/api/posts/near?pageSize=100', headers: { cookie } })).json() as { items: { id: string; nearness: string; fits: boolean; free: number; mine: boolean }[] };
    expect(near.items[0]!.nearness).toBe('community');
    expect(near.items.some((p) => p.fits)).toBe(true);
    const target = near.items.find((p) => p.fits && p.free > 0 && !p.mine)!;
    const res = await app.inject({ method: 'POST', url: `/api/posts/${target.id}/claim`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
  });
});
