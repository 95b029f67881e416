import { Type, type Static } from '@sinclair/typebox';
import { Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { politicalStatuses, volunteerStatuses } from './volunteers.policy.js';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Skill = Type.String({ minLength: 1, maxLength: 20 });

export const Window = Type.Object(
  { weekday: Type.Integer({ minimum: 1, maximum: 7, description: '1 Monday … 7 Sunday' }), from: Type.String({ pattern: '^\\d{2}:\\d{2}$' }), to: Type.String({ pattern: '^\\d{2}:\\d{2}$' }) },
  { additionalProperties: false },
);

/** What a person gives when applying (志愿者申请) — on the phone, or staff registering them. */
export const ApplicationBody = Type.Object(
  {
    politicalStatus: StringEnum(politicalStatuses),
    inService: Type.Boolean({ description: '在职党员 reporting to the residence community (双报到)' }),
    workUnit: Type.Optional(N(Type.String({ maxLength: 100 }))),
    workUnitId: Type.Optional(N(Type.String({ format: 'uuid', description: 'A registered partner unit (双报到单位, /api/partner-units/options); its name becomes the work unit' }))),
    skills: Type.Array(Skill, { maxItems: 20 }),
    availability: Type.Array(Window, { maxItems: 21 }),
    serviceRadiusM: Type.Integer({ minimum: 100, maximum: 50000 }),
    photoFileId: Type.Optional(N(Uuid)),
    gender: Type.Optional(StringEnum(['male', 'female'] as const)),
    birthYear: Type.Optional(Type.Integer({ minimum: 1920, maximum: 2020 })),
    idNumber: Type.Optional(Type.String({ pattern: '^[0-9]{17}[0-9Xx]$', description: 'Optional; stored encrypted, shown masked' })),
  },
  { additionalProperties: false },
);
export type Application = Static<typeof ApplicationBody>;

export const ReasonBody = Type.Object({ reason: Text(300) }, { additionalProperties: false });
export const OptionalReasonBody = Type.Object({ reason: Type.Optional(Text(300)) }, { additionalProperties: false });
export const BulkApproveBody = Type.Object({ ids: Type.Array(Uuid, { minItems: 1, maxItems: 500 }) }, { additionalProperties: false });
export const BulkResult = Type.Object({
  approved: Type.Array(Type.Object({ id: Type.String(), number: Type.String() })),
  skipped: Type.Array(Type.Object({ id: Type.String(), reason: StringEnum(['not_found', 'wrong_status'] as const) })),
});

export const VolunteerItem = Type.Object({
  id: Type.String({ description: 'The account id' }),
  number: N(Type.String()),
  name: Type.String(),
  phone: Type.String({ description: 'Masked; the full number through the audited reveal of the account' }),
  gender: N(Type.String()),
  birthYear: N(Type.Integer()),
  status: StringEnum(volunteerStatuses),
  politicalStatus: StringEnum(politicalStatuses),
  inService: Type.Boolean(),
  workUnit: N(Type.String()),
  workUnitId: N(Type.String({ description: 'The registered partner unit, when the work unit is one' })),
  skills: Type.Array(Type.String()),
  communityId: Type.String(),
  communityName: Type.String(),
  regionName: Type.String({ description: 'Their home node (community, grid or building)' }),
  verifiedHours: Type.Number(),
  stars: Type.Integer({ minimum: 0, maximum: 5 }),
  appliedAt: Type.String(),
});
export const VolunteerPage = Page(VolunteerItem);

const Entry = Type.Object({ source: StringEnum(['order', 'activity'] as const), sourceId: Type.String(), title: Type.String(), servedOn: Type.String(), hours: Type.Number() });

export const VolunteerDetail = Type.Intersect([
  VolunteerItem,
  Type.Object({
    idNumber: N(Type.String({ description: 'Masked' })),
    availability: Type.Array(Window),
    serviceRadiusM: Type.Integer(),
    photoFileId: N(Type.String()),
    statusReason: N(Type.String()),
    decidedAt: N(Type.String()),
    decidedByName: N(Type.String()),
    recentServices: Type.Array(Entry),
    hoursThisYear: Type.Number(),
    canDecide: Type.Boolean({ description: 'The caller is staff over this volunteer and may approve, suspend …' }),
  }),
]);

/** The volunteer's own registration, with the card (志愿者证) once approved. */
export const MyRegistration = Type.Object({
  registered: Type.Boolean(),
  volunteer: N(VolunteerDetail),
  card: N(
    Type.Object({
      number: Type.String(),
      name: Type.String(),
      communityName: Type.String(),
      stars: Type.Integer(),
      verifiedHours: Type.Number(),
      since: Type.String(),
      verifyCode: Type.String({ description: 'The code in the card’s QR; anyone can check it on the public verification page' }),
    }),
  ),
  nextStarAt: N(Type.Number({ description: 'Verified hours at which the next star comes' })),
});

export const ListQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(StringEnum(volunteerStatuses)),
    regionId: Type.Optional(Type.String({ format: 'uuid', description: 'A place of my subtree: volunteers living in it' })),
    politicalStatus: Type.Optional(StringEnum(politicalStatuses)),
    inService: Type.Optional(Type.Boolean()),
    skill: Type.Optional(Skill),
    minStars: Type.Optional(Type.Integer({ minimum: 0, maximum: 5 })),
    minHours: Type.Optional(Type.Number({ minimum: 0, maximum: 100000 })),
    maxHours: Type.Optional(Type.Number({ minimum: 0, maximum: 100000 })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Name, phone or number' })),
    sort: Type.Optional(StringEnum(['applied', 'hours', 'number'] as const)),
  },
  { additionalProperties: false },
);
export type VolunteerQuery = Static<typeof ListQuery>;

export const Settings = Type.Object({
  numberPrefix: Type.String({ pattern: '^[A-Z0-9-]{1,8}$' }),
  yearlyMinimumHours: Type.Number({ minimum: 0, maximum: 500 }),
}, { additionalProperties: false });

export const PublicCard = Type.Object({
  valid: Type.Boolean(),
  number: N(Type.String()),
  name: N(Type.String({ description: 'Masked' })),
  communityName: N(Type.String()),
  status: N(StringEnum(volunteerStatuses)),
  stars: N(Type.Integer()),
});
