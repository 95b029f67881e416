import type { PlatformDeps } from '../platform/deps.js';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../platform/db/client.js';
import { claimKeys, writeLines, shardFor, type Header, type Line } from '../modules/ledger/ledger.post.js';
import { shardsOf } from '../modules/ledger/ledger.enums.js';
import { CODE_ALPHABET, CODE_LENGTH, type MallCategory, type RedemptionStatus } from '../modules/mall/mall.policy.js';
import { EXPIRE_JOB } from '../modules/mall/mall.redeem.js';
import { createSink, type ColumnSpec, type Row } from './bulk.js';
import type { DemoStep, DistrictPlan, HistoryContext } from './context.js';
import { demoUuid } from './identity.js';
import { pointsOf } from './ledger.demo.js';
import { streamRng, type Rng } from './random.js';
import { shanghaiDay } from '../platform/clock/clock.js';

const DAY = 86_400_000;

/** What a community offers (积分四换), and what partner units do. */
const communityItems: [MallCategory, string, number, string][] = [
  ['service', '上门理发一次', 30, '社区理发志愿队上门服务'],
  ['training', '智能手机使用培训', 20, '每周六上午，社区党群服务中心'],
  ['venue', '活动室使用两小时', 40, '社区活动室，可办生日会、兴趣小组活动'],
  ['goods', '洗衣液一瓶', 25, '2 升装'],
  ['goods', '大米一袋', 50, '5 公斤装'],
];
const partnerItems: [MallCategory, string, number, string][] = [
  ['service', '免费体检一次', 80, '凭取货码到单位服务窗口预约'],
  ['training', '急救知识培训', 30, '心肺复苏与 AED 使用'],
  ['goods', '定制保温杯', 40, '单位工会赠送'],
  ['venue', '会议室半天', 60, '工作日可预约'],
];

type Item = { id: string; regionId: string; unitId: string | null; owner: string; by: string; community: string | null; name: string; price: number; stock: number; limit: number };

/** Status by weight: most picked up, some waiting, some called off, some left to expire. */
function fate(rng: Rng): RedemptionStatus {
  return rng.weighted(['confirmed', 'pending', 'cancelled', 'expired'] as const, [45, 20, 20, 15]);
}

function code(rng: Rng, taken: Set<string>): string {
  for (;;) {
    let c = '';
    for (let i = 0; i < CODE_LENGTH; i++) c += CODE_ALPHABET[rng.int(0, CODE_ALPHABET.length - 1)];
    if (!taken.has(c)) return taken.add(c), c;
  }
}

/**
 * Redemptions written per page while the app is open, each with everything that goes with it (its
 * expiry job, the shelf's stock, who holds what, its postings): one short transaction.
 */
const REDEMPTION_PAGE = 150;

export type Planned = { row: Row<typeof redemptionColumns>; job?: Row<typeof jobColumns>; postings: { header: Header; lines: Line[] }[]; holds: boolean };

/**
 * The demo's redemptions: volunteers with points (the ledger step's crediting) redeem items of their
 * community and of partner units, within their balance and each item's per-person limit, over the
 * past two months, in every state. Posted through the ledger's own `claimKeys` and `writeLines` in
 * pages — the same hold, release, payment and refund lines a redemption makes through the API.
 * Planned from the balances before any redemption and the stock as put up (what a start cut short
 * posted is added back), so a second run plans the same redemptions; each page writes only the
 * redemptions not yet there, and with each its job, the stock it took, the holder's count and its
 * postings — so a page cut short never leaves a redemption half written, and a run again adds nothing
 * twice. The shelves' stock moves by what each page's redemptions take (never set outright): a
 * visitor who redeemed while the history was still written keeps what she took.
 */
