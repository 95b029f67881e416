import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { fromCents, toCents } from './ledger.amounts.js';
import { reverse } from './ledger.deduct.js';

/*
 * Random interleavings of earn, spend (redeem), confirm, cancel, expire and reverse through the
 * ledger's own posting code, against a model that knows every balance. Whatever the order: every
 * posting sums to zero per unit, no person's balance goes below zero (a spend beyond it is refused and
 * leaves nothing behind), and every balance is the replay of its entries.
 */
type Step =
  | { op: 'earn'; who: number; points: number; hours: number }
  | { op: 'redeem'; who: number; points: number }
  | { op: 'settle'; pick: number; how: 'confirm' | 'cancel' | 'expire' }
  | { op: 'reverse'; pick: number }
  | { op: 'replay'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('earn' as const), who: fc.nat(2), points: fc.integer({ min: 1, max: 5000 }), hours: fc.integer({ min: 0, max: 800 }) }),
  fc.record({ op: fc.constant('redeem' as const), who: fc.nat(2), points: fc.integer({ min: 1, max: 6000 }) }),
  fc.record({ op: fc.constant('settle' as const), pick: fc.nat(50), how: fc.constantFrom('confirm' as const, 'cancel' as const, 'expire' as const) }),
  fc.record({ op: fc.constant('reverse' as const), pick: fc.nat(50) }),
  fc.record({ op: fc.constant('replay' as const), pick: fc.nat(50) }),
);

