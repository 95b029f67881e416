import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { queryRows, type DbOrTx } from '../../platform/db/client.js';
import type { JobRow } from '../../platform/jobs/jobs.table.js';
import type { MallDeps } from './mall.deps.js';
import { mallError } from './mall.errors.js';
import type { MallItems } from './mall.items.js';
import { isCode, normaliseCode, pickupCode } from './mall.policy.js';
import { canManage, loadItem, managedBy, REDEMPTION_COLUMNS, REDEMPTION_FROM, redemptionView, type ItemRow, type RedemptionRow } from './mall.rows.js';
import type { RedemptionQueryInput } from './mall.schemas.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

export const EXPIRE_JOB = 'mall.expire';

/** The ledger account that holds a redemption's points and takes them on pickup: the unit's, or the community's. */
const providerOwner = (item: Pick<ItemRow, 'unit_id' | 'region_id'>) => item.unit_id ?? item.region_id;
const providerCommunity = (item: Pick<ItemRow, 'unit_id' | 'region_id' | 'region_type'>) => (item.unit_id === null && item.region_type === 'community' ? item.region_id : null);

/**
 * Redemptions (兑换): a volunteer spends points for an item and gets a pickup code; the provider
 * confirms the pickup by the code; the volunteer or the provider cancels before it; an unclaimed one
 * expires. Each step is one transaction: the redemption's row, the stock, the per-person counter and
 * the ledger posting change together or not at all.
 */
