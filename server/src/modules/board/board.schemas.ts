import { Type } from '@sinclair/typebox';
import { PageQuery, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { needKinds } from '../needs/needs.enums.js';
import { boardSections } from '../needs/needs.board.js';

const N = <T extends ReturnType<typeof Type.String | typeof Type.Number | typeof Type.Integer | typeof Type.Boolean>>(t: T) => Type.Union([t, Type.Null()]);
const Rate = N(Type.Number({ description: 'A share between 0 and 1; null when nothing was counted' }));

export const boardStages = ['waiting', 'dispatched', 'serving', 'coordinating', 'done'] as const;

export const DistrictParams = Type.Object({ districtId: Uuid }, { additionalProperties: false });
export const PhotoParams = Type.Object({ districtId: Uuid, needId: Uuid, photoId: Uuid }, { additionalProperties: false });

export const BoardNeedsQuery = Type.Object(
  {
    // wishes: the wish wall (微心愿, open and realised within 90 days); accepted: being handled; done: results
    section: StringEnum(boardSections),
    regionId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const MonthQuery = Type.Object(
  { regionId: Type.Optional(Uuid), month: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$', example: '2026-11', description: 'YYYY-MM in Asia/Shanghai; the last whole month when left out' })) },
  { additionalProperties: false },
);

export const BoardNeed = Type.Object({
  id: Type.String(),
  number: Type.String(),
  kind: StringEnum(needKinds),
  categoryName: N(Type.String()),
  categoryNameEn: N(Type.String()),
  title: Type.String({ description: 'Anonymised: names, phone, ID and door numbers masked' }),
  stage: StringEnum(boardStages),
  place: Type.Array(Type.String(), { description: 'The street and the community, never further down' }),
  teamName: N(Type.String()),
  acceptedAt: N(Type.String()),
  deadlineAt: N(Type.String()),
  completedAt: N(Type.String()),
  onTime: N(Type.Boolean()),
  rating: N(Type.Integer()),
  summary: N(Type.String({ description: 'The completion’s summary, anonymised' })),
  photos: Type.Array(Type.String(), { description: 'Ids of the completion’s photos (at most 3), under …/needs/{needId}/photos/{photoId}' }),
});

export const BoardNeedsPage = Type.Object({ items: Type.Array(BoardNeed), more: Type.Boolean(), page: Type.Integer(), pageSize: Type.Integer() });

const Figures = {
  received: Type.Integer(),
  accepted: Type.Integer(),
  completed: Type.Integer(),
  onTimeRate: Rate,
  satisfactionRate: Rate,
  rated: Type.Integer(),
};

export const BoardFigures = Type.Object({
  month: Type.String(),
  from: Type.String(),
  to: Type.String(),
  regionName: Type.String(),
  totals: Type.Object(Figures),
  communities: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), ...Figures })),
});

export const BoardHonours = Type.Object({
  month: Type.String(),
  regionName: Type.String(),
  volunteers: Type.Array(Type.Object({ rank: Type.Integer(), name: Type.String(), community: Type.String(), street: N(Type.String()), hours: Type.String(), services: Type.Integer(), stars: Type.Integer() })),
  teams: Type.Array(Type.Object({ rank: Type.Integer(), name: Type.String(), completed: Type.Integer(), satisfactionRate: Rate })),
});
