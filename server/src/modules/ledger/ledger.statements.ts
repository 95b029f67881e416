import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { queryRows } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import { regionWithin } from '../../platform/scope/scope.js';
import { toCents } from './ledger.amounts.js';
import type { LedgerDeps } from './ledger.deps.js';
import type { PostingKind, PostingSource, Unit } from './ledger.enums.js';
import { ledgerError } from './ledger.errors.js';

export type StatementLine = {
  transactionId: string;
  postedAt: string;
  effectiveOn: string;
  unit: Unit;
  amount: number;
  /** The account's balance after this line. */
  balance: number;
  kind: PostingKind;
  source: PostingSource;
  sourceId: string | null;
  memo: string;
  ruleCode: string | null;
  ruleName: string | null;
  ruleNameEn: string | null;
};
/**
 * `posted`: the lines as they were written, newest first (我的's latest lines: what just came in, a
 * deduction today for an activity of last week included); else in the order of the days they count
 * for, as a period's opening and closing are (the passbook).
 */
export type StatementQuery = { from?: string; to?: string; unit?: Unit; page?: number; pageSize?: number; order?: 'day' | 'posted' };
export type Statement = { accountId: string; from: string | null; to: string | null; opening: Record<Unit, number>; closing: Record<Unit, number>; total: number; items: StatementLine[] };

const cents = (v: string | null | undefined) => toCents(v ?? '0') / 100;

/**
 * Reading the ledger: a volunteer's statement (储蓄存折: every line with its source, its rule and the
 * balance after it), and the points issued, deducted and redeemed per community in a staff member's
 * subtree.
 */