export function mallRedemptions(deps: MallDeps, items: MallItems) {
  const { db } = deps;

  async function load(tx: DbOrTx, districtId: string, where: ReturnType<typeof sql>, lock = false) {
    const [row] = await queryRows<RedemptionRow>(tx, sql`SELECT ${REDEMPTION_COLUMNS} FROM ${REDEMPTION_FROM} WHERE m.district_id = ${districtId} AND ${where} ${lock ? sql`FOR UPDATE OF m` : sql``}`);
    return row;
  }

  /** Gives back what a pending redemption took: the stock, the person's count, the points (in the caller's transaction). */
  async function refund(tx: DbOrTx, r: RedemptionRow, how: 'cancel' | 'expire', actorId: string | null, now: Date) {
    await tx.execute(sql`UPDATE mall_items SET stock = stock + ${r.quantity} WHERE district_id = ${r.district_id} AND id = ${r.item_id}`);
    await tx.execute(sql`UPDATE mall_takers SET taken = taken - ${r.quantity} WHERE district_id = ${r.district_id} AND item_id = ${r.item_id} AND account_id = ${r.account_id}`);
    const amount = r.points * 100;
    await deps.ledger.post(tx, r.district_id, {
      key: `redeem-${how}:${r.id}`,
      kind: how === 'cancel' ? 'reverse' : 'expire',
      source: 'redemption',
      sourceId: r.id,
      memo: r.item_name,
      effectiveOn: shanghaiDay(now),
      actorId,
      lines: [
        { kind: 'provider.held', ownerId: r.unit_id ?? r.region_id, amount: -amount, shard: deps.ledger.holdShard(r.id) },
        { kind: 'volunteer.points', ownerId: r.account_id, amount },
      ],
    });
  }

  async function tell(tx: DbOrTx, r: RedemptionRow, type: 'mall.confirmed' | 'mall.expired') {
    await deps.notifications.notify(tx, r.district_id, {
      key: `${type}:${r.id}`,
      type,
      recipients: [r.account_id],
      subject: { type: 'redemption', id: r.id, label: r.item_name },
      params: { quantity: String(r.quantity), points: String(r.points), code: r.code },
    });
  }

  return {
    /**
     * Redeems `quantity` of an item, once per `requestKey`: the same key again — even at the same
     * moment — returns the first redemption (`created` false). Points are spent by the ledger's
     * conditional update (never below zero), the per-person count by a conditional upsert, the stock
     * by `stock - n WHERE stock >= n` — last, so the item's row is locked for the shortest time.
     */
    async redeem(actor: Actor, itemId: string, input: { quantity: number; requestKey: string }) {
      // one read of the item, seen as `visibleTo` sees it (no counts: this is the hot path)
      const item = await loadItem(db, actor.districtId, itemId);
      if (!item || !(actor.regionPath.startsWith(item.region_path) || item.region_path.startsWith(actor.regionPath) || canManage(actor, item))) throw mallError('mall.item_not_found');
      // out of reach is a 404 like a missing item, for anyone; then only active volunteers redeem
      deps.volunteers.requireActive(actor);
      const today = shanghaiDay(deps.clock.now());
      if (!item.active) throw mallError('mall.item_inactive');
      if (today < item.valid_from || today > item.valid_to) throw mallError('mall.not_valid_now', { params: { from: item.valid_from, to: item.valid_to } });
      if (input.quantity > item.per_person_limit) throw mallError('mall.over_limit', { field: 'quantity', params: { limit: String(item.per_person_limit) } });
      const points = item.price * input.quantity;
      const result = await db.transaction(async (tx) => {
        const now = deps.clock.now();
        const expiresAt = items.expiresAt(item, now);
        let id: string | undefined;
        for (let attempt = 0; attempt < 5 && !id; attempt++) {
          const [made] = await queryRows<{ id: string }>(
            tx,
            sql`INSERT INTO mall_redemptions (district_id, item_id, account_id, quantity, points, request_key, code, status, expires_at, created_at)
                VALUES (${actor.districtId}, ${itemId}, ${actor.accountId}, ${input.quantity}, ${points}, ${input.requestKey}, ${pickupCode()}, 'pending', ${expiresAt}, ${now})
                ON CONFLICT DO NOTHING RETURNING id`,
          );
          if (made) {
            id = made.id;
            break;
          }
          // the key was used (by this request sent before, or racing it): that redemption is the answer
          const [first] = await queryRows<{ id: string; account_id: string; item_id: string }>(tx, sql`SELECT id, account_id, item_id FROM mall_redemptions WHERE district_id = ${actor.districtId} AND request_key = ${input.requestKey}`);
          if (first) {
            if (first.account_id !== actor.accountId || first.item_id !== itemId) throw mallError('mall.key_taken', { field: 'requestKey' });
            return { id: first.id, created: false };
          }
          // otherwise the pickup code clashed with another: draw again
        }
        if (!id) throw new Error('no free pickup code after 5 draws');
        const [counted] = await queryRows<{ taken: number }>(
          tx,
          sql`INSERT INTO mall_takers (district_id, item_id, account_id, taken) VALUES (${actor.districtId}, ${itemId}, ${actor.accountId}, ${input.quantity})
              ON CONFLICT (district_id, item_id, account_id) DO UPDATE SET taken = mall_takers.taken + EXCLUDED.taken
              WHERE mall_takers.taken + EXCLUDED.taken <= ${item.per_person_limit} RETURNING taken`,
        );
        if (!counted) throw mallError('mall.over_limit', { field: 'quantity', params: { limit: String(item.per_person_limit) } });
        await deps.ledger.post(tx, actor.districtId, {
          key: `redeem:${id}`,
          kind: 'spend',
          source: 'redemption',
          sourceId: id,
          memo: item.name,
          effectiveOn: shanghaiDay(now),
          actorId: actor.accountId,
          lines: [
            { kind: 'volunteer.points', ownerId: actor.accountId, amount: -points * 100 },
            { kind: 'provider.held', ownerId: providerOwner(item), amount: points * 100, shard: deps.ledger.holdShard(id), communityId: providerCommunity(item) },
          ],
        });
        const [left] = await queryRows<{ stock: number }>(
          tx,
          sql`UPDATE mall_items SET stock = stock - ${input.quantity} WHERE district_id = ${actor.districtId} AND id = ${itemId} AND active AND stock >= ${input.quantity} RETURNING stock`,
        );
        if (!left) throw mallError('mall.out_of_stock', { field: 'quantity' });
        await deps.jobs.schedule(tx, actor.districtId, { name: EXPIRE_JOB, key: id, runAt: expiresAt, payload: { redemptionId: id } });
        return { id, created: true };
      });
      return { created: result.created, redemption: await this.detail(actor, result.id) };
    },

    async detail(actor: Actor, id: string) {
      const row = await load(db, actor.districtId, sql`m.id = ${id}`);
      if (!row || (row.account_id !== actor.accountId && !canManage(actor, row))) throw mallError('mall.redemption_not_found');
      return redemptionView(actor, row);
    },

    /** Mine (`mine`), or those of the items I manage; newest first. */
    async list(actor: Actor, q: RedemptionQueryInput) {
      const where = [sql`m.district_id = ${actor.districtId}`, q.mine ? sql`m.account_id = ${actor.accountId}::uuid` : managedBy(actor)];
      if (q.status) where.push(sql`m.status = ${q.status}`);
      if (q.itemId) where.push(sql`m.item_id = ${q.itemId}::uuid`);
      const cond = sql.join(where, sql` AND `);
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${REDEMPTION_FROM} WHERE ${cond}`);
      const rows = await queryRows<RedemptionRow>(db, sql`SELECT ${REDEMPTION_COLUMNS} FROM ${REDEMPTION_FROM} WHERE ${cond} ORDER BY m.created_at DESC, m.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
      return { items: rows.map((r) => redemptionView(actor, r)), total: count!.n, page, pageSize };
    },

    /** The redemption a code names, for the provider about to hand it over (404 for anyone else). */
    async byCode(actor: Actor, input: string) {
      const code = normaliseCode(input);
      const row = isCode(code) ? await load(db, actor.districtId, sql`m.code = ${code}`) : undefined;
      if (!row || !canManage(actor, row)) throw mallError('mall.code_not_found', { field: 'code' });
      return redemptionView(actor, row);
    },

    /** The provider hands the item over: the held points become the provider's, once. */
    async confirm(actor: Actor, input: string) {
      const code = normaliseCode(input);
      if (!isCode(code)) throw mallError('mall.code_not_found', { field: 'code' });
      const id = await db.transaction(async (tx) => {
        const row = await load(tx, actor.districtId, sql`m.code = ${code}`, true);
        if (!row || !canManage(actor, row)) throw mallError('mall.code_not_found', { field: 'code' });
        if (row.status !== 'pending') throw mallError('mall.not_pending', { params: { status: row.status } });
        const now = deps.clock.now();
        await tx.execute(sql`UPDATE mall_redemptions SET status = 'confirmed', settled_at = ${now}, settled_by = ${actor.accountId} WHERE district_id = ${row.district_id} AND id = ${row.id}`);
        const amount = row.points * 100;
        await deps.ledger.post(tx, row.district_id, {
          key: `redeem-confirm:${row.id}`,
          kind: 'spend',
          source: 'redemption',
          sourceId: row.id,
          memo: row.item_name,
          effectiveOn: shanghaiDay(now),
          actorId: actor.accountId,
          lines: [
            { kind: 'provider.held', ownerId: providerOwner(row), amount: -amount, shard: deps.ledger.holdShard(row.id) },
            { kind: 'provider.points', ownerId: providerOwner(row), amount, communityId: row.unit_id === null ? row.region_id : null },
          ],
        });
        await tell(tx, row, 'mall.confirmed');
        await deps.audit.record(actor, { action: 'mall.confirm', objectType: 'mall_redemption', objectId: row.id, regionId: row.region_id, details: { code, points: row.points } });
        return row.id;
      });
      return this.detail(actor, id);
    },

    /** The volunteer, or the provider, calls it off before pickup: stock, count and points go back. */
    async cancel(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const row = await load(tx, actor.districtId, sql`m.id = ${id}`, true);
        if (!row || (row.account_id !== actor.accountId && !canManage(actor, row))) throw mallError('mall.redemption_not_found');
        if (row.status !== 'pending') throw mallError('mall.not_pending', { params: { status: row.status } });
        const now = deps.clock.now();
        await tx.execute(sql`UPDATE mall_redemptions SET status = 'cancelled', settled_at = ${now}, settled_by = ${actor.accountId} WHERE district_id = ${row.district_id} AND id = ${row.id}`);
        await refund(tx, row, 'cancel', actor.accountId, now);
        await deps.audit.record(actor, { action: 'mall.cancel', objectType: 'mall_redemption', objectId: row.id, regionId: row.region_id, details: { points: row.points } });
      });
      return this.detail(actor, id);
    },

    /** The expiry timer of a redemption: still pending at its time, it expires and everything goes back. */
    job: {
      name: EXPIRE_JOB,
      async run(tx: DbOrTx, job: JobRow, now: Date) {
        const { redemptionId } = job.payload as { redemptionId: string };
        const row = await load(tx, job.districtId, sql`m.id = ${redemptionId}`, true);
        if (!row || row.status !== 'pending') return;
        await tx.execute(sql`UPDATE mall_redemptions SET status = 'expired', settled_at = ${now} WHERE district_id = ${row.district_id} AND id = ${row.id}`);
        await refund(tx, row, 'expire', null, now);
        await tell(tx, row, 'mall.expired');
      },
    },

    /** For the demo: redeem, settle — the same code paths, without sessions. */
    refund,
  };
}
