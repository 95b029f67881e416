import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { queryRows, type DbOrTx } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Subscriber } from '../../platform/events/outbox.js';
import { fromCents, toCents, type Cents } from './ledger.amounts.js';
import type { LedgerDeps } from './ledger.deps.js';
import type { WithdrawalFor, WithdrawalState } from './ledger.enums.js';
import { ledgerError } from './ledger.errors.js';
import { post } from './ledger.post.js';
import { timeBankWithdrawals } from './ledger.table.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

export type WithdrawalInput = {
  forWhom: WithdrawalFor;
  beneficiaryName?: string;
  relation?: string;
  beneficiaryPhone?: string;
  categoryId: string;
  title: string;
  description: string;
  regionId: string;
  address?: string;
  wantedFrom?: string;
  wantedTo?: string;
  hours: number;
  /** Sent again with a retry (a double tap, a lost answer): one need, one hold. */
  requestKey?: string;
};

export const holdKey = (needId: string) => `withdraw-hold:${needId}`;
export const returnKey = (needId: string) => `withdraw-return:${needId}`;

/** The most hours one withdrawal may spend (a service of a few days, not a year's savings at once). */
const MAX_HOURS = 100;

type Row = typeof timeBankWithdrawals.$inferSelect;

/**
 * Time-bank withdrawals (服务换服务): an active volunteer spends hours from their passbook on a service
 * need for themselves or a family member. The need goes through the needs' own intake (the same
 * checks as a resident's 点单) and, in its transaction, the hours move from the passbook into the
 * need's hold — refused if they are not there. Crediting pays the need's servers from the hold
 * (ledger.credit.ts); when the need closes, what is left goes back, and all of it if it is cancelled,
 * rejected or merged: each once, by its key.
 */
