import { Type } from '@sinclair/typebox';
import { Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { severities } from '../needs/needs.enums.js';
import { needStatuses } from '../needs/needs.lifecycle.js';
import { callStates, unitKinds, whistleSources, whistleStates } from './whistles.policy.js';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

const Progress = Type.Object({ called: Type.Integer(), reported: Type.Integer({ description: 'Reported in, done included' }), done: Type.Integer() });

const NeedItem = Type.Object({
  id: Type.String(),
  number: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  description: Type.String(),
  severity: StringEnum(severities),
  status: StringEnum(needStatuses),
  regionName: Type.String(),
  address: N(Type.String({ description: 'Shown to whoever runs or follows the whistle, and to called units while it is open' })),
  deadlineAt: N(Type.String()),
  overdue: Type.Boolean(),
});

const Call = Type.Object({
  id: Type.String(),
  kind: StringEnum(['team', ...unitKinds] as const),
  teamId: N(Type.String()),
  unitId: N(Type.String()),
  name: Type.String(),
  contactName: N(Type.String()),
  state: StringEnum(callStates),
  calledAt: Type.String(),
  calledByName: N(Type.String()),
  reportedAt: N(Type.String()),
  reportedByName: N(Type.String()),
  part: N(Type.String()),
  partAt: N(Type.String()),
  partByName: N(Type.String()),
  photos: Type.Array(Type.String()),
  mine: Type.Boolean({ description: 'The caller is this unit’s contact: they report in and record its part' }),
});

export const WhistleDetail = Type.Object({
  id: Type.String(),
  state: StringEnum(whistleStates),
  source: StringEnum(whistleSources),
  reason: N(Type.String()),
  openedAt: Type.String(),
  openedByName: N(Type.String({ description: 'null: opened by the system (a major need accepted)' })),
  closedAt: N(Type.String()),
  closedByName: N(Type.String()),
  summary: N(Type.String()),
  street: Type.Object({ id: Type.String(), name: Type.String() }),
  need: Type.Union([NeedItem, Type.Null()]),
  calls: Type.Array(Call),
  progress: Progress,
  canManage: Type.Boolean({ description: 'The caller may call units in and close it (the street’s admin, while open)' }),
  canOpenNeed: Type.Boolean({ description: 'The caller is staff over the need and may open its page' }),
});

export const WhistleListItem = Type.Object({
  id: Type.String(),
  state: StringEnum(whistleStates),
  source: StringEnum(whistleSources),
  openedAt: Type.String(),
  closedAt: N(Type.String()),
  street: Type.Object({ id: Type.String(), name: Type.String() }),
  need: Type.Union([NeedItem, Type.Null()]),
  progress: Progress,
  myPending: Type.Integer({ description: 'My calls on it still waiting for me (report in, record the part)' }),
  mine: Type.Boolean(),
});
export const WhistlePage = Page(WhistleListItem);

export const ListQuery = Type.Object(
  {
    state: Type.Optional(StringEnum(whistleStates)),
    needId: Type.Optional(Uuid),
    calledToMe: Type.Optional(Type.Boolean({ description: 'Only whistles I was called to (a unit’s contact)' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const OpenBody = Type.Object({ needId: Uuid, reason: Text(500) }, { additionalProperties: false });
export const CallInBody = Type.Object(
  { teamIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })), unitIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })) },
  { additionalProperties: false, minProperties: 1 },
);
export const PartBody = Type.Object({ text: Text(1000), photos: Type.Optional(Type.Array(Uuid, { maxItems: 9 })) }, { additionalProperties: false });
export const CloseBody = Type.Object({ summary: Text(1000) }, { additionalProperties: false });

export const Unit = Type.Object({
  id: Type.String(),
  code: N(Type.String({ description: 'A provisioned default’s stable code; null for one the district added' })),
  name: Type.String(),
  kind: StringEnum(unitKinds),
  regionId: Type.String({ description: 'It serves this node’s subtree (the district: everywhere)' }),
  regionName: Type.String(),
  contact: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), phone: Type.String({ description: 'Masked' }) }), Type.Null()]),
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
});
export const UnitQuery = Type.Object(
  { whistleId: Type.Optional(Uuid), includeRetired: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
const UnitFields = {
  name: Type.String({ minLength: 1, maxLength: 60 }),
  kind: StringEnum(unitKinds),
  regionId: Uuid,
  contactAccountId: Type.Union([Uuid, Type.Null()]),
  sortOrder: Type.Integer({ minimum: 0, maximum: 10000 }),
};
export const CreateUnitBody = Type.Object(
  { name: UnitFields.name, kind: UnitFields.kind, regionId: Type.Optional(UnitFields.regionId), contactAccountId: Type.Optional(UnitFields.contactAccountId), sortOrder: Type.Optional(UnitFields.sortOrder) },
  { additionalProperties: false },
);
export const UpdateUnitBody = Type.Object(
  {
    name: Type.Optional(UnitFields.name),
    kind: Type.Optional(UnitFields.kind),
    regionId: Type.Optional(UnitFields.regionId),
    contactAccountId: Type.Optional(UnitFields.contactAccountId),
    sortOrder: Type.Optional(UnitFields.sortOrder),
    active: Type.Optional(Type.Boolean({ description: 'false retires the unit: it is no longer offered, past whistles keep its name' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