export async function seedRedemptions(ctx: Pick<HistoryContext, 'inPage' | 'plan'> & { deps: Pick<PlatformDeps, 'clock'> }, items: Item[]): Promise<Record<string, number>> {
  const { inPage, plan } = ctx;
  const districtId = plan.regions.district.id;
  const rng = streamRng(plan.seed, 'mall:redemptions');
  const now = ctx.deps.clock.now().getTime();
  const { balances, spent, people: active } = await inPage(async (tx) => ({
    // plain reads joined here: inside the seed's one transaction the tables have no statistics yet,
    // and the planner joined the three of them by nested loops over 400,000 entries' accounts (34 s)
    balances: await queryRows<{ id: string; owner_id: string; points: string }>(
      tx,
      sql`SELECT a.id, a.owner_id, sum(b.balance) AS points FROM ledger_accounts a JOIN ledger_balances b ON b.district_id = a.district_id AND b.account_id = a.id
          WHERE a.district_id = ${districtId} AND a.kind = 'volunteer.points' GROUP BY a.id, a.owner_id`,
    ),
    // what redemptions a start cut short posted did to each account (by the source's index: none on a first run)
    spent: await queryRows<{ account_id: string; amount: string }>(
      tx,
      sql`SELECT e.account_id, sum(e.amount) AS amount FROM ledger_transactions t JOIN ledger_entries e ON e.district_id = t.district_id AND e.transaction_id = t.id
          WHERE t.district_id = ${districtId} AND t.source = 'redemption' GROUP BY e.account_id`,
    ),
    people: await queryRows<{ account_id: string; community_id: string }>(tx, sql`SELECT account_id, community_id FROM volunteers WHERE district_id = ${districtId} AND status = 'active' ORDER BY account_id`),
  }));
  const spentBy = new Map(spent.map((x) => [x.account_id, Number(x.amount)]));
  const pointsOf = new Map<string, number>();
  for (const b of balances) pointsOf.set(b.owner_id, (pointsOf.get(b.owner_id) ?? 0) + Number(b.points) - (spentBy.get(b.id) ?? 0));
  const people = active.filter((p) => (pointsOf.get(p.account_id) ?? 0) >= 20).map((p) => ({ ...p, points: pointsOf.get(p.account_id)! }));
  const byCommunity = new Map<string, Item[]>();
  const everywhere = items.filter((i) => i.unitId !== null);
  for (const i of items) if (i.unitId === null) byCommunity.set(i.regionId, [...(byCommunity.get(i.regionId) ?? []), i]);
  const target = Math.min(4000, Math.max(200, Math.round(plan.sizes.people / 5)));
  const planned: Planned[] = [];
  const taken = new Map<string, number>(); // item:account → held now (pending or picked up)
  const out = new Map<string, number>(); // item → stock taken
  const codes = new Set<string>();
  const counts: Record<RedemptionStatus, number> = { pending: 0, confirmed: 0, cancelled: 0, expired: 0 };
  for (const p of people) {
    if (planned.length >= target) break;
    let left = Math.floor(p.points) * 0.6; // they keep some points
    const choice = [...(byCommunity.get(p.community_id) ?? []), ...everywhere];
    for (let tries = 0; tries < 4 && planned.length < target; tries++) {
      const item = rng.pick(choice);
      const k = `${item.id}:${p.account_id}`;
      const qty = 1;
      const cost = item.price * qty;
      if (cost > left || (taken.get(k) ?? 0) + qty > item.limit || (out.get(item.id) ?? 0) + qty > item.stock) continue;
      const status = fate(rng);
      const id = demoUuid(plan.seed, `mall:redemption:${planned.length}`);
      const createdAt = status === 'pending' ? now - rng.int(0, 5 * DAY) : now - rng.int(8 * DAY, 60 * DAY);
      const expiresAt = createdAt + 7 * DAY;
      const settledAt = status === 'pending' ? null : status === 'expired' ? expiresAt : createdAt + rng.int(3_600_000, 6 * DAY);
      const holds = status === 'pending' || status === 'confirmed';
      left -= cost;
      if (holds) {
        taken.set(k, (taken.get(k) ?? 0) + qty);
        out.set(item.id, (out.get(item.id) ?? 0) + qty);
      }
      counts[status]++;
      const row = {
        district_id: districtId, id, item_id: item.id, account_id: p.account_id, quantity: qty, points: cost, request_key: `demo-${id}`, code: code(rng, codes), status,
        expires_at: new Date(expiresAt).toISOString(), created_at: new Date(createdAt).toISOString(), settled_at: settledAt ? new Date(settledAt).toISOString() : null, settled_by: status === 'confirmed' ? item.by : status === 'cancelled' ? p.account_id : null,
      };
      const job = status === 'pending' ? { district_id: districtId, name: EXPIRE_JOB, key: id, run_at: new Date(expiresAt).toISOString(), payload: JSON.stringify({ redemptionId: id }) } : undefined;
      const amount = cost * 100;
      const shard = shardFor(id, shardsOf('provider.held'));
      const head = (key: string, kind: Header['kind'], at: number) => ({ key, kind, source: 'redemption' as const, sourceId: id, memo: item.name, effectiveOn: shanghaiDay(new Date(at)), actorId: null });
      const postings = [{ header: head(`redeem:${id}`, 'spend', createdAt), lines: [{ kind: 'volunteer.points', ownerId: p.account_id, amount: -amount }, { kind: 'provider.held', ownerId: item.owner, amount, shard, communityId: item.community }] as Line[] }];
      if (status === 'confirmed')
        postings.push({ header: head(`redeem-confirm:${id}`, 'spend', settledAt!), lines: [{ kind: 'provider.held', ownerId: item.owner, amount: -amount, shard }, { kind: 'provider.points', ownerId: item.owner, amount, communityId: item.community }] });
      if (status === 'cancelled' || status === 'expired')
        postings.push({
          header: head(`redeem-${status === 'cancelled' ? 'cancel' : 'expire'}:${id}`, status === 'cancelled' ? 'reverse' : 'expire', settledAt!),
          lines: [{ kind: 'provider.held', ownerId: item.owner, amount: -amount, shard }, { kind: 'volunteer.points', ownerId: p.account_id, amount }],
        });
      planned.push({ row, job, postings, holds });
    }
  }
  const at = new Date(now);
  const limitOf = new Map(items.map((i) => [i.id, i.limit]));
  for (let i = 0; i < planned.length; i += REDEMPTION_PAGE)
    await inPage(async (tx) => {
      const page = await stillPossible(tx, districtId, planned.slice(i, i + REDEMPTION_PAGE), limitOf);
      if (page.length === 0) return; // written by a start cut short
      const rows = createSink(tx, 'mall_redemptions', redemptionColumns, { skipExisting: true, returning: 'id' });
      for (const r of page) rows.push(r.row);
      const fresh = new Set(await rows.flush());
      const mine = page.filter((r) => fresh.has(r.row.id as string));
      if (mine.length === 0) return; // written by a start cut short
      const jobs = createSink(tx, 'jobs', jobColumns, { skipExisting: true });
      for (const r of mine) if (r.job) jobs.push(r.job);
      await jobs.flush();
      await takeFromShelves(tx, districtId, mine.filter((r) => r.holds).map((r) => r.row));
      // the ledger: keys claimed, then the lines of the claimed ones, in order (a hold before its release)
      const postings = mine.flatMap((r) => r.postings);
      const claimed = await claimKeys(tx, districtId, postings.map((p) => p.header), at);
      await writeLines(tx, districtId, postings.filter((p) => claimed.has(p.header.key)).map((p) => ({ id: claimed.get(p.header.key)!, key: p.header.key, lines: p.lines })), at);
    });
  return { mallRedemptions: planned.length, ...Object.fromEntries(Object.entries(counts).map(([s, n]) => [`mallRedemptions.${s}`, n])) };
}

