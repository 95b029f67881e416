import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { regionRef } from '../../platform/scope/regions.table.js';
import { accountRef } from '../accounts/accounts.table.js';
import { units } from '../whistles/whistles.table.js';
import type { MallCategory, ProviderType, RedemptionStatus } from './mall.policy.js';

/**
 * An item of the points mall (积分超市): a service, a training, venue time or goods (积分四换), offered
 * by a community (`unit_id` null, `region_id` the community) or a partner unit (`unit_id`, `region_id`
 * the unit's place). `stock` only ever moves by `UPDATE … SET stock = stock - n WHERE stock >= n`
 * (and back on a refund), so it never goes negative (the CHECK too). Prices are whole points.
 */
export const mallItems = pgTable(
  'mall_items',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    providerType: varchar('provider_type', { length: 10 }).$type<ProviderType>().notNull(),
    unitId: uuid('unit_id'),
    /** Where it is offered: the community, or the partner unit's place. Volunteers living under it see it. */
    regionId: uuid('region_id').notNull(),
    category: varchar('category', { length: 10 }).$type<MallCategory>().notNull(),
    name: varchar('name', { length: 60 }).notNull(),
    description: text('description').notNull().default(''),
    price: integer('price').notNull(),
    stock: integer('stock').notNull(),
    /** How many one person may hold (pending or picked up) at once; cancelled and expired ones give it back. */
    perPersonLimit: integer('per_person_limit').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    /** Days a redemption waits for pickup before it expires (never past `valid_to`). */
    pickupDays: integer('pickup_days').notNull(),
    pickupPlace: varchar('pickup_place', { length: 200 }).notNull(),
    pickupNotes: varchar('pickup_notes', { length: 500 }).notNull().default(''),
    photos: uuid('photos').array().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    regionRef('mall_items_region_fk', t.districtId, t.regionId),
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.unitId], foreignColumns: [units.districtId, units.id] }),
    accountRef(t.districtId, t.createdBy),
    index('mall_items_region_idx').on(t.districtId, t.regionId, t.active),
    index('mall_items_unit_idx').on(t.districtId, t.unitId),
    check('mall_items_stock_ck', sql`${t.stock} >= 0`),
    check('mall_items_price_ck', sql`${t.price} > 0`),
    check('mall_items_limit_ck', sql`${t.perPersonLimit} > 0`),
    check('mall_items_provider_ck', sql`(${t.providerType} = 'partner') = (${t.unitId} IS NOT NULL)`),
  ],
);

/**
 * A redemption (兑换): `quantity` of an item for `points`, held in the provider's `provider.held`
 * until it is picked up (confirmed by its `code`), cancelled or expired. `request_key` is the client's:
 * the same key sent again, however concurrently, finds the first redemption (UNIQUE). The code is
 * unique in the district, so a typed code names one redemption.
 */
export const mallRedemptions = pgTable(
  'mall_redemptions',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    accountId: uuid('account_id').notNull(),
    quantity: integer('quantity').notNull(),
    points: integer('points').notNull(),
    requestKey: varchar('request_key', { length: 64 }).notNull(),
    code: varchar('code', { length: 12 }).notNull(),
    status: varchar('status', { length: 10 }).$type<RedemptionStatus>().notNull().default('pending'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    settledBy: uuid('settled_by'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.itemId], foreignColumns: [mallItems.districtId, mallItems.id] }),
    accountRef(t.districtId, t.accountId),
    accountRef(t.districtId, t.settledBy),
    unique('mall_redemptions_key_uq').on(t.districtId, t.requestKey),
    unique('mall_redemptions_code_uq').on(t.districtId, t.code),
    index('mall_redemptions_item_idx').on(t.districtId, t.itemId, t.status),
    index('mall_redemptions_account_idx').on(t.districtId, t.accountId, t.createdAt),
    check('mall_redemptions_quantity_ck', sql`${t.quantity} > 0`),
  ],
);

/**
 * How many of an item a person holds now (pending or picked up), against its per-person limit:
 * changed only by a conditional upsert (`… DO UPDATE SET taken = taken + n WHERE taken + n <= limit`),
 * never read first, and given back by a cancellation or an expiry.
 */
export const mallTakers = pgTable(
  'mall_takers',
  {
    districtId: uuid('district_id').notNull(),
    itemId: uuid('item_id').notNull(),
    accountId: uuid('account_id').notNull(),
    taken: integer('taken').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.itemId, t.accountId] }),
    foreignKey({ columns: [t.districtId, t.itemId], foreignColumns: [mallItems.districtId, mallItems.id] }),
    accountRef(t.districtId, t.accountId),
    check('mall_takers_taken_ck', sql`${t.taken} >= 0`),
  ],
);
