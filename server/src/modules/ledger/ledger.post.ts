import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.js';
import { unnestRows } from '../../platform/db/arrays.js';
import { fromCents, type Cents } from './ledger.amounts.js';
import { accountUnit, mayRunNegative, shardsOf, type AccountKind, type PostingKind, type PostingSource } from './ledger.enums.js';
import { ledgerError } from './ledger.errors.js';
import { unbalancedUnits } from './ledger.policy.js';

/** One line of a posting: an amount (signed, in hundredths) on the account (kind, owner). */
export type Line = {
  kind: AccountKind;
  ownerId: string;
  amount: Cents;
  /** The community the account counts under, set when the account is opened. */
  communityId?: string | null;
  /** The points rule that made this line. */
  ruleCode?: string | null;
  /** The balance row to use on a sharded account (a hold is released from the shard it went to). */
  shard?: number;
};

export type Posting = {
  key: string;
  kind: PostingKind;
  source: PostingSource;
  sourceId?: string | null;
  memo?: string;
  /** The day it belongs to, YYYY-MM-DD (Asia/Shanghai). */
  effectiveOn: string;
  actorId?: string | null;
  reverses?: string | null;
  lines: Line[];
};

export type Posted = { id: string; created: boolean };

/** A stable shard for a key: the same hold always lands in, and leaves from, the same balance row. */
export function shardFor(key: string, shards: number): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) % shards;
}

type OpenedAccount = { id: string; kind: AccountKind; owner_id: string; shards: number; non_negative: boolean };

/** Rows per statement: columns travel as array parameters, so a chunk costs one parse and one plan. */
export const CHUNK = 5000;

/**
 * Opens the accounts these lines name (once: their (kind, owner) is unique) with their balance rows,
 * and returns them all. Concurrent first postings to the same new account meet at the unique key.
 */
export async function openAccounts(tx: DbOrTx, districtId: string, lines: readonly Pick<Line, 'kind' | 'ownerId' | 'communityId'>[]): Promise<Map<string, OpenedAccount>> {
  const wanted = new Map<string, Pick<Line, 'kind' | 'ownerId' | 'communityId'>>();
  for (const l of lines) if (!wanted.has(`${l.kind}:${l.ownerId}`)) wanted.set(`${l.kind}:${l.ownerId}`, l);
  const list = [...wanted.values()];
  const found = new Map<string, OpenedAccount>();
  for (let i = 0; i < list.length; i += CHUNK) {
    const chunk = list.slice(i, i + CHUNK);
    // joined through unnest, not `(kind, owner) IN (…)`: the unique index answers each pair
    const wanted_ = unnestRows('w', { kind: [chunk.map((l) => l.kind), 'text'], owner_id: [chunk.map((l) => l.ownerId), 'uuid'] });
    const lookup = sql`SELECT a.id, a.kind, a.owner_id, a.shards, a.non_negative FROM ${wanted_} JOIN ledger_accounts a ON a.district_id = ${districtId} AND a.kind = w.kind AND a.owner_id = w.owner_id`;
    let rows = await queryRows<OpenedAccount>(tx, lookup);
    if (rows.length < chunk.length) {
      const have = new Set(rows.map((r) => `${r.kind}:${r.owner_id}`));
      const missing = chunk.filter((l) => !have.has(`${l.kind}:${l.ownerId}`));
      const rows_ = unnestRows('m', {
        kind: [missing.map((l) => l.kind), 'text'],
        unit: [missing.map((l) => accountUnit[l.kind]), 'text'],
        owner_id: [missing.map((l) => l.ownerId), 'uuid'],
        community_id: [missing.map((l) => l.communityId ?? null), 'uuid'],
        non_negative: [missing.map((l) => !mayRunNegative(l.kind)), 'bool'],
        shards: [missing.map((l) => shardsOf(l.kind)), 'int2'],
      });
      const opened = await queryRows<{ id: string; shards: number; non_negative: boolean }>(
        tx,
        sql`INSERT INTO ledger_accounts (district_id, kind, unit, owner_id, community_id, non_negative, shards)
            SELECT ${districtId}::uuid, m.kind, m.unit, m.owner_id, m.community_id, m.non_negative, m.shards FROM ${rows_}
            ON CONFLICT (district_id, kind, owner_id) DO NOTHING RETURNING id, shards, non_negative`,
      );
      if (opened.length > 0) {
        const shards = opened.flatMap((a) => Array.from({ length: a.shards }, (_, s) => ({ id: a.id, s, nonNegative: a.non_negative })));
        const rows = unnestRows('o', { account_id: [shards.map((x) => x.id), 'uuid'], shard: [shards.map((x) => x.s), 'int2'], non_negative: [shards.map((x) => x.nonNegative), 'bool'] });
        await tx.execute(sql`INSERT INTO ledger_balances (district_id, account_id, shard, non_negative) SELECT ${districtId}::uuid, o.account_id, o.shard, o.non_negative FROM ${rows} ON CONFLICT DO NOTHING`);
      }
      rows = await queryRows<OpenedAccount>(tx, lookup);
    }
    for (const r of rows) found.set(`${r.kind}:${r.owner_id}`, r);
  }
  return found;
}