export function ledgerStatements(deps: LedgerDeps) {
  return {
    /** A passbook statement for one person between two days (both included, Asia/Shanghai). */
    async statement(districtId: string, accountId: string, q: StatementQuery): Promise<Statement> {
      if (q.from && q.to && q.from > q.to) throw ledgerError('ledger.bad_period', { field: 'from' });
      const db = currentDb(deps.db);
      const pageSize = Math.min(q.pageSize ?? 50, 5000);
      const offset = ((q.page ?? 1) - 1) * pageSize;
      const within = sql`${q.from ? sql`AND l.effective_on >= ${q.from}::date` : sql``} ${q.to ? sql`AND l.effective_on <= ${q.to}::date` : sql``} ${q.unit ? sql`AND l.unit = ${q.unit}` : sql``}`;
      // a period's lines in the order of the day each counts for (its service's day, a redemption's),
      // as its opening and closing are: in posted order a service of July, credited late, sat between
      // two of December, and the balance column seemed to jump (39.93 h, then 11.18 h)
      const posted = q.order === 'posted';
      const running = sql.raw(posted ? 'e.posted_at, e.id' : 't.effective_on, e.posted_at, e.id');
      const orderDesc = sql.raw(posted ? 'l.posted_at DESC, l.id DESC' : 'l.effective_on DESC, l.posted_at DESC, l.id DESC');
      const lines = sql`SELECT e.transaction_id, e.posted_at, t.effective_on, e.unit, e.amount, e.rule_code, e.id, t.kind, t.source, t.source_id, t.memo,
                               sum(e.amount) OVER (PARTITION BY e.account_id ORDER BY ${running}) AS balance
                        FROM ledger_entries e
                        JOIN ledger_accounts a ON a.district_id = e.district_id AND a.id = e.account_id
                        JOIN ledger_transactions t ON t.district_id = e.district_id AND t.id = e.transaction_id
                        WHERE e.district_id = ${districtId} AND a.owner_id = ${accountId} AND a.kind IN ('volunteer.hours', 'volunteer.points')`;
      const [rows, [count], bounds] = await Promise.all([
        queryRows<{ transaction_id: string; posted_at: Date | string; effective_on: string; unit: Unit; amount: string; balance: string; rule_code: string | null; kind: PostingKind; source: PostingSource; source_id: string | null; memo: string }>(
          db,
          sql`SELECT l.* FROM (${lines}) l WHERE true ${within} ORDER BY ${orderDesc} LIMIT ${pageSize} OFFSET ${offset}`,
        ),
        queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (${lines}) l WHERE true ${within}`),
        queryRows<{ unit: Unit; opening: string | null; closing: string | null }>(
          db,
          sql`SELECT l.unit,
                     sum(l.amount) FILTER (WHERE ${q.from ? sql`l.effective_on < ${q.from}::date` : sql`false`}) AS opening,
                     sum(l.amount) FILTER (WHERE ${q.to ? sql`l.effective_on <= ${q.to}::date` : sql`true`}) AS closing
              FROM (${lines}) l GROUP BY l.unit`,
        ),
      ]);
      const names = await queryRows<{ code: string; name: string; name_en: string }>(db, sql`SELECT DISTINCT ON (code) code, name, name_en FROM points_rules WHERE district_id = ${districtId} ORDER BY code, effective_from DESC`);
      const ruleName = new Map(names.map((n) => [n.code, n]));
      const by = (u: Unit, k: 'opening' | 'closing') => cents(bounds.find((b) => b.unit === u)?.[k]);
      return {
        accountId,
        from: q.from ?? null,
        to: q.to ?? null,
        opening: { hours: by('hours', 'opening'), points: by('points', 'opening') },
        closing: { hours: by('hours', 'closing'), points: by('points', 'closing') },
        total: count?.n ?? 0,
        items: rows.map((r) => ({
          transactionId: r.transaction_id,
          postedAt: new Date(r.posted_at).toISOString(),
          effectiveOn: String(r.effective_on).slice(0, 10),
          unit: r.unit,
          amount: cents(r.amount),
          balance: cents(r.balance),
          kind: r.kind,
          source: r.source,
          sourceId: r.source_id,
          memo: r.memo,
          ruleCode: r.rule_code,
          ruleName: r.rule_code ? (ruleName.get(r.rule_code)?.name ?? null) : null,
          ruleNameEn: r.rule_code ? (ruleName.get(r.rule_code)?.name_en ?? null) : null,
        })),
      };
    },

    /** A volunteer's statement for staff over them (out of scope: 404 like missing); the read is audited. */
    async statementFor(actor: Actor, volunteerId: string, q: StatementQuery): Promise<Statement> {
      await deps.volunteers.detail(actor, volunteerId).catch(() => {
        throw ledgerError('ledger.not_volunteer');
      });
      await deps.audit.record(actor, { action: 'ledger.passbook.read', objectType: 'volunteer', objectId: volunteerId, details: { from: q.from ?? null, to: q.to ?? null } });
      return this.statement(actor.districtId, volunteerId, q);
    },

    /**
     * Per community in the caller's subtree: points issued (earned by its volunteers), deducted back,
     * redeemed at its mall (confirmed), outstanding in its volunteers' passbooks; hours deposited.
     */
    async communities(actor: Actor, q: { from?: string; to?: string }) {
      const rows = await queryRows<{ community_id: string; name: string; issued: string | null; deducted: string | null; hours: string | null; outstanding: string | null; redeemed: string | null }>(
        currentDb(deps.db),
        sql`WITH c AS (SELECT id, name FROM regions WHERE district_id = ${actor.districtId} AND type = 'community' AND ${regionWithin(sql`regions.id`, actor.regionPath)}),
             flows AS (
               SELECT a.community_id,
                      sum(-e.amount) FILTER (WHERE a.kind = 'community.points' AND e.amount < 0) AS issued,
                      sum(e.amount) FILTER (WHERE a.kind = 'community.points' AND e.amount > 0) AS deducted,
                      sum(-e.amount) FILTER (WHERE a.kind = 'community.hours') AS hours,
                      sum(e.amount) FILTER (WHERE a.kind = 'provider.points') AS redeemed
               FROM ledger_entries e JOIN ledger_accounts a ON a.district_id = e.district_id AND a.id = e.account_id
               JOIN ledger_transactions t ON t.district_id = e.district_id AND t.id = e.transaction_id
               WHERE e.district_id = ${actor.districtId} AND a.kind IN ('community.points', 'community.hours', 'provider.points')
                 ${q.from ? sql`AND t.effective_on >= ${q.from}::date` : sql``} ${q.to ? sql`AND t.effective_on <= ${q.to}::date` : sql``}
               GROUP BY a.community_id),
             held AS (
               SELECT a.community_id, sum(b.balance) AS outstanding FROM ledger_accounts a JOIN ledger_balances b ON b.district_id = a.district_id AND b.account_id = a.id
               WHERE a.district_id = ${actor.districtId} AND a.kind = 'volunteer.points' GROUP BY a.community_id)
             SELECT c.id AS community_id, c.name, f.issued, f.deducted, f.hours, f.redeemed, h.outstanding
             FROM c LEFT JOIN flows f ON f.community_id = c.id LEFT JOIN held h ON h.community_id = c.id ORDER BY c.name`,
      );
      return rows.map((r) => ({ communityId: r.community_id, name: r.name, pointsIssued: cents(r.issued), pointsDeducted: cents(r.deducted), pointsRedeemed: cents(r.redeemed), pointsOutstanding: cents(r.outstanding), hoursDeposited: cents(r.hours) }));
    },
  };
}