/**
 * Of a page's planned redemptions, those not written yet that are still possible. The shelves are up
 * from the app's first page on, so a visitor may have redeemed while the history ran, spending points,
 * stock or a per-person limit the plan counted on: a redemption no longer possible is left out whole
 * (row, job, stock, count, postings). Written, the ledger would refuse its debit, the page roll back,
 * and every later start plan it and fail again, the history never finished. Without visitors every
 * planned one is possible (the plan kept within the balances, the stock and the limits).
 */
export async function stillPossible(tx: Tx, districtId: string, page: Planned[], limitOf: Map<string, number>): Promise<Planned[]> {
  const ids = page.map((r) => String(r.row.id));
  const written = new Set((await queryRows<{ id: string }>(tx, sql`SELECT id::text AS id FROM mall_redemptions WHERE district_id = ${districtId} AND id = ANY(${sql.param(ids)}::uuid[])`)).map((r) => r.id));
  const unwritten = page.filter((r) => !written.has(String(r.row.id)));
  if (unwritten.length === 0) return [];
  const people = [...new Set(unwritten.map((r) => String(r.row.account_id)))];
  const goods = [...new Set(unwritten.map((r) => String(r.row.item_id)))];
  const points = new Map([...(await pointsOf(tx, districtId, people))].map(([owner, b]) => [owner, Number(b)]));
  const stock = new Map((await queryRows<{ id: string; stock: number }>(tx, sql`SELECT id::text AS id, stock FROM mall_items WHERE district_id = ${districtId} AND id = ANY(${sql.param(goods)}::uuid[])`)).map((r) => [r.id, r.stock]));
  const taken = new Map(
    (
      await queryRows<{ k: string; taken: number }>(
        tx,
        sql`SELECT item_id::text || ':' || account_id::text AS k, taken FROM mall_takers WHERE district_id = ${districtId} AND item_id = ANY(${sql.param(goods)}::uuid[]) AND account_id = ANY(${sql.param(people)}::uuid[])`,
      )
    ).map((r) => [r.k, r.taken]),
  );
  const kept: Planned[] = [];
  for (const r of unwritten) {
    const [who, what, qty, cost] = [String(r.row.account_id), String(r.row.item_id), Number(r.row.quantity), Number(r.row.points)];
    const k = `${what}:${who}`;
    // every redemption holds its points first, even one called off later
    if ((points.get(who) ?? 0) < cost) continue;
    if (r.holds && ((stock.get(what) ?? 0) < qty || (taken.get(k) ?? 0) + qty > (limitOf.get(what) ?? 0))) continue;
    if (r.holds) {
      points.set(who, (points.get(who) ?? 0) - cost);
      stock.set(what, (stock.get(what) ?? 0) - qty);
      taken.set(k, (taken.get(k) ?? 0) + qty);
    }
    kept.push(r);
  }
  return kept;
}

