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

/* The demo district on first start: whistles on its open major items, units reporting in, parts recorded. */
describe.each(backends)('吹哨报到 in the demo district on %s', (backend) => {
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

  it('the street admin of street 1 finds whistles with units reported in and parts recorded, one closed', async () => {
    const res = await app.inject({ url: '/api/whistles?pageSize=50', headers: { cookie: await login(phoneOf('streetAdmin')) } });
    const items = res.json().items as { state: string; progress: { called: number; reported: number; done: number } }[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.some((w) => w.state === 'closed')).toBe(true);
    expect(items.some((w) => w.state === 'open' && w.progress.done > 0)).toBe(true);
    expect(items.some((w) => w.state === 'open' && w.progress.reported < w.progress.called)).toBe(true);
  });

  it('the partner unit 鑫源超市 sees the whistles it was called to', async () => {
    const res = await app.inject({ url: '/api/whistles?calledToMe=true', headers: { cookie: await login(phoneOf('partner')) } });
    expect(res.json().total).toBeGreaterThanOrEqual(1);
  });

  it('every whistled need’s timeline is whole: steps 1…version, times rising, the state kept', async () => {
    const broken = await queryRows<{ need_id: string }>(database.db, sql`
      SELECT n.id AS need_id FROM needs n JOIN whistles w ON w.district_id = n.district_id AND w.need_id = n.id
      WHERE (SELECT count(*) FROM need_events e WHERE e.district_id = n.district_id AND e.need_id = n.id) <> n.version
         OR (SELECT max(seq) FROM need_events e WHERE e.district_id = n.district_id AND e.need_id = n.id) <> n.version
         OR EXISTS (SELECT 1 FROM need_events a JOIN need_events b ON b.district_id = a.district_id AND b.need_id = a.need_id AND b.seq = a.seq + 1 WHERE a.need_id = n.id AND b.at < a.at)
         OR (SELECT to_status FROM need_events e WHERE e.district_id = n.district_id AND e.need_id = n.id ORDER BY seq DESC LIMIT 1) <> n.status`);
    expect(broken).toEqual([]);
    const [steps] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM need_events WHERE action IN ('whistle', 'callIn', 'reportIn', 'unitPart', 'whistleClose')`);
    expect(steps!.n).toBeGreaterThan(10);
  });
});