export function ledgerWithdrawals(deps: LedgerDeps) {
  const view = async (districtId: string, rows: readonly Row[]) => {
    const needs = await deps.needs.summaries(districtId, rows.map((r) => r.needId));
    return rows.map((r) => {
      const need = needs.get(r.needId);
      return {
        needId: r.needId,
        number: need?.number ?? '',
        title: need?.title ?? '',
        needStatus: need?.status ?? 'submitted',
        regionName: need?.regionName ?? '',
        address: need?.address ?? null,
        forWhom: r.forWhom as WithdrawalFor,
        beneficiaryName: r.beneficiaryName,
        relation: r.relation,
        beneficiaryPhone: r.beneficiaryPhone,
        hours: toCents(r.hours) / 100,
        state: r.status as WithdrawalState,
        paid: r.paid === null ? null : toCents(r.paid) / 100,
        returned: r.returned === null ? null : toCents(r.returned) / 100,
        createdAt: r.createdAt.toISOString(),
        settledAt: r.settledAt?.toISOString() ?? null,
      };
    });
  };

  /** Hours still held for a need, its balance row locked until the transaction ends. */
  async function heldFor(tx: DbOrTx, districtId: string, needId: string): Promise<Cents> {
    const rows = await queryRows<{ balance: string }>(
      tx,
      sql`SELECT b.balance FROM ledger_balances b JOIN ledger_accounts a ON a.district_id = b.district_id AND a.id = b.account_id
          WHERE a.district_id = ${districtId} AND a.kind = 'withdrawal.held' AND a.owner_id = ${needId} FOR UPDATE OF b`,
    );
    return rows.reduce((s, r) => s + toCents(r.balance), 0);
  }

  /** Settles a withdrawal when its need ends: what is still held goes back to the volunteer, once. */
  async function settle(tx: DbOrTx, districtId: string, needId: string, actorId: string | null) {
    const [w] = await tx
      .select()
      .from(timeBankWithdrawals)
      .where(and(eq(timeBankWithdrawals.districtId, districtId), eq(timeBankWithdrawals.needId, needId)))
      .for('update');
    if (!w || w.status !== 'held') return;
    const left = await heldFor(tx, districtId, needId);
    const now = deps.clock.now();
    if (left > 0) {
      await post(tx, districtId, {
        key: returnKey(needId), kind: 'reverse', source: 'withdrawal', sourceId: needId, memo: '', effectiveOn: shanghaiDay(now), actorId,
        lines: [
          { kind: 'withdrawal.held', ownerId: needId, amount: -left, shard: 0 },
          { kind: 'volunteer.hours', ownerId: w.accountId, amount: left },
        ],
      }, now);
    }
    const paid = toCents(w.hours) - left;
    await tx
      .update(timeBankWithdrawals)
      .set({ status: paid > 0 ? 'paid' : 'returned', paid: fromCents(paid), returned: fromCents(left), settledAt: now })
      .where(and(eq(timeBankWithdrawals.districtId, districtId), eq(timeBankWithdrawals.needId, needId)));
  }

  /** One of my withdrawals (someone else's: 404 like missing), with what its hold has now. */
  async function withdrawal(actor: Actor, needId: string) {
    const db = currentDb(deps.db);
    const [row] = await db
      .select()
      .from(timeBankWithdrawals)
      .where(and(eq(timeBankWithdrawals.districtId, actor.districtId), eq(timeBankWithdrawals.needId, needId), eq(timeBankWithdrawals.accountId, actor.accountId)));
    if (!row) throw ledgerError('ledger.withdrawal_not_found');
    const [held] = await queryRows<{ balance: string | null }>(
      db,
      sql`SELECT sum(b.balance) AS balance FROM ledger_balances b JOIN ledger_accounts a ON a.district_id = b.district_id AND a.id = b.account_id
          WHERE a.district_id = ${actor.districtId} AND a.kind = 'withdrawal.held' AND a.owner_id = ${needId}`,
    );
    const [item] = await view(actor.districtId, [row]);
    return { ...item!, heldNow: toCents(held?.balance ?? '0') / 100 };
  }

  const subscriber: Subscriber = {
    name: 'ledger.withdrawals',
    // a need ends: closed after its rating, confirmed, cancelled, rejected or merged into another
    types: ['needs.close', 'needs.confirm', 'needs.cancel', 'needs.reject', 'needs.merge'],
    handle: (tx, event) => settle(tx, event.districtId, event.subjectId, event.actorId),
  };

  return {
    withdrawalsSubscriber: subscriber,

    /** Spends hours on a service need (服务换服务): the need and the hold in one transaction. */
    async withdraw(actor: Actor, input: WithdrawalInput) {
      deps.volunteers.requireActive(actor);
      let cents: Cents;
      try {
        cents = toCents(String(input.hours));
      } catch {
        throw ledgerError('ledger.bad_amount', { field: 'hours' });
      }
      if (cents <= 0 || cents > MAX_HOURS * 100) throw ledgerError('ledger.bad_amount', { field: 'hours' });
      const family = input.forWhom === 'family';
      const name = input.beneficiaryName?.trim() ?? '';
      const relation = input.relation?.trim() ?? '';
      if (family && !name) throw ledgerError('ledger.beneficiary_required', { field: 'beneficiaryName' });
      if (family && !relation) throw ledgerError('ledger.beneficiary_required', { field: 'relation' });
      const need = await deps.needs.create(
        actor,
        {
          kind: 'serviceRequest', categoryId: input.categoryId, title: input.title, description: input.description, regionId: input.regionId, address: input.address, wantedFrom: input.wantedFrom, wantedTo: input.wantedTo,
          // the need's own idempotency key: a repeat answers the need (and the hold) the first attempt made
          idempotencyKey: input.requestKey ? `withdraw-${input.requestKey}` : undefined,
        },
        {
          selfService: true,
          requester: family ? { name, phone: input.beneficiaryPhone ?? null } : undefined,
          within: async (tx, row) => {
            const now = deps.clock.now();
            await tx.insert(timeBankWithdrawals).values({
              districtId: actor.districtId, needId: row.id, accountId: actor.accountId, hours: fromCents(cents), forWhom: input.forWhom,
              beneficiaryName: family ? name : actor.name, relation: family ? relation : null, beneficiaryPhone: family ? (input.beneficiaryPhone ?? null) : null, createdAt: now,
            });
            try {
              await post(tx, actor.districtId, {
                key: holdKey(row.id), kind: 'spend', source: 'withdrawal', sourceId: row.id, memo: row.title, effectiveOn: shanghaiDay(now), actorId: actor.accountId,
                lines: [
                  { kind: 'volunteer.hours', ownerId: actor.accountId, amount: -cents },
                  { kind: 'withdrawal.held', ownerId: row.id, amount: cents, shard: 0 },
                ],
              }, now);
            } catch (err) {
              if (err instanceof AppError && err.code === 'ledger.insufficient_hours') throw ledgerError('ledger.insufficient_hours', { field: 'hours' });
              throw err;
            }
            await deps.audit.record(actor, { action: 'ledger.withdraw', objectType: 'need', objectId: row.id, regionId: row.regionId, details: { hours: fromCents(cents), forWhom: input.forWhom } });
          },
        },
      );
      return withdrawal(actor, need.id);
    },

    /** My withdrawals, newest first, with their state. */
    async myWithdrawals(actor: Actor) {
      const rows = await currentDb(deps.db)
        .select()
        .from(timeBankWithdrawals)
        .where(and(eq(timeBankWithdrawals.districtId, actor.districtId), eq(timeBankWithdrawals.accountId, actor.accountId)))
        .orderBy(desc(timeBankWithdrawals.createdAt))
        .limit(200);
      return view(actor.districtId, rows);
    },

    withdrawal,
  };
}
