import { Type } from '@sinclair/typebox';
import { NullableStringEnum, Page, PageQuery, Phone, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { joinRequestStatuses, teamTypes, thinkTankModules } from './teams.policy.js';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

/** The dispatch picker's row (GET /api/teams, /api/teams/mine). */
export const PickerTeam = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  regionId: Type.String(),
  leaderId: Type.String(),
  categories: Type.Array(Type.String()),
});
export const RosterMember = Type.Object({ id: Type.String(), name: Type.String(), phone: Type.String(), openTasks: Type.Integer() });

export const TeamSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: StringEnum(teamTypes),
  thinkTankModule: NullableStringEnum(thinkTankModules),
  regionId: Type.String(),
  regionName: Type.String(),
  leader: Type.Object({ id: Type.String(), name: Type.String({ description: 'Masked (张*) for people other than staff and the leader themselves' }) }),
  categories: Type.Array(Type.String({ description: 'Need-category codes' })),
  description: N(Type.String()),
  partnerUnit: N(Type.Object({ id: Type.String(), name: Type.String() }, { description: 'The partner unit it is paired with (结对共建)' })),
  active: Type.Boolean({ description: 'False once dissolved' }),
  dissolvedAt: N(Type.String()),
  memberCount: Type.Integer(),
  openOrders: Type.Integer(),
  createdAt: Type.String(),
});
export const TeamPage = Page(TeamSummary);

const Member = Type.Object({ id: Type.String(), name: Type.String(), phone: Type.String({ description: 'Masked for every viewer, the caller’s own included' }), joinedAt: Type.String(), leader: Type.Boolean() });
const MyRequest = N(Type.Object({ id: Type.String(), status: StringEnum(joinRequestStatuses) }));

export const TeamDetail = Type.Composite([
  TeamSummary,
  Type.Object({
    contactPhone: N(Type.String({ description: 'In full for staff, the leader and members; masked for others' })),
    members: Type.Array(Member, { description: 'For staff over the team, its leader and members; empty for others' }),
    closedOrders: Type.Integer(),
    averageRating: N(Type.Number({ description: 'Of its closed, rated orders (1–5)' })),
    ratedOrders: Type.Integer(),
    hoursServed: Type.Number({ description: 'Confirmed hours served on its orders' }),
    openRequests: Type.Integer({ description: 'Join requests waiting (for whoever decides them; 0 for others)' }),
    me: Type.Object({
      canManage: Type.Boolean({ description: 'Staff over the team, while active: edit, members, leader, dissolve' }),
      canDecide: Type.Boolean({ description: 'May accept or refuse join requests' }),
      leader: Type.Boolean(),
      member: Type.Boolean(),
      request: MyRequest,
    }),
  }),
]);

export const NearTeam = Type.Composite([TeamSummary, Type.Object({ member: Type.Boolean(), request: MyRequest })]);
export const JoinedTeam = Type.Composite([TeamSummary, Type.Object({ leading: Type.Boolean(), openRequests: Type.Integer() })]);

export const ListQuery = Type.Object(
  {
    type: Type.Optional(StringEnum(teamTypes)),
    regionId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    active: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const fields = {
  name: Text(100),
  type: StringEnum(teamTypes),
  thinkTankModule: Type.Optional(NullableStringEnum(thinkTankModules)),
  regionId: Uuid,
  categories: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 30, description: 'Need-category codes of the district' }),
  description: Type.Optional(N(Type.String({ maxLength: 1000 }))),
  contactPhone: Type.Optional(N(Phone)),
  partnerUnitId: Type.Optional(N(Type.String({ format: 'uuid', description: 'The partner unit it is paired with (结对共建); required for a paired team' }))),
};

export const CreateBody = Type.Object({ ...fields, leaderId: Uuid }, { additionalProperties: false });
export const UpdateBody = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export const PersonBody = Type.Object({ accountId: Uuid }, { additionalProperties: false });
export const JoinBody = Type.Object({ message: Type.Optional(N(Type.String({ maxLength: 300 }))) }, { additionalProperties: false });
export const RefuseBody = Type.Object({ reason: Text(300) }, { additionalProperties: false });

export const JoinRequest = Type.Object({
  id: Type.String(),
  team: Type.Object({ id: Type.String(), name: Type.String() }),
  person: Type.Object({ id: Type.String(), name: Type.String(), phone: Type.String({ description: 'Masked, except the caller’s own' }) }),
  status: StringEnum(joinRequestStatuses),
  message: N(Type.String()),
  reason: N(Type.String({ description: 'Why it was refused' })),
  createdAt: Type.String(),
  decidedAt: N(Type.String()),
  decidedByName: N(Type.String()),
  canDecide: Type.Boolean(),
});
export const RequestPage = Page(JoinRequest);
export const RequestQuery = Type.Object(
  {
    teamId: Type.Optional(Uuid),
    status: Type.Optional(StringEnum(joinRequestStatuses)),
    mine: Type.Optional(Type.Boolean({ description: 'My own requests; otherwise those I may decide' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
