import { Type } from '@sinclair/typebox';
import { roles } from '../../platform/auth/roles.js';
import { NullableStringEnum, Phone, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { regionTypes } from '../regions/regions.policy.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const RoleSchema = Type.Union(roles.map((r) => Type.Literal(r)));
const accountStatuses = ['active', 'disabled'] as const;
const genders = ['male', 'female'] as const;

export const AccountView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  phone: Type.String(),
  idNumber: Nullable(Type.String()),
  roles: Type.Array(StringEnum(roles)),
  regionId: Type.String(),
  regionName: Nullable(Type.String()),
  regionType: NullableStringEnum(regionTypes),
  status: StringEnum(accountStatuses),
  mustChangePassword: Type.Boolean(),
  gender: NullableStringEnum(genders),
  birthYear: Nullable(Type.Integer()),
  skills: Type.Array(Type.String()),
  lastLoginAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

const IdNumber = Type.String({ minLength: 18, maxLength: 18 });
const Fields = {
  name: Type.String({ minLength: 1, maxLength: 50 }),
  roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 8 }),
  regionId: Uuid,
  idNumber: IdNumber,
  gender: Type.Union([Type.Literal('male'), Type.Literal('female')]),
  birthYear: Type.Integer({ minimum: 1900, maximum: 2030 }),
  skills: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 20 }),
};

export const CreateAccountBody = Type.Object(
  {
    phone: Phone,
    name: Fields.name,
    roles: Fields.roles,
    regionId: Fields.regionId,
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    idNumber: Type.Optional(Fields.idNumber),
    gender: Type.Optional(Fields.gender),
    birthYear: Type.Optional(Fields.birthYear),
    skills: Type.Optional(Fields.skills),
  },
  { additionalProperties: false },
);

export const UpdateAccountBody = Type.Object(
  {
    name: Type.Optional(Fields.name),
    roles: Type.Optional(Fields.roles),
    regionId: Type.Optional(Fields.regionId),
    idNumber: Type.Optional(Fields.idNumber),
    gender: Type.Optional(Fields.gender),
    birthYear: Type.Optional(Fields.birthYear),
    skills: Type.Optional(Fields.skills),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const AccountsQuery = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    regionId: Type.Optional(Uuid),
    role: Type.Optional(RoleSchema),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false },
);
