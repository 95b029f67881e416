import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, Phone, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { partnerTypes } from './partners.policy.js';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

/** A new contact account (role `partner`), made with the unit; without a password a temporary one is issued. */
const NewContact = Type.Object(
  { name: Text(30), phone: Phone, password: Type.Optional(Type.String({ minLength: 8, maxLength: 64 })) },
  { additionalProperties: false },
);

const UnitFields = {
  name: Text(60),
  type: StringEnum(partnerTypes),
  address: Type.Optional(N(Type.String({ maxLength: 200 }))),
  communityIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true, description: '共建社区: the communities it pairs with' }),
  contactAccountId: Type.Optional(Uuid),
  contact: Type.Optional(NewContact),
};

export const CreateBody = Type.Object(
  { ...UnitFields, regionId: Type.Optional(Type.String({ format: 'uuid', description: 'Where the unit sits (a street, or the district); the caller’s own node by default' })) },
  { additionalProperties: false },
);
export type CreateInput = Static<typeof CreateBody>;

export const UpdateBody = Type.Object(
  {
    name: Type.Optional(UnitFields.name),
    type: Type.Optional(UnitFields.type),
    address: UnitFields.address,
    communityIds: Type.Optional(UnitFields.communityIds),
    contactAccountId: UnitFields.contactAccountId,
    contact: UnitFields.contact,
    active: Type.Optional(Type.Boolean({ description: 'false retires the unit (停用): it keeps its record and members' })),
  },
  { additionalProperties: false },
);
export type UpdateInput = Static<typeof UpdateBody>;

export const ListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Part of the name' })),
    type: Type.Optional(StringEnum(partnerTypes)),
    communityId: Type.Optional(Uuid),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UnitQuery = Static<typeof ListQuery>;

const Place = Type.Object({ id: Type.String(), name: Type.String() });

export const PartnerUnit = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: StringEnum(partnerTypes),
  address: N(Type.String()),
  regionId: Type.String(),
  regionName: Type.String(),
  active: Type.Boolean(),
  contact: N(Type.Object({ id: Type.String(), name: Type.String(), phone: Type.String({ description: 'Masked' }) })),
  communities: Type.Array(Place),
  memberCount: Type.Integer({ description: 'Active in-service party members whose work unit it is (双报到)' }),
  behindCount: Type.Integer({ description: 'Of them, below the yearly minimum this year' }),
});

export const UnitPage = Type.Object({
  items: Type.Array(PartnerUnit),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  counts: Type.Object({ units: Type.Integer(), active: Type.Integer(), members: Type.Integer(), behind: Type.Integer() }, { description: 'Over the whole filtered list' }),
});

export const CreatedUnit = Type.Intersect([PartnerUnit, Type.Object({ temporaryPassword: N(Type.String({ description: 'The new contact’s first password, shown once' })) })]);

export const Member = Type.Object({
  accountId: Type.String(),
  name: Type.String(),
  phone: Type.String({ description: 'Masked' }),
  communityId: Type.String(),
  communityName: Type.String(),
  workUnitId: N(Type.String()),
  workUnit: N(Type.String()),
  hoursThisYear: Type.Number(),
  behind: Type.Boolean(),
  remindedToday: Type.Boolean(),
});

const Year = { year: Type.Integer(), minimumHours: Type.Number({ description: 'The district’s yearly minimum for in-service party members' }) };

export const UnitDetail = Type.Intersect([
  PartnerUnit,
  Type.Object({ ...Year, canManage: Type.Boolean(), members: Type.Array(Member, { description: 'Its in-service party members with their verified hours this year, fewest first' }) }),
]);

export const Option = Type.Object({ id: Type.String(), name: Type.String() });

export const CountsQuery = Type.Object({ regionId: Type.Optional(Uuid) }, { additionalProperties: false });
export const ReportCounts = Type.Object({
  rows: Type.Array(Type.Object({ communityId: Type.String(), communityName: Type.String(), unitId: N(Type.String()), unitName: N(Type.String({ description: 'The registered unit; null for units not registered (free text)' })), members: Type.Integer() })),
});

export const BehindQuery = Type.Object(
  { regionId: Type.Optional(Type.String({ format: 'uuid', description: 'A community or street (the caller’s own area by default)' })), unitId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export const BehindList = Type.Object({ ...Year, items: Type.Array(Member) });
export const Reminded = Type.Object({ remindedAt: Type.String() });
