import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.js';
import { fromCents, toCents, type Cents } from './ledger.amounts.js';
import { capped, earnings, roomUnderCaps, rulesOn, type RuleVersion } from './ledger.policy.js';
import { arrayOf, unnestRows } from '../../platform/db/arrays.js';
import { CHUNK, claimKeys, writeLines, type Header, type Line } from './ledger.post.js';

/** A verified service (志愿服务记录), as the volunteers' record writes it: what crediting turns into entries. */
export type VerifiedService = {
  accountId: string;
  /** The volunteer's community: its hours and points are issued from there (the district's own accounts if none). */
  communityId: string | null;
  source: 'order' | 'activity';
  sourceId: string;
  title: string;
  servedOn: string;
  hours: string;
  rating?: number | null;
  severity?: string | null;
  themed?: boolean | null;
};

export type CreditContext = { rules: RuleVersion[]; caps: { daily: Cents | null; monthly: Cents | null } };

export const earnKey = (s: Pick<VerifiedService, 'source' | 'sourceId' | 'accountId'>) => `earn:${s.source}:${s.sourceId}:${s.accountId}`;
export const firstServiceKey = (accountId: string) => `first:${accountId}`;

/**
 * Credits verified services: for each, once (its key), the hours into the volunteer's passbook and the
 * points the district's rules in force on the service day give, cut to the caps; a new volunteer's
 * first service brings its bonus once. Set-based, so the demo's year of service goes through this same
 * code. Hours of a time-bank order (服务换服务) are paid from what the requester's withdrawal holds, the
 * rest issued by the community. Returns how many services were new.
 */
export async function creditServices(tx: DbOrTx, districtId: string, facts: readonly VerifiedService[], ctx: CreditContext, now: Date): Promise<number> {
  if (facts.length === 0) return 0;
  const issuer = (f: { communityId: string | null }) => f.communityId ?? districtId;
  const firstRule = (day: string) => rulesOn(ctx.rules, day).find((r) => r.trigger === 'firstService' && r.points > 0);
  const firstDay = new Map<string, VerifiedService>();
  for (const f of [...facts].sort((a, b) => a.servedOn.localeCompare(b.servedOn))) if (!firstDay.has(f.accountId)) firstDay.set(f.accountId, f);

  const headers: Header[] = facts.map((f) => ({ key: earnKey(f), kind: 'earn', source: f.source, sourceId: f.sourceId, memo: f.title, effectiveOn: f.servedOn }));
  for (const [accountId, f] of firstDay) if (firstRule(f.servedOn)) headers.push({ key: firstServiceKey(accountId), kind: 'earn', source: 'rule', sourceId: accountId, memo: f.title, effectiveOn: f.servedOn });
  const claimed = await claimKeys(tx, districtId, headers, now);
  const fresh = facts.filter((f) => claimed.has(earnKey(f))).sort((a, b) => a.servedOn.localeCompare(b.servedOn));
  const firsts = [...firstDay.values()].filter((f) => claimed.has(firstServiceKey(f.accountId)));
  if (fresh.length === 0 && firsts.length === 0) return 0;

  const room = await capsRoom(tx, districtId, [...fresh, ...firsts], ctx);
  const held = await heldForOrders(tx, districtId, fresh.filter((f) => f.source === 'order').map((f) => f.sourceId));
  const postings: { id: string; key: string; lines: Line[] }[] = [];
  const points = (f: VerifiedService, ruleCode: string, amount: Cents): Line[] => [
    { kind: 'volunteer.points', ownerId: f.accountId, communityId: f.communityId, amount, ruleCode },
    { kind: 'community.points', ownerId: issuer(f), communityId: f.communityId, amount: -amount, ruleCode },
  ];
  for (const f of fresh) {
    const hours = toCents(f.hours);
    const fromHold = f.source === 'order' ? Math.min(hours, held.get(f.sourceId) ?? 0) : 0;
    if (fromHold > 0) held.set(f.sourceId, held.get(f.sourceId)! - fromHold);
    const lines: Line[] = [
      { kind: 'volunteer.hours', ownerId: f.accountId, communityId: f.communityId, amount: hours },
      { kind: 'withdrawal.held', ownerId: f.sourceId, amount: -fromHold, shard: 0 },
      { kind: 'community.hours', ownerId: issuer(f), communityId: f.communityId, amount: -(hours - fromHold) },
    ];
    for (const e of room.take(f, earnings({ hours, rating: f.rating, severity: f.severity, themed: f.themed }, rulesOn(ctx.rules, f.servedOn)))) lines.push(...points(f, e.ruleCode, e.points));
    postings.push({ id: claimed.get(earnKey(f))!, key: earnKey(f), lines: lines.filter((l) => l.amount !== 0) });
  }
  for (const f of firsts) {
    const rule = firstRule(f.servedOn)!;
    const lines = room.take(f, [{ ruleCode: rule.code, points: rule.points }]).flatMap((e) => points(f, e.ruleCode, e.points));
    postings.push({ id: claimed.get(firstServiceKey(f.accountId))!, key: firstServiceKey(f.accountId), lines });
  }
  await writeLines(tx, districtId, postings, now);
  await room.save();
  return fresh.length;
}