describe.each(backends)('ledger under random interleavings (property) on %s', (backend) => {
  let t: TestApp;
  let districtId: string;
  let community: string;
  let provider: string;
  let people: string[];

  beforeAll(async () => {
    t = await createTestApp(backend);
    districtId = t.fx.region.D!.districtId;
    community = t.fx.region.C1!.id;
    provider = t.fx.region.C1!.id;
    people = ['volunteer1', 'volunteer2', 'resident1'].map((k) => t.fx.person[k]!.id);
  });
  afterAll(() => t.close());

  it('keeps every posting balanced, every balance ≥ 0 and equal to its entries', async () => {
    const ledger = t.app.services.ledger;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
        run++;
        const model = new Map<string, number>(); // cents of points per person, this run's accounts only
        const hold: { key: string; who: string; points: number; open: boolean }[] = [];
        const postings: string[] = []; // earnings: what a reversal may take back (a redemption settles its own way)
        // each run has its own people (fresh owners), so the model starts at zero
        const owner = (who: number) => `${people[who]!.slice(0, 24)}${String(run).padStart(12, '0')}`;
        const balance = async (who: string) => {
          const [row] = await queryRows<{ b: string | null }>(t.database.db, sql`SELECT sum(b.balance) AS b FROM ledger_balances b JOIN ledger_accounts a ON a.id = b.account_id AND a.district_id = b.district_id WHERE a.district_id = ${districtId} AND a.kind = 'volunteer.points' AND a.owner_id = ${who}`);
          return toCents(row?.b ?? '0');
        };
        const tx = <T>(fn: (tx: Parameters<Parameters<typeof t.database.db.transaction>[0]>[0]) => Promise<T>) => t.database.db.transaction(fn);
        for (const [i, s] of steps.entries()) {
          const key = `prop:${run}:${i}`;
          const day = '2026-06-01';
          if (s.op === 'earn') {
            const who = owner(s.who);
            await tx((x) => ledger.post(x, districtId, { key, kind: 'earn', source: 'order', effectiveOn: day, lines: [
              { kind: 'volunteer.points', ownerId: who, amount: s.points, ruleCode: 'service.hour' },
              { kind: 'community.points', ownerId: community, amount: -s.points },
              { kind: 'volunteer.hours', ownerId: who, amount: s.hours },
              { kind: 'community.hours', ownerId: community, amount: -s.hours },
            ] }));
            model.set(who, (model.get(who) ?? 0) + s.points);
            postings.push(key);
          } else if (s.op === 'redeem') {
            const who = owner(s.who);
            const shard = ledger.holdShard(key);
            const ok = await tx((x) => ledger.post(x, districtId, { key, kind: 'spend', source: 'redemption', effectiveOn: day, lines: [
              { kind: 'volunteer.points', ownerId: who, amount: -s.points },
              { kind: 'provider.held', ownerId: provider, amount: s.points, shard },
            ] })).then(() => true, (e: { code?: string }) => { expect(e.code).toBe('ledger.insufficient_points'); return false; });
            expect(ok).toBe((model.get(who) ?? 0) >= s.points);
            if (ok) {
              model.set(who, model.get(who)! - s.points);
              hold.push({ key, who, points: s.points, open: true });
            }
          } else if (s.op === 'settle' && hold.length > 0) {
            const h = hold[s.pick % hold.length]!;
            const shard = ledger.holdShard(h.key);
            const back = s.how !== 'confirm';
            const settled = await tx((x) => ledger.post(x, districtId, { key: `settle:${h.key}`, kind: s.how === 'confirm' ? 'spend' : s.how === 'cancel' ? 'reverse' : 'expire', source: 'redemption', effectiveOn: day, lines: [
              { kind: 'provider.held', ownerId: provider, amount: -h.points, shard },
              back ? { kind: 'volunteer.points', ownerId: h.who, amount: h.points } : { kind: 'provider.points', ownerId: provider, amount: h.points },
            ] }));
            // a hold settles once: the second settlement of the same key writes nothing
            expect(settled.created).toBe(h.open);
            if (h.open && back) model.set(h.who, model.get(h.who)! + h.points);
            h.open = false;
          } else if (s.op === 'reverse' && postings.length > 0) {
            const target = postings[s.pick % postings.length]!;
            const [orig] = await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM ledger_transactions WHERE district_id = ${districtId} AND key = ${target}`);
            const lines = await queryRows<{ owner_id: string; amount: string }>(t.database.db, sql`SELECT a.owner_id, e.amount FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id AND a.district_id = e.district_id WHERE e.transaction_id = ${orig!.id} AND a.kind = 'volunteer.points'`);
            const delta = new Map<string, number>();
            for (const l of lines) delta.set(l.owner_id, (delta.get(l.owner_id) ?? 0) - toCents(l.amount));
            const possible = [...delta].every(([who, d]) => (model.get(who) ?? 0) + d >= 0);
            const done = await tx((x) => reverse(x, districtId, { key: `rev:${target}`, original: orig!.id, source: 'manual', memo: 'test', effectiveOn: day }, t.clock.now())).then(
              (r) => r.created,
              (e: { code?: string }) => { expect(['ledger.insufficient_points', 'ledger.insufficient_held', 'ledger.already_reversed']).toContain(e.code); return false; },
            );
            if (done) for (const [who, d] of delta) model.set(who, (model.get(who) ?? 0) + d);
            if (done) expect(possible).toBe(true);
          } else if (s.op === 'replay' && postings.length > 0) {
            // the same key again, even with other lines, changes nothing
            const target = postings[s.pick % postings.length]!;
            const again = await tx((x) => ledger.post(x, districtId, { key: target, kind: 'earn', source: 'order', effectiveOn: day, lines: [
              { kind: 'volunteer.points', ownerId: owner(0), amount: 999_999 },
              { kind: 'community.points', ownerId: community, amount: -999_999 },
            ] }));
            expect(again.created).toBe(false);
          }
        }
        for (const [who, cents] of model) expect(fromCents(await balance(who))).toBe(fromCents(cents));
      }),
      { numRuns: 25 },
    );
    const off = await queryRows(t.database.db, sql`SELECT transaction_id FROM ledger_entries GROUP BY transaction_id, unit HAVING sum(amount) <> 0`);
    expect(off).toEqual([]);
    const negative = await queryRows(t.database.db, sql`SELECT account_id FROM ledger_balances WHERE non_negative AND balance < 0`);
    expect(negative).toEqual([]);
    const drift = await queryRows(
      t.database.db,
      sql`SELECT a.id FROM ledger_accounts a
          LEFT JOIN (SELECT account_id, sum(balance) AS b FROM ledger_balances GROUP BY account_id) b ON b.account_id = a.id
          LEFT JOIN (SELECT account_id, sum(amount) AS e FROM ledger_entries GROUP BY account_id) e ON e.account_id = a.id
          WHERE coalesce(b.b, 0) <> coalesce(e.e, 0)`,
    );
    expect(drift).toEqual([]);
    expect((await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ledger_transactions WHERE key LIKE 'prop:%'`))[0]!.n).toBeGreaterThan(25);
  }, 300_000);
});
