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

/* The demo district on first start: a few conduct incidents, two suspensions held by them, an appeal waiting for the street. */
describe.each(backends)('conduct in the demo district on %s', (backend) => {
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

  it('the community admin sees the incidents; each suspended volunteer is held by one with its lifting job', async () => {
    const cookie = await login(phoneOf('communityAdmin'));
    const page = (await app.inject({ url: '/api/conduct/incidents?pageSize=50', headers: { cookie } })).json() as { total: number; items: { status: string; suspension: string }[] };
    expect(page.total).toBe(7);
    expect(page.items.filter((i) => i.suspension === 'active')).toHaveLength(2);
    expect(page.items.map((i) => i.status).sort()).toEqual(['annulled', 'appealing', 'recorded', 'recorded', 'recorded', 'recorded', 'recorded']);
    const [held] = await queryRows<{ unheld: number; jobs: number }>(database.db, sql`
      SELECT (SELECT count(*)::int FROM volunteers v WHERE v.status = 'suspended' AND NOT EXISTS (SELECT 1 FROM conduct_incidents i WHERE i.district_id = v.district_id AND i.account_id = v.account_id AND i.suspension = 'active')) AS unheld,
             (SELECT count(*)::int FROM jobs WHERE name = 'conduct.liftSuspension') AS jobs`);
    expect(held).toEqual({ unheld: 0, jobs: 2 });
  });

  it('the street admin has one appeal to decide and decides it', async () => {
    const cookie = await login(phoneOf('streetAdmin'));
    const queue = (await app.inject({ url: '/api/conduct/incidents?decidable=true', headers: { cookie } })).json() as { items: { id: string; canDecide: boolean }[] };
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]!.canDecide).toBe(true);
    const res = await app.inject({ method: 'POST', url: `/api/conduct/incidents/${queue.items[0]!.id}/decide`, headers: { cookie }, payload: { outcome: 'dismissed', reason: '签到照片与现场记录不符' } });
    expect(res.json(), res.body).toMatchObject({ status: 'confirmed' });
  });
});
