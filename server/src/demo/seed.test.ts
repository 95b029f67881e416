import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { PlatformDeps } from '../platform/deps.js';
import { loadConfig } from '../config.js';
import { createFieldCrypto } from '../platform/crypto/crypto.js';
import { queryRows, type Database } from '../platform/db/client.js';
import { tidyTables } from '../platform/db/maintenance.js';
import { isValidIdNumber } from '../platform/privacy/id-number.js';
import { seedFixture } from '../test/fixtures.js';
import { backends, freshDatabase } from '../test/harness.js';
import { DEMO_PASSWORD, fixedAccounts } from './fixed-accounts.js';
import { allRegions } from './regions.demo.js';
import { DEMO_MARKER, finishDemoHistory, planDemo, seedDemoIfEmpty, type SeedReport } from './seed.js';
import { manualClock, type Clock } from '../platform/clock/clock.js';

type Fresh = Database & { drop(): Promise<void> };
type AccountRow = { id: string; phone: string; name: string; roles: string[]; gender: string | null; birth_year: number | null; skills: string[]; id_number_enc: string | null; id_number_hmac: string | null; region_type: string; region_code: string };

const quiet = () => undefined;

function depsFor(database: Database, clock: Clock): PlatformDeps {
  const config = { ...loadConfig({}), dataDir: '/nonexistent', seedDemo: false, loginLimitPerMinute: 100_000, writeLimitPerMinute: 100_000, ipWriteLimitPerMinute: 100_000, webDist: '/nonexistent' };
  return { db: database.db, database, crypto: createFieldCrypto(crypto.randomBytes(32)), config, clock };
}

const accountRows = (database: Database) =>
  queryRows<AccountRow>(database.db, sql`
    SELECT a.id, a.phone, a.name, a.roles, a.gender, a.birth_year, a.skills, a.id_number_enc, a.id_number_hmac, r.type AS region_type, r.code AS region_code
    FROM accounts a LEFT JOIN regions r ON r.id = a.region_id ORDER BY a.phone`);

