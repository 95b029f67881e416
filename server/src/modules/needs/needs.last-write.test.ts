import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, categoryId, postNeed } from '../../test/needs-helpers.js';
import { systemActor } from '../../platform/auth/actor.js';
import { updateAndLog } from './needs.events.js';

/*
 * A transition's combined write (the need, its timeline row, its audit line and domain event) is its
 * transaction's last statement and goes out with the COMMIT (sendLast). Should it fail, nothing of the
 * transition may be left: its COMMIT rolls back, the caller hears of the failure, the need is as it was.
 */
describe.each(backends)('a transition whose last write fails, on %s', (backend) => {
  let t: TestApp;
  let resident: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    // a timeline row with this note cannot be written: the last statement of the transition fails
    await t.database.db.execute(sql`CREATE FUNCTION test_refuse_note() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.note = '写不进去' THEN RAISE EXCEPTION 'the timeline refuses this note'; END IF; RETURN NEW; END $$`);
    await t.database.db.execute(sql`CREATE TRIGGER test_refuse_note BEFORE INSERT ON need_events FOR EACH ROW EXECUTE FUNCTION test_refuse_note()`);
    // nor the first timeline row of a need with this title: a post's last statement (the rows appended at commit) fails
    await t.database.db.execute(sql`CREATE FUNCTION test_refuse_title() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF (SELECT title FROM needs WHERE id = NEW.need_id) = '写不进去的需求' THEN RAISE EXCEPTION 'the timeline refuses this need'; END IF; RETURN NEW; END $$`);
    await t.database.db.execute(sql`CREATE TRIGGER test_refuse_title BEFORE INSERT ON need_events FOR EACH ROW EXECUTE FUNCTION test_refuse_title()`);
    resident = await t.login('resident1');
    admin = await t.login('communityAdmin1');
  });
  afterAll(() => t.close());

  const stateOf = async (id: string) => {
    const [need] = await queryRows<{ status: string; version: number }>(t.database.db, sql`SELECT status, version FROM needs WHERE id = ${id}`);
    const [counts] = await queryRows<{ steps: number; audits: number; events: number }>(
      t.database.db,
      sql`SELECT (SELECT count(*)::int FROM need_events WHERE need_id = ${id}) AS steps,
                 (SELECT count(*)::int FROM audit_log WHERE object_id = ${id} AND action = 'needs.reject') AS audits,
                 (SELECT count(*)::int FROM domain_events WHERE subject_id = ${id} AND type = 'needs.reject') AS events`,
    );
    return { ...need!, ...counts! };
  };

  it.each([true, false])('a write at a version the need is not at fails, saying so, and writes nothing (last: %s)', async (last) => {
    const need = await postNeed(t, resident, { title: `版本不符 ${String(last)}` });
    const districtId = t.fx.region.D!.districtId;
    const entry = { actor: systemActor(districtId, '/'), role: 'system', action: 'accept', from: 'submitted', to: 'accepted' };
    const attempt = t.database.db.transaction((tx) => updateAndLog(tx, { districtId, id: need.id, version: 7 }, { status: 'accepted', version: 8 }, 8, entry, { last }));
    await expect(attempt).rejects.toThrow(`need ${need.id} was not at version 7 under its lock`);
    expect(await stateOf(need.id)).toMatchObject({ status: 'submitted', version: 1, steps: 1 });
  });

  it("answers with the page as the transition left it (read in its transaction, behind its last write): the same as reading it afterwards", async () => {
    const need = await postNeed(t, resident, { title: '读回的页面' });
    const accepted = await act(t, admin, need.id, 'accept');
    expect(accepted.statusCode).toBe(200);
    const page = await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: admin } });
    expect(accepted.json()).toEqual(page.json());
    expect(accepted.json()).toMatchObject({ status: 'accepted', timeline: [{ action: 'submit' }, { action: 'accept' }] });
  });

  it('a post answers with the new need as its poster sees it: the same as reading it afterwards (resident and hotline staff)', async () => {
    const mine = await t.app.inject({ method: 'POST', url: '/api/needs', headers: { cookie: resident }, payload: await postBody(t, resident, { title: '读回的新需求' }) });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toEqual((await t.app.inject({ url: `/api/needs/${mine.json<{ id: string }>().id}`, headers: { cookie: resident } })).json());
    expect(mine.json()).toMatchObject({ status: 'submitted', timeline: [{ action: 'submit' }] });
    const hotline = await t.app.inject({ method: 'POST', url: '/api/needs', headers: { cookie: admin }, payload: await postBody(t, admin, { title: '热线来电', channel: 'hotline', requesterName: '王阿姨', requesterPhone: '13911112222' }) });
    expect(hotline.statusCode).toBe(201);
    expect(hotline.json()).toEqual((await t.app.inject({ url: `/api/needs/${hotline.json<{ id: string }>().id}`, headers: { cookie: admin } })).json());
  });

  it('a post whose last statement fails leaves no need behind, and answers with a server error', async () => {
    const refused = await t.app.inject({ method: 'POST', url: '/api/needs', headers: { cookie: resident }, payload: await postBody(t, resident, { title: '写不进去的需求' }) });
    expect(refused.statusCode).toBe(500);
    const [left] = await queryRows<{ needs: number; audits: number; events: number }>(
      t.database.db,
      sql`SELECT (SELECT count(*)::int FROM needs WHERE title = '写不进去的需求') AS needs,
                 (SELECT count(*)::int FROM audit_log a WHERE a.action = 'needs.submit' AND NOT EXISTS (SELECT 1 FROM needs n WHERE n.id::text = a.object_id::text)) AS audits,
                 (SELECT count(*)::int FROM domain_events e WHERE e.type = 'needs.submit' AND NOT EXISTS (SELECT 1 FROM needs n WHERE n.id::text = e.subject_id::text)) AS events`,
    );
    expect(left).toEqual({ needs: 0, audits: 0, events: 0 });
  });

  it('leaves nothing of the transition, and answers with a server error', async () => {
    const need = await postNeed(t, resident, { title: '最后一笔写失败' });
    const before = await stateOf(need.id);
    expect(before).toEqual({ status: 'submitted', version: 1, steps: 1, audits: 0, events: 0 });
    const refused = await act(t, admin, need.id, 'reject', { note: '写不进去' });
    expect(refused.statusCode).toBe(500);
    expect(await stateOf(need.id)).toEqual(before);
    // the connection and the need are fine afterwards: the same transition with another note goes through
    const done = await act(t, admin, need.id, 'reject', { note: '不属于志愿服务范围' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'rejected' });
    expect(await stateOf(need.id)).toEqual({ status: 'rejected', version: 2, steps: 2, audits: 1, events: 1 });
  });
});