/** A posting's header, claimed before its lines are worked out (what a credit earns depends on whether it is new). */
export type Header = Omit<Posting, 'lines'>;

/**
 * Claims posting keys: inserts their transaction rows, `ON CONFLICT DO NOTHING` on the UNIQUE key, and
 * returns the ids of the new ones only. A key posted before — or being posted by a concurrent
 * transaction, which this one then waits for — is not returned: its lines are never written twice.
 */
export async function claimKeys(tx: DbOrTx, districtId: string, headers: readonly Header[], now: Date): Promise<Map<string, string>> {
  const claimed = new Map<string, string>();
  for (let i = 0; i < headers.length; i += CHUNK) {
    const chunk = headers.slice(i, i + CHUNK);
    const rows_ = unnestRows('h', {
      key: [chunk.map((h) => h.key), 'text'],
      kind: [chunk.map((h) => h.kind), 'text'],
      source: [chunk.map((h) => h.source), 'text'],
      source_id: [chunk.map((h) => h.sourceId ?? null), 'text'],
      memo: [chunk.map((h) => (h.memo ?? '').slice(0, 200)), 'text'],
      effective_on: [chunk.map((h) => h.effectiveOn), 'date'],
      actor_id: [chunk.map((h) => h.actorId ?? null), 'uuid'],
      reverses: [chunk.map((h) => h.reverses ?? null), 'uuid'],
    });
    const rows = await queryRows<{ id: string; key: string }>(
      tx,
      sql`INSERT INTO ledger_transactions (district_id, key, kind, source, source_id, memo, effective_on, actor_id, reverses, posted_at)
          SELECT ${districtId}::uuid, h.key, h.kind, h.source, h.source_id, h.memo, h.effective_on, h.actor_id, h.reverses, ${now}::timestamptz FROM ${rows_}
          ON CONFLICT (district_id, key) DO NOTHING RETURNING id, key`,
    );
    for (const r of rows) claimed.set(r.key, r.id);
  }
  return claimed;
}

/**
 * Writes the lines of claimed postings: the entries and the balances. Credits and issuing accounts
 * move by `balance + delta`; a debit of a non-negative account only `WHERE balance >= amount`, so
 * however many postings race, none takes an account below zero. A refused debit throws, and the
 * caller's transaction rolls back everything it wrote. Balance rows change in a fixed order (account,
 * shard), so concurrent postings never deadlock on them.
 */
