import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../../app.types.js';
import type { Database } from '../db/client.js';
import { LISTENER_NAME } from '../db/change-listener.js';
import { backends, createTestApp, secondInstance, type TestApp } from '../../test/harness.js';

/*
 * A signed-in caller is kept in memory between requests (session-cache.ts), and any change to who
 * they are is seen by the very next request on this instance, whichever way it was written.
 */
describe.each(backends)('signed-in callers kept between requests, on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t?.close());

  const me = (cookie: string) => t.app.inject({ url: '/api/auth/me', headers: { cookie } });
  /** A statement on a connection of its own (so it tells this instance nothing), as another process would send it. */
  const behindItsBack = async (text: string) => {
    const url = (t.database as Database & { url?: string }).url;
    if (!url) return void (await t.database.pglite!.query(text));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };

  it('answers from memory once signed in: a change nobody signals is not seen', async () => {
    await t.app.services.auth.keepingCallers();
    const cookie = await t.login('gridWorker1');
    expect((await me(cookie)).statusCode).toBe(200);
    // an UPDATE of the sessions table sends no signal (the triggers watch what makes a caller)
    await behindItsBack(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE account_id = '${t.fx.person.gridWorker1!.id}'`);
    expect((await me(cookie)).statusCode).toBe(200);
    // any change this instance commits to what callers are made of lets go of what it kept
    await t.database.db.execute(sql`UPDATE accounts SET roles = roles || '{}'::text[], name = name || '' WHERE id = ${t.fx.person.resident1!.id}`);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

/*
 * What the caller is made of — roles (so permissions), place (so scope), status, the session — as the
 * next request sees it after a change, including on the embedded database's thread as `npm start`
 * runs it (each connection watches its own writes, platform/db/writes.ts).
 */
describe.each([...backends, 'pglite-worker' as const])('a changed caller, at the next request on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    await t.app.services.auth.keepingCallers();
  });
  afterAll(() => t?.close());

  const me = (cookie: string) => t.app.inject({ url: '/api/auth/me', headers: { cookie } });

  it('sees a role and a place written on their own (outside a transaction)', async () => {
    const cookie = await t.login('resident1');
    const before = (await me(cookie)).json();
    expect(before.permissions).not.toContain('pii.revealPhone');
    await t.database.db.execute(sql`UPDATE accounts SET roles = array_append(roles, 'gridWorker') WHERE id = ${t.fx.person.resident1!.id}`);
    expect((await me(cookie)).json().permissions).toContain('pii.revealPhone');
    const elsewhere = t.fx.region.C2!.id;
    expect(before.scope.regionId).not.toBe(elsewhere);
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE accounts SET region_id = ${elsewhere} WHERE id = ${t.fx.person.resident1!.id}`);
    });
    expect((await me(cookie)).json().scope.regionId).toBe(elsewhere);
  });

  it('ends a session at once on logout, and a disabled account at once', async () => {
    const cookie = await t.login('volunteer1');
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    const victim = await t.login('gridWorker1');
    expect((await me(victim)).statusCode).toBe(200);
    const admin = await t.login('communityAdmin1');
    const off = await t.app.inject({ method: 'POST', url: `/api/accounts/${t.fx.person.gridWorker1!.id}/status`, headers: { cookie: admin }, payload: { status: 'disabled' } });
    expect(off.statusCode).toBe(200);
    expect((await me(victim)).statusCode).toBe(401);
  });
});

/*
 * Two instances, each with its own connections to one PostgreSQL database, as two machines: a change
 * made through one reaches the other by the database's notification (migration 0031).
 */
describe.runIf(backends.includes('postgres'))('signed-in callers on two instances of one PostgreSQL database', () => {
  let t: TestApp;
  let second: Awaited<ReturnType<typeof secondInstance>>;
  let other: AppInstance;
  beforeAll(async () => {
    t = await createTestApp('postgres');
    second = await secondInstance(t);
    other = second.app;
    await other.services.auth.keepingCallers();
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  const me = (app: AppInstance, cookie: string) => app.inject({ url: '/api/auth/me', headers: { cookie } });
  /** The other instance hears of the change within moments: asks until it answers `status` (2 s at most). */
  async function otherSees(cookie: string, status: number, check: (body: { permissions: string[] }) => boolean = () => true) {
    const until = Date.now() + 2000;
    for (;;) {
      const res = await me(other, cookie);
      if (res.statusCode === status && (status !== 200 || check(res.json()))) return true;
      if (Date.now() > until) return false;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('a logout on one instance ends the session on the other', async () => {
    const cookie = await t.login('volunteer1');
    expect((await me(other, cookie)).statusCode).toBe(200);
    expect((await me(other, cookie)).statusCode).toBe(200); // now kept by the other instance
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(200);
    expect(await otherSees(cookie, 401)).toBe(true);
  });

  it('a role given on one instance is the caller’s on the other', async () => {
    const cookie = await t.login('resident1');
    // permissions come from the caller the other instance keeps (the account's view is read afresh)
    expect((await me(other, cookie)).json().permissions).not.toContain('pii.revealPhone');
    expect((await me(other, cookie)).json().permissions).not.toContain('pii.revealPhone');
    const admin = await t.login('communityAdmin1');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/accounts/${t.fx.person.resident1!.id}`, headers: { cookie: admin }, payload: { roles: ['resident', 'gridWorker'] } });
    expect(res.statusCode).toBe(200);
    expect(await otherSees(cookie, 200, (body) => body.permissions.includes('pii.revealPhone'))).toBe(true);
  });

  it('keeps nothing while it cannot listen, and listens again', async () => {
    const cookie = await t.login('gridWorker1');
    expect((await me(other, cookie)).statusCode).toBe(200);
    // the instances' listening connections are cut (a restart of PostgreSQL, an admin's kill)
    await t.database.pool!.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '${LISTENER_NAME}' AND datname = current_database()`);
    // a change it could not hear of is still seen (nothing is kept while it does not listen): a
    // session ended behind everyone's back, which only a read of the database can tell
    await t.database.pool!.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE account_id = '${t.fx.person.gridWorker1!.id}'`);
    expect(await otherSees(cookie, 401)).toBe(true);
    // and it listens again (within a second): it keeps callers again, and hears a logout made elsewhere
    await other.services.auth.keepingCallers();
    const again = await t.login('volunteer1');
    expect((await me(other, again)).statusCode).toBe(200);
    expect((await me(other, again)).statusCode).toBe(200);
    await t.database.pool!.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE account_id = '${t.fx.person.volunteer1!.id}'`);
    expect((await me(other, again)).statusCode).toBe(200); // kept: no signal was sent
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: again } });
    expect(await otherSees(again, 401)).toBe(true);
  });
});