// on a connection (PostgreSQL, PGlite on its thread) the order of what is sent can be watched
describe.each([...backends.filter((b) => b === 'postgres'), 'pglite-worker' as const])('what a transition sends on its connection, on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('the last write, then the page read back, then COMMIT — and nothing after the COMMIT', async () => {
    const resident = await t.login('resident1');
    const admin = await t.login('communityAdmin1');
    const need = await postNeed(t, resident, { title: '看看发了什么' });
    // every borrowing of a connection, and what it sent, with the need's id among the values or not
    const borrowings: { text: string; mine: boolean }[][] = [];
    const watched = new WeakSet<object>();
    const watch = (client: { query: (...args: unknown[]) => unknown }) => {
      const log: { text: string; mine: boolean }[] = [];
      borrowings.push(log);
      if (watched.has(client)) return;
      watched.add(client);
      const query = client.query.bind(client);
      client.query = (config: unknown, ...rest: unknown[]) => {
        const c = config as { text?: string; values?: unknown[] } | string;
        const text = typeof c === 'string' ? c : (c.text ?? '');
        const values = typeof c === 'string' ? rest[0] : (c.values ?? rest[0]);
        borrowings[borrowings.length - 1]!.push({ text: text.trim().slice(0, 40).toLowerCase(), mine: Array.isArray(values) && values.includes(need.id) });
        return query(config, ...rest);
      };
    };
    t.database.pool!.on('acquire', watch);
    try {
      expect((await act(t, admin, need.id, 'accept')).statusCode).toBe(200);
    } finally {
      t.database.pool!.removeListener('acquire', watch);
    }
    const transition = borrowings.find((b) => b.some((q) => q.mine && q.text.startsWith('with')))!;
    const steps = transition.map((q) => (q.text.startsWith('with') && q.mine ? 'write' : q.text.startsWith('select "needs"') && q.mine ? 'select need' : q.text));
    const write = steps.lastIndexOf('write');
    expect(steps.slice(write)).toEqual(['write', 'select need', 'commit']);
    // the page is not read again on another connection after the commit
    const after = borrowings.slice(borrowings.indexOf(transition) + 1).flat();
    expect(after.filter((q) => q.mine && q.text.startsWith('select "needs"'))).toEqual([]);
  });

  it('a post: its appended rows, then the page read back, then COMMIT — and nothing after the COMMIT', async () => {
    const resident = await t.login('resident1');
    const body = await postBody(t, resident, { title: '看看发帖发了什么' });
    const borrowings: string[][] = [];
    const watched = new WeakSet<object>();
    const watch = (client: { query: (...args: unknown[]) => unknown }) => {
      borrowings.push([]);
      if (watched.has(client)) return;
      watched.add(client);
      const query = client.query.bind(client);
      client.query = (config: unknown, ...rest: unknown[]) => {
        const c = config as { text?: string } | string;
        borrowings[borrowings.length - 1]!.push((typeof c === 'string' ? c : (c.text ?? '')).trim().slice(0, 40).toLowerCase());
        return query(config, ...rest);
      };
    };
    t.database.pool!.on('acquire', watch);
    let posted;
    try {
      posted = await t.app.inject({ method: 'POST', url: '/api/needs', headers: { cookie: resident }, payload: body });
    } finally {
      t.database.pool!.removeListener('acquire', watch);
    }
    expect(posted.statusCode).toBe(201);
    const intake = borrowings.find((b) => b.some((q) => q.startsWith('insert into "needs"')))!;
    const steps = intake.map((q) => (q.includes('need_events') ? 'appended' : q.startsWith('select "needs"."district_id"') ? 'select need' : q));
    expect(steps.slice(steps.indexOf('appended'))).toEqual(['appended', 'select need', 'commit']);
    // the page is not read again after the commit
    expect(borrowings.slice(borrowings.indexOf(intake) + 1).flat().filter((q) => q.startsWith('select "needs"."district_id"'))).toEqual([]);
  });
});

/** A post's body (needs-helpers' postNeed, without posting it). */
async function postBody(t: TestApp, cookie: string, body: Record<string, unknown>) {
  return { kind: 'serviceRequest', categoryId: await categoryId(t, cookie, 'elderly.haircut'), title: '老人需要上门理发', description: '家中老人行动不便，希望志愿者上门理发。', regionId: t.fx.region.B1!.id, address: '光明1号楼2单元301', ...body };
}