/**
 * What a page's held or picked-up redemptions take: the holders' counts up and the shelves' stock
 * down (`stillPossible` kept them within both), each summed first (one statement may not touch a row
 * twice); in the order the API's redeem takes them (mall.redeem.ts: the count, then the stock), so
 * a visitor's redemption and a page never wait for each other's row on PostgreSQL.
 */
async function takeFromShelves(tx: Tx, districtId: string, held: Row<typeof redemptionColumns>[]): Promise<void> {
  if (held.length === 0) return;
  const sum = (key: (r: Row<typeof redemptionColumns>) => string) => {
    const m = new Map<string, number>();
    for (const r of held) m.set(key(r), (m.get(key(r)) ?? 0) + Number(r.quantity));
    return m;
  };
  const byHolder = [...sum((r) => `${r.item_id}:${r.account_id}`)].map(([k, n]) => [...k.split(':'), n] as const);
  await tx.execute(sql`INSERT INTO mall_takers (district_id, item_id, account_id, taken)
    SELECT ${districtId}::uuid, v.item_id, v.account_id, v.n FROM unnest(${sql.param(byHolder.map((h) => h[0]))}::uuid[], ${sql.param(byHolder.map((h) => h[1]))}::uuid[], ${sql.param(byHolder.map((h) => h[2]))}::int4[]) AS v(item_id, account_id, n)
    ON CONFLICT (district_id, item_id, account_id) DO UPDATE SET taken = mall_takers.taken + excluded.taken`);
  const byItem = sum((r) => String(r.item_id));
  await tx.execute(sql`UPDATE mall_items i SET stock = i.stock - v.n FROM (VALUES ${sql.join([...byItem].map(([id, n]) => sql`(${id}::uuid, ${n}::int)`), sql`, `)}) AS v(id, n) WHERE i.district_id = ${districtId} AND i.id = v.id`);
}