describe.each(backends)('demo district (small) on %s', (backend) => {
  let database: Fresh;
  let deps: PlatformDeps;
  let report: SeedReport;
  let rows: AccountRow[];
  // Both districts are seeded at the same moment: the demo is laid out around "now" (services before
  // it, activities after it), and a minute between two seedings moved a service across a boundary.
  const clock = manualClock();
  const depsAt = (d: Database) => depsFor(d, clock);

  beforeAll(async () => {
    database = await freshDatabase(backend);
    deps = depsAt(database);
    report = await seedDemoIfEmpty(deps, { scale: 'small', log: quiet });
    rows = await accountRows(database);
  });
  afterAll(() => database.drop());

  // how long it takes is a figure for bench/seed.bench.ts, not an assertion here (a busy machine is no failure)
  it('seeds the small district and reports each step', () => {
    expect(report.seeded).toBe(true);
    expect(report.counts).toMatchObject({ streets: 2, communities: 4, grids: 8 });
    // 500 people + 2 street admins + 4 community admins + 8 grid workers + 8 fixed accounts
    expect(rows).toHaveLength(522);
    expect(report.totalMs).toBeGreaterThan(0);
    expect(report.timings.map((t) => t.step)).toContain('ledger');
  });

  it('leaves what it filled vacuumed and analysed on the embedded database: the upkeep after the start has nothing left to run with the app open', async () => {
    const tables = await queryRows<{ name: string; pages: number; visible: number }>(
      database.db,
      sql`SELECT relname AS name, relpages AS pages, relallvisible AS visible FROM pg_class WHERE relname IN ('need_assignments', 'need_events', 'needs') AND relkind = 'r' ORDER BY relname`,
    );
    expect(tables.map((t) => t.name)).toEqual(['need_assignments', 'need_events', 'needs']);
    if (database.kind === 'pglite') {
      // every page marked all-visible, as the upkeep's `tables` reads it (maintenance.ts)
      for (const t of tables) expect([t.name, t.pages > 0, t.visible]).toEqual([t.name, true, t.pages]);
      expect(await tidyTables(database, { pass: 'start' })).toBe(0);
    } else {
      // PostgreSQL has autovacuum: the seed only analyses what the history and the figures plan by
      const [vacuumed] = await queryRows<{ n: number }>(database.db, sql`SELECT coalesce(sum(vacuum_count), 0)::int AS n FROM pg_stat_user_tables`);
      expect(vacuumed!.n).toBe(0);
    }
  });

  it('analyses the region tree before the app opens: the figures page plans by its size', async () => {
    const [regionsRow] = await queryRows<{ rows: number; columns: number }>(
      database.db,
      sql`SELECT c.reltuples::int AS rows, (SELECT count(*)::int FROM pg_statistic s WHERE s.starelid = c.oid) AS columns FROM pg_class c WHERE c.relname = 'regions' AND c.relkind = 'r'`,
    );
    expect(regionsRow!.rows).toBeGreaterThan(0);
    expect(regionsRow!.columns).toBeGreaterThan(0);
  });

  it('gives the same district on every run: names, phones, codes and ids — and the same time bank when its history is seeded after the app opens', async () => {
    const other = await freshDatabase(backend);
    try {
      // `npm start` seeds the time bank's history once the app is open (server.ts)
      const first = await seedDemoIfEmpty(depsAt(other), { scale: 'small', log: quiet, history: 'later' });
      expect(first.timings.map((t) => t.step)).not.toContain('ledger');
      const entries = async (d: Database) => (await queryRows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM ledger_entries`))[0]!.n;
      expect(await entries(other)).toBe(0);
      // the mall's shelves are up before the app opens, and a visitor may redeem while the history is
      // written: what she takes stays taken (the history takes its own from the stock, never sets it)
      const shelvesUp = await queryRows<{ id: string; stock: number }>(other.db, sql`SELECT id, stock FROM mall_items ORDER BY id`);
      expect(shelvesUp.length).toBeGreaterThan(10);
      // an item the history's redemptions hold (picked up or pending): setting its stock outright, as
      // the history once did, would undo the visitor's
      const [held] = await queryRows<{ id: string }>(database.db, sql`SELECT item_id AS id FROM mall_takers ORDER BY item_id LIMIT 1`);
      const visited = held!.id;
      expect(shelvesUp.map((i) => i.id)).toContain(visited);
      await other.db.execute(sql`UPDATE mall_items SET stock = stock - 1 WHERE id = ${visited}`);
      // a start cut short after its first page (server.ts aborts between pages on shutdown): the page is
      // committed, the marker still says pending, and the next start finishes the rest, crediting nothing twice
      const stop = new AbortController();
      expect(await finishDemoHistory(depsAt(other), { log: quiet, signal: stop.signal, onPage: () => stop.abort() })).toBeUndefined();
      const [cut] = await queryRows<{ value: Record<string, unknown> }>(other.db, sql`SELECT value FROM system_settings WHERE key = ${DEMO_MARKER}`);
      expect(cut!.value).toHaveProperty('historyPending', true);
      expect(await entries(other)).toBeGreaterThan(0);
      // cut short again after the mall's first page of redemptions (each written with its job, the stock
      // it took, its holder's count and its postings): the next start plans the same redemptions from
      // the balances and the shelves as put up, and writes nothing twice
      const taken = async () => (await queryRows<{ n: number }>(other.db, sql`SELECT count(*)::int AS n FROM mall_takers`))[0]!.n;
      const again = new AbortController();
      const cutMidway = await finishDemoHistory(depsAt(other), { log: quiet, signal: again.signal, onStepPage: async () => void ((await taken()) > 0 && again.abort()) });
      expect(cutMidway).toBeUndefined();
      expect(await taken()).toBeGreaterThan(0);
      const history = await finishDemoHistory(depsAt(other), { log: quiet });
      expect(history?.timings.map((t) => t.step)).toEqual(['ledger replay', 'ledger', 'mall', 'ledger totals']);
      expect(await finishDemoHistory(depsAt(other), { log: quiet })).toBeUndefined(); // once
      const balances = (d: Database) =>
        queryRows(d.db, sql`SELECT a.kind, a.owner_id, sum(b.balance)::text AS balance FROM ledger_accounts a JOIN ledger_balances b ON b.district_id = a.district_id AND b.account_id = a.id GROUP BY a.kind, a.owner_id ORDER BY a.kind, a.owner_id`);
      expect(await balances(other)).toEqual(await balances(database));
      expect(await entries(other)).toBe(await entries(database));
      const redemptions = (d: Database) => queryRows(d.db, sql`SELECT id, status, points, code FROM mall_redemptions ORDER BY id`);
      expect(await redemptions(other)).toEqual(await redemptions(database));
      const shelves = (d: Database) => queryRows<Record<string, unknown>>(d.db, sql`SELECT i.id, i.stock, (SELECT coalesce(sum(t.taken), 0)::int FROM mall_takers t WHERE t.item_id = i.id) AS taken FROM mall_items i ORDER BY i.id`);
      const visitedOnce = (rows: Record<string, unknown>[]) => rows.map((r) => (r.id === visited ? { ...r, stock: Number(r.stock) - 1 } : r));
      expect(await shelves(other)).toEqual(visitedOnce(await shelves(database)));
      const postings = (d: Database) => queryRows<{ n: number }>(d.db, sql`SELECT source, count(*)::int AS n FROM ledger_transactions GROUP BY source ORDER BY source`);
      expect(await postings(other)).toEqual(await postings(database));
      const [marker] = await queryRows<{ value: Record<string, unknown> }>(other.db, sql`SELECT value FROM system_settings WHERE key = ${DEMO_MARKER}`);
      expect(marker!.value).not.toHaveProperty('historyPending');
      // the marker adds the history's counts to the first part's (those, seeded at another moment, are not compared)
      expect(Object.keys(history!.counts).length).toBeGreaterThan(3);
      for (const k of Object.keys(history!.counts)) expect([k, (marker!.value.counts as Record<string, number>)[k]]).toEqual([k, report.counts[k]]);
      expect(Object.keys(marker!.value.counts as object).sort()).toEqual(Object.keys(report.counts).sort());
      const strip = (r: AccountRow) => [r.id, r.phone, r.name, r.roles, r.gender, r.birth_year, r.skills, r.region_code];
      expect((await accountRows(other)).map(strip)).toEqual(rows.map(strip));
      const tree = (d: Database) => queryRows(d.db, sql`SELECT id, code, name, type, path, centre FROM regions ORDER BY code`);
      expect(await tree(other)).toEqual(await tree(database));
    } finally {
      await other.drop();
    }
  });

  it('gives every account a unique phone, listed in the phone directory', async () => {
    expect(new Set(rows.map((r) => r.phone)).size).toBe(rows.length);
    for (const r of rows) expect(r.phone).toMatch(/^1[3-9]\d{9}$/);
    const [dir] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM phone_directory p JOIN accounts a ON a.id = p.account_id AND a.phone = p.phone`);
    expect(dir!.n).toBe(rows.length);
  });

  it('binds people to buildings and staff to the node of their level', () => {
    const fixed = new Set(fixedAccounts.map((a) => a.phone));
    const levelOf: Record<string, string> = { streetAdmin: 'street', communityAdmin: 'community', gridWorker: 'grid', resident: 'building' };
    for (const r of rows.filter((row) => !fixed.has(row.phone))) expect(r.region_type).toBe(levelOf[r.roles[0]!]);
    const byPhone = new Map(rows.map((r) => [r.phone, r]));
    const plan = planDemo('small');
    const codes = new Map(allRegions(plan.regions).map((n) => [n.id, n.code]));
    const community1 = plan.regions.communities[0]!.code;
    for (const a of fixedAccounts) {
      const code = byPhone.get(a.phone)!.region_code;
      expect(code).toBe(codes.get(a.at(plan.regions).id));
      if (!a.roles.includes('districtAdmin') && !a.roles.includes('streetAdmin')) expect(code.startsWith(community1), a.phone).toBe(true);
    }
  });

  it('stores ID numbers encrypted, valid, searchable by HMAC and matching gender and birth year', () => {
    const withId = rows.filter((r) => r.id_number_enc);
    expect(withId.length / rows.length).toBeGreaterThan(0.2);
    expect(withId.length / rows.length).toBeLessThan(0.4);
    for (const r of withId) {
      expect(r.id_number_enc).not.toMatch(/^\d{17}/);
      const id = deps.crypto.decrypt(r.id_number_enc!);
      expect(isValidIdNumber(id)).toBe(true);
      expect(r.id_number_hmac).toBe(deps.crypto.digest(id));
      expect(Number(id.slice(6, 10))).toBe(r.birth_year);
      expect(Number(id[16]) % 2 === 1 ? 'male' : 'female').toBe(r.gender);
    }
  });

  it('makes about 40% volunteers, each with skill tags', () => {
    const volunteers = rows.filter((r) => r.roles.includes('volunteer'));
    expect(volunteers.length / rows.length).toBeGreaterThan(0.3);
    expect(volunteers.length / rows.length).toBeLessThan(0.5);
    for (const v of volunteers) expect(v.skills.length).toBeGreaterThan(0);
  });

  it('registers each volunteer before anything on their record: no service, activity or hour before the day they joined', async () => {
    const [early] = await queryRows<{ volunteers: number; registered_today: number; served_before: number; attended_before: number }>(database.db, sql`
      SELECT count(*)::int AS volunteers,
        count(*) FILTER (WHERE v.decided_at > now() - interval '1 day')::int AS registered_today,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM need_assignments na WHERE na.district_id = v.district_id AND na.volunteer_id = v.account_id AND na.claimed_at < v.decided_at))::int AS served_before,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM activity_signups s WHERE s.district_id = v.district_id AND s.account_id = v.account_id AND s.signed_up_at < v.decided_at))::int AS attended_before
      FROM volunteers v WHERE v.status = 'active'`);
    expect(early!.volunteers).toBeGreaterThan(100);
    expect(early).toMatchObject({ registered_today: 0, served_before: 0, attended_before: 0 });
  });

  it('lets each of the 8 fixed demo accounts log in with the demo password and the right role', async () => {
    const app = await buildApp(deps);
    try {
      for (const a of fixedAccounts) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: a.phone, password: DEMO_PASSWORD } });
        expect(res.statusCode, a.phone).toBe(200);
        const cookie = res.cookies.find((c) => c.name === 'lx_session')!;
        const me = await app.inject({ url: '/api/auth/me', headers: { cookie: `lx_session=${cookie.value}` } });
        expect(me.json().account.roles).toEqual(a.roles);
      }
    } finally {
      await app.close();
    }
  });

  it('does nothing on the second start, and records what it seeded', async () => {
    const again = await seedDemoIfEmpty(deps, { scale: 'full', log: quiet });
    expect(again).toMatchObject({ seeded: false, skipped: 'already_seeded', scale: 'small' });
    expect(await accountRows(database)).toHaveLength(rows.length);
    const [marker] = await queryRows<{ value: { scale: string; seed: number; counts: Record<string, number> } }>(database.db, sql`SELECT value FROM system_settings WHERE key = ${DEMO_MARKER}`);
    expect(marker!.value).toMatchObject({ scale: 'small', seed: report.seed, counts: report.counts });
  });
});

describe('demo district on a real deployment', () => {
  it('is never seeded into a database that already has accounts', async () => {
    const database = await freshDatabase('pglite');
    try {
      const deps = depsFor(database, manualClock());
      await seedFixture(database.db, deps.crypto);
      expect(await seedDemoIfEmpty(deps, { scale: 'small', log: quiet })).toMatchObject({ seeded: false, skipped: 'accounts_exist' });
      const [marker] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM system_settings`);
      expect(marker!.n).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
