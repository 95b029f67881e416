import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.js';
import { toCents, type Cents } from './ledger.amounts.js';
import type { AccountKind, PostingKind, PostingSource } from './ledger.enums.js';
import { ledgerError } from './ledger.errors.js';
import { claimKeys, writeLines, type Line } from './ledger.post.js';

export type Deduction = {
  key: string;
  accountId: string;
  communityId: string | null;
  /** Points to take, positive; fewer are taken when the volunteer has fewer (a balance never goes below zero). */
  points: Cents;
  ruleCode: string;
  source: PostingSource;
  sourceId: string;
  memo: string;
  effectiveOn: string;
  actorId?: string | null;
};

/**
 * Takes points back (a no-show, a late cancellation, a conduct incident) to the volunteer's community,
 * once per key. The volunteer's balance row is locked first, so what is taken is never more than what
 * is there, whatever else runs at the same time; with nothing there the posting is kept, empty, so the
 * key stays spent.
 */
export async function deduct(tx: DbOrTx, districtId: string, d: Deduction, now: Date): Promise<boolean> {
  const claimed = await claimKeys(tx, districtId, [{ key: d.key, kind: 'adjust', source: d.source, sourceId: d.sourceId, memo: d.memo, effectiveOn: d.effectiveOn, actorId: d.actorId ?? null }], now);
  const id = claimed.get(d.key);
  if (!id) return false;
  const [row] = await queryRows<{ balance: string }>(
    tx,
    sql`SELECT b.balance FROM ledger_balances b JOIN ledger_accounts a ON a.district_id = b.district_id AND a.id = b.account_id
        WHERE a.district_id = ${districtId} AND a.kind = 'volunteer.points' AND a.owner_id = ${d.accountId} FOR UPDATE OF b`,
  );
  const take = Math.min(d.points, row ? toCents(row.balance) : 0);
  if (take > 0) {
    await writeLines(tx, districtId, [{ id, key: d.key, lines: [
      { kind: 'volunteer.points', ownerId: d.accountId, communityId: d.communityId, amount: -take, ruleCode: d.ruleCode },
      { kind: 'community.points', ownerId: d.communityId ?? districtId, communityId: d.communityId, amount: take, ruleCode: d.ruleCode },
    ] }], now);
  }
  return true;
}

/**
 * Reverses a posting (冲正) by a new one with every line negated, once (its own key); the original
 * stays as it was. A reversal that would take an account below zero (points since spent) is refused.
 */
export async function reverse(tx: DbOrTx, districtId: string, r: { key: string; original: string; kind?: PostingKind; source: PostingSource; memo: string; effectiveOn: string; actorId?: string | null }, now: Date): Promise<{ id: string; created: boolean }> {
  const [orig] = await queryRows<{ id: string; reversed: boolean }>(
    tx,
    sql`SELECT t.id, EXISTS (SELECT 1 FROM ledger_transactions x WHERE x.district_id = t.district_id AND x.reverses = t.id) AS reversed
        FROM ledger_transactions t WHERE t.district_id = ${districtId} AND t.id = ${r.original} FOR UPDATE`,
  );
  if (!orig) throw ledgerError('ledger.not_found');
  const claimed = await claimKeys(tx, districtId, [{ key: r.key, kind: r.kind ?? 'reverse', source: r.source, sourceId: r.original, memo: r.memo, effectiveOn: r.effectiveOn, actorId: r.actorId ?? null, reverses: orig.reversed ? null : r.original }], now);
  const id = claimed.get(r.key);
  if (!id) {
    const [existing] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM ledger_transactions WHERE district_id = ${districtId} AND key = ${r.key}`);
    return { id: existing!.id, created: false };
  }
  if (orig.reversed) throw ledgerError('ledger.already_reversed');
  const entries = await queryRows<{ kind: AccountKind; owner_id: string; community_id: string | null; amount: string; shard: number; rule_code: string | null }>(
    tx,
    sql`SELECT a.kind, a.owner_id, a.community_id, e.amount, e.shard, e.rule_code FROM ledger_entries e JOIN ledger_accounts a ON a.district_id = e.district_id AND a.id = e.account_id
        WHERE e.district_id = ${districtId} AND e.transaction_id = ${r.original}`,
  );
  const lines: Line[] = entries.map((e) => ({ kind: e.kind, ownerId: e.owner_id, communityId: e.community_id, amount: -toCents(e.amount), shard: e.shard, ruleCode: e.rule_code }));
  await writeLines(tx, districtId, [{ id, key: r.key, lines }], now);
  return { id, created: true };
}
