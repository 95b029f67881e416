import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

describe('session lifetime', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { sessionIdleMinutes: 30, sessionMaxHours: 12 });
  });
  afterAll(() => t.close());

  const me = (cookie: string) => t.app.inject({ url: '/api/auth/me', headers: { cookie } });

  it('a fresh login gets a new token each time', async () => {
    expect(await t.login('resident1')).not.toBe(await t.login('resident1'));
  });

  it('ends a session idle for longer than the idle timeout', async () => {
    const cookie = await t.login('gridWorker1');
    await t.database.db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes'`);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('ends a session past its maximum lifetime even when active', async () => {
    const cookie = await t.login('communityAdmin1');
    await t.database.db.execute(sql`UPDATE sessions SET expires_at = now() - interval '1 second'`);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});
