import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { queryRows } from '../../platform/db/client.js';
import { addDays } from '../deadlines/deadlines.policy.js';
import type { MallDeps } from './mall.deps.js';
import { mallError } from './mall.errors.js';
import { DEFAULT_PICKUP_DAYS } from './mall.policy.js';
import { canManage, isAdmin, ITEM_COLUMNS, ITEM_FROM, loadItem, managedBy, visibleTo, type ItemRow } from './mall.rows.js';
import type { ItemInput, ItemPatchInput, ItemQueryInput } from './mall.schemas.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

/**
 * The mall's items (积分四换): put up by a community's admins for their community (a street's or the
 * district's admins for theirs) or by a partner unit's contact for their unit; read by volunteers where
 * they live (their community first, then the street, then the district) and by staff below them.
 */
export function mallItems(deps: MallDeps) {
  const { db } = deps;

  function view(actor: Actor, row: ItemRow & { redeemed?: number; my_taken?: number | null }) {
    return {
      id: row.id,
      providerType: row.provider_type,
      providerName: row.unit_name ?? row.region_name,
      unitId: row.unit_id,
      regionId: row.region_id,
      regionName: row.region_name,
      category: row.category,
      name: row.name,
      description: row.description,
      price: row.price,
      stock: row.stock,
      perPersonLimit: row.per_person_limit,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      pickupDays: row.pickup_days,
      pickupPlace: row.pickup_place,
      pickupNotes: row.pickup_notes,
      photos: row.photos,
      active: row.active,
      redeemed: Number(row.redeemed ?? 0),
      canManage: canManage(actor, row),
      myLeft: Math.max(0, row.per_person_limit - Number(row.my_taken ?? 0)),
    };
  }

  const extras = (actor: Actor) => sql`(SELECT count(*)::int FROM mall_redemptions m WHERE m.district_id = i.district_id AND m.item_id = i.id AND m.status IN ('pending', 'confirmed')) AS redeemed,
    (SELECT t.taken FROM mall_takers t WHERE t.district_id = i.district_id AND t.item_id = i.id AND t.account_id = ${actor.accountId}::uuid) AS my_taken`;

  async function checkValidity(actor: Actor, from: string, to: string, field: string) {
    if (to < from || to < shanghaiDay(deps.clock.now())) throw mallError('mall.bad_validity', { field });
    void actor;
  }

  async function checkPhotos(actor: Actor, photos: string[]) {
    const owned = await deps.files.ownedBy(actor, photos);
    if (photos.some((p) => !owned.has(p))) throw mallError('mall.bad_photo', { field: 'photos' });
  }

  /** The provider the caller acts for: their partner unit (they are its contact) or, for an admin, their own node. */
  async function provider(actor: Actor, unitId: string | null | undefined) {
    if (unitId) {
      const [unit] = await queryRows<{ id: string; region_id: string }>(
        db,
        sql`SELECT id, region_id FROM units WHERE district_id = ${actor.districtId} AND id = ${unitId} AND kind = 'partner' AND active AND contact_account_id = ${actor.accountId}`,
      );
      if (!unit) throw mallError('mall.bad_provider', { field: 'unitId' });
      return { providerType: 'partner' as const, unitId: unit.id, regionId: unit.region_id };
    }
    if (!isAdmin(actor)) throw mallError('mall.bad_provider', { field: 'unitId' });
    return { providerType: 'community' as const, unitId: null, regionId: actor.regionId };
  }

  async function manageable(actor: Actor, id: string) {
    const row = await loadItem(db, actor.districtId, id);
    if (!row) throw mallError('mall.item_not_found');
    if (!canManage(actor, row)) {
      const [seen] = await queryRows<{ id: string }>(db, sql`SELECT i.id FROM ${ITEM_FROM} WHERE i.district_id = ${actor.districtId} AND i.id = ${id} AND ${visibleTo(actor)}`);
      throw seen ? mallError('mall.not_provider') : mallError('mall.item_not_found');
    }
    return row;
  }

  return {
    async list(actor: Actor, q: ItemQueryInput) {
      const where = [sql`i.district_id = ${actor.districtId}`, q.manage ? managedBy(actor) : visibleTo(actor)];
      if (!q.manage) where.push(sql`i.active`, sql`i.valid_to >= ${shanghaiDay(deps.clock.now())}::date`);
      else if (q.active !== undefined) where.push(sql`i.active = ${q.active}`);
      if (q.category) where.push(sql`i.category = ${q.category}`);
      if (q.q?.trim()) where.push(sql`i.name ILIKE ${`%${q.q.trim().replace(/[%_\\]/g, '\\$&')}%`}`);
      const cond = sql.join(where, sql` AND `);
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${ITEM_FROM} WHERE ${cond}`);
      const rows = await queryRows<ItemRow & { redeemed: number; my_taken: number | null }>(
        db,
        // nearest first: the volunteer's community, then the street, then the district
        sql`SELECT ${ITEM_COLUMNS}, ${extras(actor)} FROM ${ITEM_FROM} WHERE ${cond}
            ORDER BY r.depth DESC, i.created_at DESC, i.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      );
      return { items: rows.map((r) => view(actor, r)), total: count!.n, page, pageSize };
    },

    async detail(actor: Actor, id: string) {
      const [row] = await queryRows<ItemRow & { redeemed: number; my_taken: number | null }>(
        db,
        sql`SELECT ${ITEM_COLUMNS}, ${extras(actor)} FROM ${ITEM_FROM} WHERE i.district_id = ${actor.districtId} AND i.id = ${id} AND ${visibleTo(actor)}`,
      );
      if (!row) throw mallError('mall.item_not_found');
      return view(actor, row);
    },

    async create(actor: Actor, input: ItemInput) {
      const who = await provider(actor, input.unitId);
      await checkValidity(actor, input.validFrom, input.validTo, 'validTo');
      const photos = [...new Set(input.photos ?? [])];
      await checkPhotos(actor, photos);
      const id = await db.transaction(async (tx) => {
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`INSERT INTO mall_items (district_id, provider_type, unit_id, region_id, category, name, description, price, stock, per_person_limit, valid_from, valid_to, pickup_days, pickup_place, pickup_notes, photos, created_by, created_at, updated_at)
              VALUES (${actor.districtId}, ${who.providerType}, ${who.unitId}, ${who.regionId}, ${input.category}, ${input.name.trim()}, ${input.description ?? ''}, ${input.price}, ${input.stock}, ${input.perPersonLimit},
                      ${input.validFrom}::date, ${input.validTo}::date, ${input.pickupDays ?? DEFAULT_PICKUP_DAYS}, ${input.pickupPlace.trim()}, ${input.pickupNotes ?? ''}, ${sql`ARRAY[${sql.join(photos.map((p) => sql`${p}::uuid`), sql`, `)}]::uuid[]`}, ${actor.accountId}, ${deps.clock.now()}, ${deps.clock.now()})
              RETURNING id`,
        );
        await deps.files.attach(tx, actor.districtId, photos, { type: 'mallItem', id: row!.id });
        await deps.audit.record(actor, { action: 'mall.item.create', objectType: 'mall_item', objectId: row!.id, regionId: who.regionId, details: { name: input.name, price: input.price, stock: input.stock } });
        return row!.id;
      });
      return this.detail(actor, id);
    },

    async update(actor: Actor, id: string, patch: ItemPatchInput) {
      const row = await manageable(actor, id);
      const from = patch.validFrom ?? row.valid_from;
      const to = patch.validTo ?? row.valid_to;
      if (patch.validFrom !== undefined || patch.validTo !== undefined) await checkValidity(actor, from, to, patch.validTo !== undefined ? 'validTo' : 'validFrom');
      const photos = patch.photos ? [...new Set(patch.photos)] : undefined;
      if (photos) await checkPhotos(actor, photos.filter((p) => !row.photos.includes(p)));
      const set = [sql`updated_at = ${deps.clock.now()}`];
      const col = { category: 'category', name: 'name', description: 'description', price: 'price', stock: 'stock', perPersonLimit: 'per_person_limit', pickupDays: 'pickup_days', pickupPlace: 'pickup_place', pickupNotes: 'pickup_notes', active: 'active' } as const;
      for (const [k, c] of Object.entries(col)) {
        const v = patch[k as keyof typeof col];
        if (v !== undefined) set.push(sql`${sql.identifier(c)} = ${typeof v === 'string' ? v.trim() : v}`);
      }
      if (patch.validFrom !== undefined) set.push(sql`valid_from = ${from}::date`);
      if (patch.validTo !== undefined) set.push(sql`valid_to = ${to}::date`);
      if (photos) set.push(sql`photos = ARRAY[${sql.join(photos.map((p) => sql`${p}::uuid`), sql`, `)}]::uuid[]`);
      await db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE mall_items SET ${sql.join(set, sql`, `)} WHERE district_id = ${actor.districtId} AND id = ${id}`);
        if (photos) await deps.files.attach(tx, actor.districtId, photos, { type: 'mallItem', id });
        await deps.audit.record(actor, { action: patch.active === false ? 'mall.item.deactivate' : 'mall.item.update', objectType: 'mall_item', objectId: id, regionId: row.region_id, details: { ...patch } });
      });
      return this.detail(actor, id);
    },

    /** For the file reader: whoever may see the item sees its pictures. */
    async canSee(actor: Actor, id: string): Promise<boolean> {
      const [seen] = await queryRows<{ id: string }>(db, sql`SELECT i.id FROM ${ITEM_FROM} WHERE i.district_id = ${actor.districtId} AND i.id = ${id} AND ${visibleTo(actor)}`);
      return Boolean(seen);
    },

    /** The last moment a redemption made now may wait for pickup: `pickupDays` on, never past the item's last valid day. */
    expiresAt(item: Pick<ItemRow, 'pickup_days' | 'valid_to'>, now: Date): Date {
      const byWindow = now.getTime() + item.pickup_days * 86_400_000;
      const byValidity = new Date(`${addDays(item.valid_to, 1)}T00:00:00+08:00`).getTime();
      return new Date(Math.min(byWindow, byValidity));
    },
  };
}

export type MallItems = ReturnType<typeof mallItems>;