/** Rows in pages of SHELF_PAGE, each skipping rows already there (a start cut short wrote them). */
const SHELF_PAGE = 400;
async function insertInPages<S extends ColumnSpec>(inPage: HistoryContext['inPage'], table: string, columns: S, rows: readonly Row<S>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += SHELF_PAGE)
    await inPage(async (tx) => {
      const sink = createSink(tx, table, columns, { skipExisting: true });
      for (const r of rows.slice(i, i + SHELF_PAGE)) sink.push(r);
      await sink.flush();
    });
}

const redemptionColumns = {
  district_id: 'uuid', id: 'uuid', item_id: 'uuid', account_id: 'uuid', quantity: 'int4', points: 'int4', request_key: 'text', code: 'text', status: 'text',
  expires_at: 'timestamptz', created_at: 'timestamptz', settled_at: 'timestamptz', settled_by: 'uuid',
} as const satisfies ColumnSpec;
const jobColumns = { district_id: 'uuid', name: 'text', key: 'text', run_at: 'timestamptz', payload: 'jsonb' } as const satisfies ColumnSpec;

type Shelves = { items: Item[]; rows: Row<typeof itemColumns>[] };

/**
 * 积分超市 in the demo district as put up: every community offers its five items (积分四换), every
 * partner unit its own (offered district-wide, managed by the unit's contact), valid around today,
 * at the stock before any redemption. The same every time it is planned (the history plans its
 * redemptions from it).
 */
