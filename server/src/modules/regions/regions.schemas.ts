import { Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../platform/http/schemas.js';
import { regionTypes } from './regions.policy.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const RegionTypeSchema = Type.Union(regionTypes.map((t) => Type.Literal(t)));
const Point = Type.Object(
  { lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) },
  { additionalProperties: false },
);
// A GeoJSON geometry; kept loose on purpose (Polygon, MultiPolygon …) but bounded in size by bodyLimit.
const Boundary = Type.Object({ type: Type.String({ maxLength: 32 }), coordinates: Type.Array(Type.Unknown()) }, { additionalProperties: true });

export const RegionNodeSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  type: StringEnum(regionTypes),
  depth: Type.Integer(),
  parentId: Nullable(Type.String()),
  centre: Nullable(Type.Object({ lng: Type.Number(), lat: Type.Number() })),
  childCount: Type.Integer(),
  people: Type.Optional(Type.Integer()),
  volunteers: Type.Optional(Type.Integer()),
  staff: Type.Optional(Type.Integer()),
});

export const RegionDetail = Type.Intersect([
  RegionNodeSchema,
  Type.Object({ ancestors: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), type: StringEnum(regionTypes) })) }),
]);

const Code = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' });
const Name = Type.String({ minLength: 1, maxLength: 100 });

export const CreateRegionBody = Type.Object(
  {
    parentId: Uuid,
    code: Code,
    name: Name,
    type: RegionTypeSchema,
    centre: Type.Optional(Point),
    boundary: Type.Optional(Boundary),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);

export const UpdateRegionBody = Type.Object(
  {
    code: Type.Optional(Code),
    name: Type.Optional(Name),
    centre: Type.Optional(Point),
    boundary: Type.Optional(Boundary),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ChildrenQuery = Type.Object({ parentId: Type.Optional(Uuid) }, { additionalProperties: false });
export const SearchQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: false });