/** Hours still held for these time-bank orders, their balance rows locked until the transaction ends. */
async function heldForOrders(tx: DbOrTx, districtId: string, needIds: readonly string[]): Promise<Map<string, Cents>> {
  const held = new Map<string, Cents>();
  if (needIds.length === 0) return held;
  for (let i = 0; i < needIds.length; i += CHUNK) {
    const ids = arrayOf(needIds.slice(i, i + CHUNK), 'uuid');
    const rows = await queryRows<{ owner_id: string; balance: string }>(
      tx,
      sql`SELECT a.owner_id, b.balance FROM ledger_balances b JOIN ledger_accounts a ON a.district_id = b.district_id AND a.id = b.account_id
          WHERE a.district_id = ${districtId} AND a.kind = 'withdrawal.held' AND a.owner_id = ANY(${ids}) FOR UPDATE OF b`,
    );
    for (const r of rows) held.set(r.owner_id, (held.get(r.owner_id) ?? 0) + toCents(r.balance));
  }
  return held;
}

/**
 * What the caps leave each volunteer: the day's and month's earned rows locked (`FOR UPDATE`) for the
 * transaction, counted forward in memory as this batch earns, and written back once.
 */
async function capsRoom(tx: DbOrTx, districtId: string, facts: readonly VerifiedService[], ctx: CreditContext) {
  const earned = new Map<string, Cents>();
  const capped_ = ctx.caps.daily !== null || ctx.caps.monthly !== null;
  const periodsOf = (f: VerifiedService) => [`${f.accountId}|${f.servedOn}`, `${f.accountId}|${f.servedOn.slice(0, 7)}`];
  if (capped_) {
    const keys = [...new Set(facts.flatMap(periodsOf))].map((k) => k.split('|') as [string, string]);
    for (let i = 0; i < keys.length; i += CHUNK) {
      const chunk = keys.slice(i, i + CHUNK);
      // joined through unnest, not `(account, period) IN (…)`: the primary key answers each pair
      const pairs = unnestRows('w', { account_id: [chunk.map(([a]) => a), 'uuid'], period: [chunk.map(([, p]) => p), 'text'] });
      await tx.execute(sql`INSERT INTO points_earned (district_id, account_id, period) SELECT ${districtId}::uuid, w.account_id, w.period FROM ${pairs} ON CONFLICT DO NOTHING`);
      const rows = await queryRows<{ account_id: string; period: string; earned: string }>(
        tx,
        sql`SELECT e.account_id, e.period, e.earned FROM ${pairs} JOIN points_earned e ON e.district_id = ${districtId} AND e.account_id = w.account_id AND e.period = w.period
            ORDER BY e.account_id, e.period FOR UPDATE OF e`,
      );
      for (const r of rows) earned.set(`${r.account_id}|${r.period}`, toCents(r.earned));
    }
  }
  const changed = new Set<string>();
  return {
    take<T extends { points: Cents }>(f: VerifiedService, lines: readonly T[]): T[] {
      if (!capped_) return [...lines];
      const [day, month] = periodsOf(f);
      const out = capped(lines, roomUnderCaps(ctx.caps, { day: earned.get(day!) ?? 0, month: earned.get(month!) ?? 0 }));
      const sum = out.reduce((s, l) => s + l.points, 0);
      for (const k of [day!, month!]) {
        earned.set(k, (earned.get(k) ?? 0) + sum);
        changed.add(k);
      }
      return out;
    },
    async save() {
      const list = [...changed];
      for (let i = 0; i < list.length; i += CHUNK) {
        const chunk = list.slice(i, i + CHUNK).map((k) => k.split('|') as [string, string]);
        const values = unnestRows('v', { account_id: [chunk.map(([a]) => a), 'uuid'], period: [chunk.map(([, p]) => p), 'text'], earned: [chunk.map(([a, p]) => fromCents(earned.get(`${a}|${p}`)!)), 'numeric'] });
        await tx.execute(sql`UPDATE points_earned e SET earned = v.earned FROM ${values} WHERE e.district_id = ${districtId} AND e.account_id = v.account_id AND e.period = v.period`);
      }
    },
  };
}
