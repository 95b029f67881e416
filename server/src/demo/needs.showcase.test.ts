import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { AppInstance } from '../app.types.js';
import { loadConfig } from '../config.js';
import { manualClock } from '../platform/clock/clock.js';
import { createFieldCrypto } from '../platform/crypto/crypto.js';
import type { Database } from '../platform/db/client.js';
import { backends, freshDatabase } from '../test/harness.js';
import { DEMO_PASSWORD, fixedAccounts } from './fixed-accounts.js';
import { seedDemoIfEmpty } from './seed.js';

/*
 * The deadline watch has something to show whenever the demo is seeded. Seeded on Saturday 5 December
 * 2026 at 08:33 in Shanghai, the random orders of the small district had left nothing overdue (2310's
 * general window is two days, and the week's orders were younger): the community admin's overdue
 * filter (and the supervision e2e spec) came up empty. The showcase now holds two orders past their deadline.
 */
describe.each(backends)('the demo seeded on a Saturday morning, on %s', (backend) => {
  let database: Database & { drop(): Promise<void> };
  let app: AppInstance;
  const clock = manualClock('2026-12-05T00:33:00Z');

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

  it('shows the community admin (王秀梅) overdue items in her community', async () => {
    const admin = fixedAccounts.find((a) => a.roles.includes('communityAdmin'))!;
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: admin.phone, password: DEMO_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const res = await app.inject({ url: '/api/needs?view=all&due=overdue&page=1&pageSize=20', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; items: { overdue: boolean; status: string }[] };
    expect(body.total).toBeGreaterThanOrEqual(2);
    expect(body.items.every((n) => n.overdue)).toBe(true);
  });
});
