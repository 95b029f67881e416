import crypto from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.js';
import type { AppInstance } from '../app.types.js';
import { loadConfig } from '../config.js';
import { DEMO_PASSWORD, fixedAccounts } from '../demo/fixed-accounts.js';
import { seedDemoIfEmpty } from '../demo/seed.js';
import { manualClock } from '../platform/clock/clock.js';
import { createFieldCrypto } from '../platform/crypto/crypto.js';
import type { Database } from '../platform/db/client.js';
import type { PlatformDeps } from '../platform/deps.js';
import { freshDatabase, type Backend } from './harness.js';

export type DemoDistrict = {
  readonly app: AppInstance;
  readonly database: Database;
  /** The cookie of a demo account signed in with the demo password. */
  login(phone: string): Promise<string>;
};

/** The phone of the fixed demo account whose first role is `role` (demo/fixed-accounts.ts). */
export const demoPhoneOf = (role: string) => fixedAccounts.find((a) => a.roles[0] === role)!.phone;

/**
 * The small demo district, seeded as on first start, and an app on it, for the suite it is called in:
 * built before its tests, dropped after. Read them through the returned object once the suite runs.
 * `at`: the moment the district is seeded and its app's clock stands at (a minute ahead by default).
 */
export function demoDistrict(backend: Backend, { at }: { at?: string } = {}): DemoDistrict {
  let database: (Database & { drop(): Promise<void> }) | undefined;
  let app: AppInstance | undefined;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    const config = { ...loadConfig({}), dataDir: '/nonexistent', seedDemo: false, loginLimitPerMinute: 100_000, writeLimitPerMinute: 100_000, ipWriteLimitPerMinute: 100_000, webDist: '/nonexistent' };
    const deps: PlatformDeps = { db: database.db, database, crypto: createFieldCrypto(crypto.randomBytes(32)), config, clock: manualClock(at ?? new Date(Date.now() + 60_000)) };
    await seedDemoIfEmpty(deps, { scale: 'small', log: () => undefined });
    app = await buildApp(deps);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the demo district is seeded in beforeAll');
    return value;
  };
  return {
    get app() {
      return ready(app);
    },
    get database() {
      return ready(database);
    },
    async login(phone) {
      const res = await ready(app).inject({ method: 'POST', url: '/api/auth/login', payload: { phone, password: DEMO_PASSWORD } });
      return `lx_session=${res.cookies.find((c) => c.name === 'lx_session')!.value}`;
    },
  };
}
