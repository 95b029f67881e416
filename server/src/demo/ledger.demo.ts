import { sql } from 'drizzle-orm';
import { createServices } from '../services.js';
import { queryRows, type Tx } from '../platform/db/client.js';
import { claimKeys, writeLines, type Header, type Line } from '../modules/ledger/ledger.post.js';
import { deduct } from '../modules/ledger/ledger.deduct.js';
import { deductionKey } from '../modules/ledger/ledger.subscriber.js';
import { toCents } from '../modules/ledger/ledger.amounts.js';
import { defaultRules } from '../modules/ledger/ledger.defaults.js';
import type { DemoStep } from './context.js';
import { streamRng } from './random.js';

/**
 * Verified services credited per page: small enough that a page seeded while the app is open
 * (seed.ts `finishDemoHistory`) holds its locks (and, embedded, the one connection) for well under
 * 100 ms on the full district (500 took 300–800 ms; 100 took 55–95 ms, and a user's request waiting
 * for the page in hand made their p99 124 ms in `bench:startup`; 50 take ~30–50 ms, p99 86 ms, the
 * history 116 s instead of 83); the same when seeded at once, so both ways give the same passbooks
 * (where a page ends decides what the caps cut — which is also why the size is not adapted to
 * whether anyone is using the app).
 */
export const DEMO_REPLAY_PAGE = 50;

/** Manual awards staff gave in the demo year: (rule, share of active volunteers, notes). */
const awards: [code: string, share: number, notes: string[]][] = [
  ['award.training', 0.2, ['参加急救知识培训', '参加志愿服务礼仪培训', '参加防诈骗宣传培训']],
  ['award.emergency', 0.05, ['参加防汛值守', '参加寒潮应急送暖']],
  ['award.organiser', 0.04, ['组织楼道清扫活动', '组织重阳节敬老活动']],
  ['award.suggestion', 0.02, ['建议增设楼道扶手被采纳', '建议设立周末义剪点被采纳']],
  ['award.district_honour', 0.005, ['获评年度区级优秀志愿者']],
  ['deduct.lateness', 0.01, ['多次迟到早退，经核实']],
];

/** Award postings written per page (each person's all in one page: a deduction takes what they had before it). */
const AWARD_PAGE = 300;

/**
 * The demo's time bank: every verified service of the year (orders and activities, as the volunteers
 * step recorded them) credited through the ledger's own crediting code — the rules in force on each
 * service day, the caps, a first-service bonus once — then the awards and deductions staff made.
 */
