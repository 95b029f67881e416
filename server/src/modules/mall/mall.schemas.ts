import { Type, type Static } from '@sinclair/typebox';
import { Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { mallCategories, providerTypes, redemptionStatuses } from './mall.policy.js';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const LocalDate = Type.String({ format: 'date', description: 'A local date (Asia/Shanghai), YYYY-MM-DD' });

const Editable = {
  category: StringEnum(mallCategories),
  name: Text(60),
  description: Type.String({ maxLength: 2000 }),
  price: Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Whole points for one' }),
  stock: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  perPersonLimit: Type.Integer({ minimum: 1, maximum: 1000 }),
  validFrom: LocalDate,
  validTo: LocalDate,
  pickupDays: Type.Integer({ minimum: 1, maximum: 365, description: 'Days a redemption waits for pickup (never past validTo); 7 if not given' }),
  pickupPlace: Text(200),
  pickupNotes: Type.String({ maxLength: 500 }),
  photos: Type.Array(Uuid, { maxItems: 9, uniqueItems: true, description: 'Uploaded pictures (POST /api/files)' }),
};

export const ItemBody = Type.Object(
  {
    ...Editable,
    description: Type.Optional(Editable.description),
    pickupDays: Type.Optional(Editable.pickupDays),
    pickupNotes: Type.Optional(Editable.pickupNotes),
    photos: Type.Optional(Editable.photos),
    unitId: Type.Optional(N(Type.String({ format: 'uuid', description: 'A partner unit the caller is the contact of; omitted: the caller’s community' }))),
  },
  { additionalProperties: false },
);
export type ItemInput = Static<typeof ItemBody>;

export const ItemPatch = Type.Partial(Type.Object({ ...Editable, active: Type.Boolean() }), { additionalProperties: false, minProperties: 1 });
export type ItemPatchInput = Static<typeof ItemPatch>;

export const ItemView = Type.Object({
  id: Uuid,
  providerType: StringEnum(providerTypes),
  providerName: Type.String(),
  unitId: N(Uuid),
  regionId: Uuid,
  regionName: Type.String(),
  category: StringEnum(mallCategories),
  name: Type.String(),
  description: Type.String(),
  price: Type.Integer(),
  stock: Type.Integer(),
  perPersonLimit: Type.Integer(),
  validFrom: LocalDate,
  validTo: LocalDate,
  pickupDays: Type.Integer(),
  pickupPlace: Type.String(),
  pickupNotes: Type.String(),
  photos: Type.Array(Uuid),
  active: Type.Boolean(),
  /** Redemptions not cancelled or expired. */
  redeemed: Type.Integer(),
  canManage: Type.Boolean(),
  /** How many more the caller may redeem (the per-person limit less what they hold). */
  myLeft: Type.Integer(),
});

export const ItemQuery = Type.Object(
  {
    ...PageQuery,
    category: Type.Optional(StringEnum(mallCategories)),
    q: Type.Optional(Type.String({ maxLength: 60 })),
    manage: Type.Optional(Type.Boolean({ description: 'The items I manage (staff in scope, a partner unit’s contact), inactive ones included' })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ItemQueryInput = Static<typeof ItemQuery>;
export const ItemPage = Page(ItemView);

export const RedeemBody = Type.Object(
  {
    quantity: Type.Integer({ minimum: 1, maximum: 1000 }),
    requestKey: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: 'The client’s key for this request: sent again (a retry, a double tap), it returns the same redemption' }),
  },
  { additionalProperties: false },
);

export const RedemptionView = Type.Object({
  id: Uuid,
  itemId: Uuid,
  itemName: Type.String(),
  category: StringEnum(mallCategories),
  providerName: Type.String(),
  pickupPlace: Type.String(),
  pickupNotes: Type.String(),
  accountId: Uuid,
  accountName: Type.String(),
  quantity: Type.Integer(),
  points: Type.Integer(),
  code: Type.String({ description: 'The pickup code (shown to the redeemer and the provider only)' }),
  status: StringEnum(redemptionStatuses),
  expiresAt: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
  settledAt: N(Type.String({ format: 'date-time' })),
  canCancel: Type.Boolean(),
  canConfirm: Type.Boolean(),
});
export const RedemptionPage = Page(RedemptionView);

export const RedemptionQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(StringEnum(redemptionStatuses)),
    itemId: Type.Optional(Uuid),
    mine: Type.Optional(Type.Boolean({ description: 'My own redemptions (otherwise: those of the items I manage)' })),
  },
  { additionalProperties: false },
);
export type RedemptionQueryInput = Static<typeof RedemptionQuery>;

export const CodeBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 20, description: 'The pickup code, typed or scanned' }) }, { additionalProperties: false });
export const CodeQuery = CodeBody;
