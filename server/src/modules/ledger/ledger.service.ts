import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { queryRows, type DbOrTx } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import { toCents } from './ledger.amounts.js';
import { creditServices, type VerifiedService } from './ledger.credit.js';
import { reverse } from './ledger.deduct.js';
import type { LedgerDeps } from './ledger.deps.js';
import { shardsOf, type Unit } from './ledger.enums.js';
import { ledgerAwards } from './ledger.awards.js';
import { post, shardFor, type Posting } from './ledger.post.js';
import { ledgerRules } from './ledger.rules.js';
import { ledgerStatements } from './ledger.statements.js';
import { ledgerPointsTotals } from './ledger.points-totals.js';
import { ledgerSubscriber } from './ledger.subscriber.js';
import { ledgerError } from './ledger.errors.js';
import { ledgerWithdrawals } from './ledger.withdrawals.js';
import { ledgerPassbook } from './ledger.passbook.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

export type ReplayOptions = {
  pageSize?: number;
  /** Every page in this transaction (the demo seeded at once); otherwise each page commits on its own. */
  tx?: DbOrTx;
  /** Checked between pages: stops after the page that is running (the rest is for another run). */
  signal?: AbortSignal;
  /** Awaited after each page (progress; the demo's history gives way to users here). */
  onPage?: (p: { page: number; services: number; credited: number; ms: number }) => void | Promise<void>;
};

/**
 * The time bank and points ledger (时间银行 · 积分): double entry, exact amounts, immutable entries.
 * Other modules post through `post` (the mall's redemptions, time-bank withdrawals), always in their
 * own transaction; verified service is credited by `creditServices`, called by the volunteers' record.
 */
export function createLedgerService(deps: LedgerDeps) {
  const rules = ledgerRules(deps);
  const statements = ledgerStatements(deps);
  const self = {
    rules,
    ...statements,
    ...ledgerAwards(deps, rules),
    ...ledgerWithdrawals(deps),
    ...ledgerPassbook(deps, statements.statement),
    ...ledgerPointsTotals(deps),

    /** Posts once per key in the caller's transaction (see ledger.post.ts); refused debits throw `ledger.insufficient_*`. */
    post: (tx: DbOrTx, districtId: string, posting: Posting) => post(tx, districtId, posting, deps.clock.now()),

    /** The balance row a hold on a shared account goes to and comes back from (a redemption's, by its id). */
    holdShard: (id: string) => shardFor(id, shardsOf('provider.held')),

    /** Credits verified services (hours and points by the rules in force), once each; used by the volunteers' record. */
    async creditServices(tx: DbOrTx, districtId: string, entries: readonly (Omit<VerifiedService, 'rating' | 'severity' | 'themed'> & { facts?: { rating?: number | null; severity?: string | null; themed?: boolean | null } })[]) {
      const ctx = await rules.context(tx, districtId);
      return creditServices(tx, districtId, entries.map((e) => ({ ...e, ...e.facts })), ctx, deps.clock.now());
    },

    /**
     * Credits every verified service of the district through `creditServices`, in pages: what the demo
     * runs for its year, and a repair after an outage. A second run changes nothing (every key is spent).
     */
    async replayServices(districtId: string, opts: ReplayOptions = {}): Promise<number> {
      const pageSize = opts.pageSize ?? 5000;
      let after: { source: string; sourceId: string; accountId: string } | null = null;
      let credited = 0;
      const inTx = <T>(fn: (tx: DbOrTx) => Promise<T>) => (opts.tx ? fn(opts.tx) : deps.db.transaction(fn));
      for (let n = 1; ; n++) {
        if (opts.signal?.aborted) return credited; // between pages: what was credited is committed, the rest waits for another run
        const t0 = performance.now();
        const page = await deps.volunteers.entriesForCrediting(districtId, after, pageSize, opts.tx);
        if (page.length === 0) return credited;
        credited += await inTx(async (tx) => {
          const ctx = await rules.context(tx, districtId);
          return creditServices(tx, districtId, page.map((e) => ({ accountId: e.account_id, communityId: e.community_id, source: e.source, sourceId: e.source_id, title: e.title, servedOn: e.served_on, hours: e.hours, ...e.facts })), ctx, deps.clock.now());
        });
        const last = page.at(-1)!;
        after = { source: last.source, sourceId: last.source_id, accountId: last.account_id };
        await opts.onPage?.({ page: n, services: page.length, credited, ms: performance.now() - t0 });
      }
    },

    /** Reverses a posting made by mistake (district admins), with the reason; once. */
    async reverseTransaction(actor: Actor, id: string, reason: string) {
      if (!reason.trim()) throw ledgerError('ledger.bad_amount', { field: 'reason' });
      return deps.db.transaction(async (tx) => {
        const [orig] = await queryRows<{ id: string; source: string }>(tx, sql`SELECT id, source FROM ledger_transactions WHERE district_id = ${actor.districtId} AND id = ${id}`);
        if (!orig) throw ledgerError('ledger.not_found');
        // a redemption or a withdrawal holds and releases through its own steps: a reversal would release a hold twice
        if (orig.source === 'redemption' || orig.source === 'withdrawal') throw ledgerError('ledger.not_reversible');
        const done = await reverse(tx, actor.districtId, { key: `reverse:manual:${id}`, original: id, source: 'manual', memo: reason.trim(), effectiveOn: shanghaiDay(deps.clock.now()), actorId: actor.accountId }, deps.clock.now());
        await deps.audit.record(actor, { action: 'ledger.reverse', objectType: 'ledger_transaction', objectId: id, details: { reason: reason.trim(), reversal: done.id } });
        return done;
      });
    },

    /** Balances of one person's passbook: hours and points. */
    async balancesOf(districtId: string, accountId: string): Promise<Record<Unit, number>> {
      const rows = await queryRows<{ unit: Unit; balance: string }>(
        currentDb(deps.db),
        sql`SELECT a.unit, sum(b.balance) AS balance FROM ledger_accounts a JOIN ledger_balances b ON b.district_id = a.district_id AND b.account_id = a.id
            WHERE a.district_id = ${districtId} AND a.owner_id = ${accountId} AND a.kind IN ('volunteer.hours', 'volunteer.points') GROUP BY a.unit`,
      );
      const of = (u: Unit) => toCents(rows.find((r) => r.unit === u)?.balance ?? '0') / 100;
      return { hours: of('hours'), points: of('points') };
    },
  };
  return { ...self, subscriber: ledgerSubscriber(deps, rules) };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
