import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { queryRows, type DbOrTx } from '../../platform/db/client.js';
import type { MallCategory, ProviderType, RedemptionStatus } from './mall.policy.js';

/** An item as read with its provider and place; `contact` is the partner unit's contact account. */
export type ItemRow = {
  id: string;
  district_id: string;
  provider_type: ProviderType;
  unit_id: string | null;
  region_id: string;
  region_name: string;
  region_path: string;
  region_type: string;
  unit_name: string | null;
  contact: string | null;
  category: MallCategory;
  name: string;
  description: string;
  price: number;
  stock: number;
  per_person_limit: number;
  valid_from: string;
  valid_to: string;
  pickup_days: number;
  pickup_place: string;
  pickup_notes: string;
  photos: string[];
  active: boolean;
};

export const ITEM_COLUMNS = sql`i.id, i.district_id, i.provider_type, i.unit_id, i.region_id, r.name AS region_name, r.path AS region_path, r.type AS region_type,
  u.name AS unit_name, u.contact_account_id AS contact, i.category, i.name, i.description, i.price, i.stock, i.per_person_limit,
  to_char(i.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(i.valid_to, 'YYYY-MM-DD') AS valid_to, i.pickup_days, i.pickup_place, i.pickup_notes, i.photos, i.active`;
export const ITEM_FROM = sql`mall_items i JOIN regions r ON r.id = i.region_id LEFT JOIN units u ON u.district_id = i.district_id AND u.id = i.unit_id`;

const adminRoles = ['communityAdmin', 'streetAdmin', 'districtAdmin'] as const;
export const isAdmin = (actor: Actor) => adminRoles.some((r) => actor.roles.includes(r));

/** Who manages an item: a partner unit's contact; admins over the place it is offered at. */
export function canManage(actor: Actor, item: Pick<ItemRow, 'contact' | 'region_path'>): boolean {
  if (item.contact !== null && item.contact === actor.accountId) return true;
  return isAdmin(actor) && item.region_path.startsWith(actor.regionPath);
}

/** Items an actor may manage, as SQL over `i`, `r`, `u`. */
export function managedBy(actor: Actor): SQL {
  const admin = isAdmin(actor) ? sql`starts_with(r.path, ${actor.regionPath})` : sql`false`;
  return sql`(${admin} OR u.contact_account_id = ${actor.accountId}::uuid)`;
}

/** Items an actor may see: offered where they live (or above it), below their node (staff), or managed by them. */
export function visibleTo(actor: Actor): SQL {
  return sql`(starts_with(${actor.regionPath}, r.path) OR starts_with(r.path, ${actor.regionPath}) OR ${managedBy(actor)})`;
}

export async function loadItem(db: DbOrTx, districtId: string, id: string, lock = false): Promise<ItemRow | undefined> {
  const [row] = await queryRows<ItemRow>(db, sql`SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE i.district_id = ${districtId} AND i.id = ${id} ${lock ? sql`FOR UPDATE OF i` : sql``}`);
  return row;
}

export type RedemptionRow = {
  id: string;
  district_id: string;
  item_id: string;
  account_id: string;
  account_name: string;
  quantity: number;
  points: number;
  code: string;
  status: RedemptionStatus;
  expires_at: Date | string;
  created_at: Date | string;
  settled_at: Date | string | null;
  item_name: string;
  category: MallCategory;
  pickup_place: string;
  pickup_notes: string;
  provider_type: ProviderType;
  unit_id: string | null;
  unit_name: string | null;
  contact: string | null;
  region_id: string;
  region_name: string;
  region_path: string;
};

export const REDEMPTION_COLUMNS = sql`m.id, m.district_id, m.item_id, m.account_id, a.name AS account_name, m.quantity, m.points, m.code, m.status, m.expires_at, m.created_at, m.settled_at,
  i.name AS item_name, i.category, i.pickup_place, i.pickup_notes, i.provider_type, i.unit_id, u.name AS unit_name, u.contact_account_id AS contact, i.region_id, r.name AS region_name, r.path AS region_path`;
export const REDEMPTION_FROM = sql`mall_redemptions m JOIN mall_items i ON i.district_id = m.district_id AND i.id = m.item_id JOIN regions r ON r.id = i.region_id
  LEFT JOIN units u ON u.district_id = i.district_id AND u.id = i.unit_id JOIN accounts a ON a.district_id = m.district_id AND a.id = m.account_id`;

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

export function redemptionView(actor: Actor, r: RedemptionRow) {
  const manager = canManage(actor, r);
  const pending = r.status === 'pending';
  return {
    id: r.id,
    itemId: r.item_id,
    itemName: r.item_name,
    category: r.category,
    providerName: r.unit_name ?? r.region_name,
    pickupPlace: r.pickup_place,
    pickupNotes: r.pickup_notes,
    accountId: r.account_id,
    accountName: r.account_name,
    quantity: r.quantity,
    points: r.points,
    code: r.code,
    status: r.status,
    expiresAt: iso(r.expires_at),
    createdAt: iso(r.created_at),
    settledAt: r.settled_at ? iso(r.settled_at) : null,
    canCancel: pending && (manager || r.account_id === actor.accountId),
    canConfirm: pending && manager,
  };
}