export async function writeLines(tx: DbOrTx, districtId: string, postings: readonly { id: string; key: string; lines: readonly Line[] }[], now: Date): Promise<void> {
  for (const p of postings) {
    const off = unbalancedUnits(p.lines.map((l) => ({ unit: accountUnit[l.kind], amount: l.amount })));
    if (off.length > 0) throw new Error(`posting ${p.key} does not balance (${off.join(', ')})`);
  }
  const accounts = await openAccounts(tx, districtId, postings.flatMap((p) => p.lines));
  const placed = postings.flatMap((p) =>
    p.lines
      .filter((l) => l.amount !== 0)
      .map((line) => {
        const account = accounts.get(`${line.kind}:${line.ownerId}`)!;
        return { txnId: p.id, line, account, shard: line.shard ?? (account.shards > 1 ? shardFor(`${p.key}:${line.ownerId}`, account.shards) : 0) };
      }),
  );
  const moves = new Map<string, { account: OpenedAccount; shard: number; delta: Cents; kind: AccountKind }>();
  for (const p of placed) {
    const k = `${p.account.id}:${p.shard}`;
    const m = moves.get(k) ?? { account: p.account, shard: p.shard, delta: 0, kind: p.line.kind };
    m.delta += p.line.amount;
    moves.set(k, m);
  }
  const ordered = [...moves.values()].filter((m) => m.delta !== 0).sort((a, b) => (a.account.id === b.account.id ? a.shard - b.shard : a.account.id < b.account.id ? -1 : 1));
  // the balance rows are locked first, all of them in one order (account, shard): the credits go in one
  // statement and the debits one by one after, so without this a redemption (held credit, then the
  // volunteer's debit) and a cancellation (the volunteer's credit, then the held debit) could cross
  if (ordered.length > 1) {
    for (let i = 0; i < ordered.length; i += CHUNK) {
      const chunk = ordered.slice(i, i + CHUNK);
      const rows = unnestRows('w', { account_id: [chunk.map((m) => m.account.id), 'uuid'], shard: [chunk.map((m) => m.shard), 'int2'] });
      await tx.execute(sql`SELECT 1 FROM ${rows} JOIN ledger_balances b ON b.district_id = ${districtId} AND b.account_id = w.account_id AND b.shard = w.shard ORDER BY b.account_id, b.shard FOR UPDATE OF b`);
    }
  }
  const free = ordered.filter((m) => m.delta > 0 || !m.account.non_negative);
  for (let i = 0; i < free.length; i += CHUNK) {
    const chunk = free.slice(i, i + CHUNK);
    const values = unnestRows('v', { account_id: [chunk.map((m) => m.account.id), 'uuid'], shard: [chunk.map((m) => m.shard), 'int2'], delta: [chunk.map((m) => fromCents(m.delta)), 'numeric'] });
    await tx.execute(
      sql`UPDATE ledger_balances b SET balance = b.balance + v.delta FROM ${values}
          WHERE b.district_id = ${districtId} AND b.account_id = v.account_id AND b.shard = v.shard`,
    );
  }
  // debits of non-negative accounts: each row only `WHERE balance >= amount`; a row that did not move is refused
  const debits = ordered.filter((x) => x.delta < 0 && x.account.non_negative);
  for (let i = 0; i < debits.length; i += CHUNK) {
    const chunk = debits.slice(i, i + CHUNK);
    const values = unnestRows('v', { account_id: [chunk.map((m) => m.account.id), 'uuid'], shard: [chunk.map((m) => m.shard), 'int2'], amount: [chunk.map((m) => fromCents(-m.delta)), 'numeric'] });
    const taken = await queryRows<{ account_id: string; shard: number }>(
      tx,
      sql`UPDATE ledger_balances b SET balance = b.balance - v.amount FROM ${values}
          WHERE b.district_id = ${districtId} AND b.account_id = v.account_id AND b.shard = v.shard AND b.balance >= v.amount RETURNING b.account_id, b.shard`,
    );
    if (taken.length === chunk.length) continue;
    const moved = new Set(taken.map((t) => `${t.account_id}:${t.shard}`));
    const m = chunk.find((x) => !moved.has(`${x.account.id}:${x.shard}`))!;
    throw ledgerError(m.kind === 'withdrawal.held' || m.kind === 'provider.held' ? 'ledger.insufficient_held' : accountUnit[m.kind] === 'hours' ? 'ledger.insufficient_hours' : 'ledger.insufficient_points');
  }
  for (let i = 0; i < placed.length; i += CHUNK) {
    const chunk = placed.slice(i, i + CHUNK);
    const rows = unnestRows('e', {
      transaction_id: [chunk.map((p) => p.txnId), 'uuid'],
      account_id: [chunk.map((p) => p.account.id), 'uuid'],
      shard: [chunk.map((p) => p.shard), 'int2'],
      unit: [chunk.map((p) => accountUnit[p.line.kind]), 'text'],
      amount: [chunk.map((p) => fromCents(p.line.amount)), 'numeric'],
      rule_code: [chunk.map((p) => p.line.ruleCode ?? null), 'text'],
    });
    await tx.execute(
      sql`INSERT INTO ledger_entries (district_id, transaction_id, account_id, shard, unit, amount, rule_code, posted_at)
          SELECT ${districtId}::uuid, e.transaction_id, e.account_id, e.shard, e.unit, e.amount, e.rule_code, ${now}::timestamptz FROM ${rows}`,
    );
  }
}

/**
 * Posts a balanced set of lines once per key, in the caller's transaction. The same key sent again —
 * even at the same moment — returns the first posting and writes nothing.
 */
export async function post(tx: DbOrTx, districtId: string, posting: Posting, now: Date): Promise<Posted> {
  const off = unbalancedUnits(posting.lines.map((l) => ({ unit: accountUnit[l.kind], amount: l.amount })));
  if (off.length > 0) throw new Error(`posting ${posting.key} does not balance (${off.join(', ')})`);
  const { lines, ...header } = posting;
  const claimed = await claimKeys(tx, districtId, [header], now);
  const id = claimed.get(posting.key);
  if (!id) {
    const [existing] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM ledger_transactions WHERE district_id = ${districtId} AND key = ${posting.key}`);
    return { id: existing!.id, created: false };
  }
  await writeLines(tx, districtId, [{ id, key: posting.key, lines }], now);
  return { id, created: true };
}