export async function plannedShelves(tx: Tx, plan: DistrictPlan, today: number): Promise<Shelves> {
  const districtId = plan.regions.district.id;
  const rng = streamRng(plan.seed, 'mall:items');
  // the columns are dates: noon in Shanghai lands on the same day in any session time zone
  const from = `${shanghaiDay(new Date(today - 90 * DAY))}T12:00:00+08:00`;
  const to = `${shanghaiDay(new Date(today + 90 * DAY))}T12:00:00+08:00`;
  const admins = await queryRows<{ region_id: string; id: string }>(tx, sql`SELECT DISTINCT ON (region_id) region_id, id FROM accounts WHERE district_id = ${districtId} AND 'communityAdmin' = ANY(roles) ORDER BY region_id, id`);
  const [boss] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM accounts WHERE district_id = ${districtId} AND 'districtAdmin' = ANY(roles) ORDER BY id LIMIT 1`);
  const units = await queryRows<{ id: string; name: string; region_id: string; contact: string | null }>(
    tx,
    sql`SELECT u.id, u.name, u.region_id, u.contact_account_id AS contact FROM units u JOIN partner_units p ON p.district_id = u.district_id AND p.unit_id = u.id WHERE u.district_id = ${districtId} AND u.active ORDER BY u.sort_order, u.id`,
  );
  const adminOf = new Map(admins.map((a) => [a.region_id, a.id]));
  const shelves: Shelves = { items: [], rows: [] };
  const push = (item: Item, category: MallCategory, description: string, place: string) => {
    shelves.items.push(item);
    shelves.rows.push({
      district_id: districtId, id: item.id, provider_type: item.unitId ? 'partner' : 'community', unit_id: item.unitId, region_id: item.regionId, category, name: item.name, description, price: item.price, stock: item.stock, per_person_limit: item.limit,
      valid_from: from, valid_to: to, pickup_days: 7, pickup_place: place, pickup_notes: '工作日 9:00–17:00', created_by: item.by, created_at: new Date(today - 90 * DAY).toISOString(), updated_at: new Date(today - 90 * DAY).toISOString(),
    });
  };
  for (const c of plan.regions.communities)
    for (const [category, name, price, description] of communityItems) {
      const id = demoUuid(plan.seed, `mall:item:${c.id}:${name}`);
      const by = adminOf.get(c.id) ?? boss!.id;
      push({ id, regionId: c.id, unitId: null, owner: c.id, by, community: c.id, name, price, stock: rng.int(60, 200), limit: category === 'goods' ? 2 : 1 }, category, description, `${c.name}党群服务中心`);
    }
  for (const u of units)
    for (const [category, name, price, description] of rng.sample(partnerItems, 2)) {
      const id = demoUuid(plan.seed, `mall:item:${u.id}:${name}`);
      push({ id, regionId: u.region_id, unitId: u.id, owner: u.id, by: u.contact ?? boss!.id, community: null, name: `${u.name}·${name}`, price, stock: rng.int(100, 300), limit: 1 }, category, description, `${u.name}服务窗口`);
    }
  return shelves;
}

/**
 * The shelves go up with the seed, before the app opens, so the mall has its items from the first
 * page on; before, they came with the redemptions in the history, and for its first two minutes the
 * demo's mall said 附近暂无可兑换的物品.
 */
export const mallShelvesStep: DemoStep = {
  name: 'mall shelves',
  title: '积分超市的货架 | the points mall\'s shelves',
  async run({ tx, plan, deps }) {
    const { rows } = await plannedShelves(tx, plan, deps.clock.now().getTime());
    const sink = createSink(tx, 'mall_items', itemColumns, { skipExisting: true });
    for (const r of rows) sink.push(r);
    await sink.flush();
    return { mallItems: rows.length };
  },
};

/**
 * The redemptions of volunteers with points, in the time bank's history (none if no step credited
 * points before this one), on the shelves the seed put up: planned again for their stock as put up,
 * and kept to those that stand (staff may have changed a partner unit while the history ran, and the
 * plan would then name items never put up). A district seeded before the shelves had a step of their
 * own has none yet: they go up here.
 */
export const mallStep: DemoStep = {
  name: 'mall',
  title: '积分超市的兑换 | the points mall\'s redemptions',
  history: true,
  async run(ctx) {
    const districtId = ctx.plan.regions.district.id;
    const { shelves, standing } = await ctx.inPage(async (tx) => {
      const planned = await plannedShelves(tx, ctx.plan, ctx.deps.clock.now().getTime());
      const ids = planned.items.map((i) => i.id);
      const found = await queryRows<{ id: string }>(tx, sql`SELECT id::text AS id FROM mall_items WHERE district_id = ${districtId} AND id = ANY(${sql.param(ids)}::uuid[])`);
      return { shelves: planned, standing: new Set(found.map((r) => r.id)) };
    });
    if (standing.size === 0) {
      await insertInPages(ctx.inPage, 'mall_items', itemColumns, shelves.rows);
      return seedRedemptions(ctx, shelves.items);
    }
    return seedRedemptions(ctx, shelves.items.filter((i) => standing.has(i.id)));
  },
};

const itemColumns = {
  district_id: 'uuid', id: 'uuid', provider_type: 'text', unit_id: 'uuid', region_id: 'uuid', category: 'text', name: 'text', description: 'text', price: 'int4', stock: 'int4', per_person_limit: 'int4',
  valid_from: 'timestamptz', valid_to: 'timestamptz', pickup_days: 'int4', pickup_place: 'text', pickup_notes: 'text', created_by: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz',
} as const satisfies ColumnSpec;