export const ledgerStep: DemoStep = {
  name: 'ledger',
  title: '时间银行 | the time bank',
  history: true,
  async run({ deps, plan, credited: replayed, inPage }) {
    const districtId = plan.regions.district.id;
    const ledger = createServices(deps).ledger;
    const credited = replayed ?? (await inPage((tx) => ledger.replayServices(districtId, { tx, pageSize: DEMO_REPLAY_PAGE })));
    const people = await inPage((tx) =>
      queryRows<{ account_id: string; community_id: string | null }>(tx, sql`SELECT account_id, community_id FROM volunteers WHERE district_id = ${districtId} AND status = 'active' ORDER BY account_id`),
    );
    const rng = streamRng(plan.seed, 'ledger.awards');
    const now = deps.clock.now();
    // everyone's awards, planned in one pass (the random stream's order), then written person by person
    const byPerson = new Map<string, { header: Header; lines: Line[] }[]>();
    for (const [code, share, notes] of awards) {
      const rule = defaultRules.find((r) => r.code === code)!;
      const points = toCents(rule.points);
      for (const p of people) {
        if (!rng.chance(share)) continue;
        const key = `award:demo:${code}:${p.account_id}`;
        const month = rng.int(1, 11);
        const header: Header = { key, kind: points > 0 ? 'earn' : 'adjust', source: 'rule', sourceId: null, memo: rng.pick(notes), effectiveOn: `2026-${String(month).padStart(2, '0')}-${String(rng.int(1, 27)).padStart(2, '0')}` };
        const lines: Line[] = [
          { kind: 'volunteer.points', ownerId: p.account_id, communityId: p.community_id, amount: points, ruleCode: code },
          { kind: 'community.points', ownerId: p.community_id ?? districtId, communityId: p.community_id, amount: -points, ruleCode: code },
        ];
        byPerson.set(p.account_id, [...(byPerson.get(p.account_id) ?? []), { header, lines }]);
      }
    }
    for (const group of pagesOf([...byPerson.values()], AWARD_PAGE)) {
      await inPage(async (tx) => {
        const postings = group.flat();
        // a page written before (a start cut short) claims nothing again
        const claimed = await claimKeys(tx, districtId, postings.map((p) => p.header), now);
        if (claimed.size === 0) return;
        // what the page's people had before their awards: a deduction never takes a balance below zero
        const owners = [...new Set(postings.map((p) => p.lines[0]!.ownerId))];
        const balance = new Map([...(await pointsOf(tx, districtId, owners))].map(([owner, b]) => [owner, toCents(b)]));
        const write = postings
          .filter((p) => claimed.has(p.header.key))
          .map((p) => {
            const take = p.lines[0]!.amount < 0 ? Math.min(-p.lines[0]!.amount, balance.get(p.lines[0]!.ownerId) ?? 0) : null;
            const lines = take === null ? p.lines : take === 0 ? [] : p.lines.map((l) => ({ ...l, amount: Math.sign(l.amount) * take }));
            return { id: claimed.get(p.header.key)!, key: p.header.key, lines };
          });
        await writeLines(tx, districtId, write, now);
      });
    }
    // the year's conduct incidents took their points, as the ledger's subscriber does (an annulled one gave them back); once each by key
    const deductions = await inPage(async (tx) => {
      const incidents = await queryRows<{ id: string; account_id: string; points: number; day: string; community_id: string | null }>(
        tx,
        sql`SELECT i.id, i.account_id, i.points, to_char(i.recorded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, v.community_id
            FROM conduct_incidents i JOIN volunteers v ON v.district_id = i.district_id AND v.account_id = i.account_id
            WHERE i.district_id = ${districtId} AND i.status <> 'annulled' AND i.points > 0 ORDER BY i.recorded_at`,
      );
      for (const i of incidents)
        await deduct(tx, districtId, { key: deductionKey('conduct', i.id, i.account_id), accountId: i.account_id, communityId: i.community_id, points: i.points * 100, ruleCode: 'conduct.incident', source: 'conduct', sourceId: i.id, memo: '', effectiveOn: i.day }, now);
      return incidents.length;
    });
    // the district's awards, those a start cut short wrote included
    const awarded = [...byPerson.values()].reduce((n, ps) => n + ps.length, 0);
    return { credited, awards: awarded, deductions };
  },
};

/** The ledger's size once the history is in (after the mall: a start cut short in between counts the same). */
export const ledgerTotalsStep: DemoStep = {
  name: 'ledger totals',
  title: '时间银行合计 | the time bank\'s totals',
  history: true,
  async run({ plan, inPage }) {
    const districtId = plan.regions.district.id;
    const [totals] = await inPage((tx) =>
      queryRows<{ entries: number; accounts: number }>(
        tx,
        sql`SELECT (SELECT count(*)::int FROM ledger_entries WHERE district_id = ${districtId}) AS entries, (SELECT count(*)::int FROM ledger_accounts WHERE district_id = ${districtId}) AS accounts`,
      ),
    );
    return { entries: totals!.entries, accounts: totals!.accounts };
  },
};

/** Groups in pages of about `size` items, a group never split (a person's postings stay together). */
export function pagesOf<T>(groups: readonly T[][], size: number): T[][][] {
  const pages: T[][][] = [];
  let page: T[][] = [];
  let n = 0;
  for (const g of groups) {
    if (n > 0 && n + g.length > size) {
      pages.push(page);
      page = [];
      n = 0;
    }
    page.push(g);
    n += g.length;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** People's points now (their `volunteer.points` balances, every shard), as the ledger writes them (a decimal string). */
export async function pointsOf(tx: Tx, districtId: string, owners: string[]): Promise<Map<string, string>> {
  const rows = await queryRows<{ owner_id: string; b: string }>(
    tx,
    sql`SELECT a.owner_id, sum(b.balance) AS b FROM ledger_accounts a JOIN ledger_balances b ON b.district_id = a.district_id AND b.account_id = a.id
        WHERE a.district_id = ${districtId} AND a.kind = 'volunteer.points' AND a.owner_id = ANY(${sql.param(owners)}::uuid[]) GROUP BY a.owner_id`,
  );
  return new Map(rows.map((r) => [r.owner_id, r.b]));
}
