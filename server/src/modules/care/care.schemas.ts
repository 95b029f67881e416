import { Type } from '@sinclair/typebox';
import { NullableStringEnum, Page, PageQuery, Phone, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { conditions, frequencies, recipientStatuses, visitKinds } from './care.policy.js';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Day = Type.String({ format: 'date' });
const Codes = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: 6, description: 'Codes of the district’s kinds of care (GET /api/care-types)' });
const Named = Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() });
const Place = Type.Object({ id: Type.String(), name: Type.String(), text: Type.String({ description: 'The full place below the district: 东街道 › 光明社区 › 光明一网格 › 光明1号楼' }) });

export const CareType = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), nameEn: Type.String(), sortOrder: Type.Integer(), active: Type.Boolean(), people: Type.Integer({ description: 'People registered with it: a kind in use is switched off, not deleted' }) });
export const CareTypeQuery = Type.Object({ includeRetired: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const CreateCareTypeBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }), name: Text(30), nameEn: Text(60), sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })) },
  { additionalProperties: false },
);
export const UpdateCareTypeBody = Type.Object(
  { name: Type.Optional(Text(30)), nameEn: Type.Optional(Text(60)), sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);

const RecipientFields = {
  regionId: Uuid,
  name: Text(50),
  callName: Type.Optional(N(Type.String({ maxLength: 20 }))),
  gender: Type.Optional(N(StringEnum(['male', 'female'] as const))),
  birthYear: Type.Optional(N(Type.Integer({ minimum: 1900, maximum: 2100 }))),
  idNumber: Type.Optional(N(Type.String({ maxLength: 18 }))),
  phone: Type.Optional(N(Type.Union([Phone, Type.String({ maxLength: 0 })]))),
  address: Type.Optional(Type.String({ maxLength: 100, description: 'Room or door (3单元502)' })),
  typeCodes: Codes,
  guardianName: Type.Optional(N(Type.String({ maxLength: 50 }))),
  guardianRelation: Type.Optional(N(Type.String({ maxLength: 20 }))),
  guardianPhone: Type.Optional(N(Type.Union([Phone, Type.String({ maxLength: 0 })]))),
  needs: Type.Optional(Type.String({ maxLength: 500, description: 'What they need: shown to their volunteers' })),
  riskNotes: Type.Optional(Type.String({ maxLength: 1000, description: 'Health, safety and family notes: staff only' })),
};
export const CreateRecipientBody = Type.Object(RecipientFields, { additionalProperties: false });
export const UpdateRecipientBody = Type.Partial(Type.Object(RecipientFields), { additionalProperties: false, minProperties: 1 });
export const ArchiveBody = Type.Object({ reason: Text(200) }, { additionalProperties: false });
export const RevealBody = Type.Object({ field: StringEnum(['phone', 'guardianPhone', 'idNumber'] as const) }, { additionalProperties: false });
export const PairBody = Type.Object({ volunteerIds: Type.Array(Uuid, { maxItems: 10, description: 'Who looks after the person (replaces the pairing); three at most' }) }, { additionalProperties: false });

const Paired = Type.Object({ volunteerId: Type.String(), name: Type.String(), phone: Type.String({ description: 'Masked; empty for a volunteer’s view' }), pairedAt: Type.String() });
export const Recipient = Type.Object({
  id: Type.String(),
  view: StringEnum(['staff', 'volunteer'] as const),
  name: N(Type.String({ description: 'Staff only' })),
  callName: Type.String({ description: 'How volunteers address them (王奶奶); the masked name when none was given' }),
  callNameGiven: N(Type.String({ description: 'The call name staff gave (staff only; null when none was given)' })),
  gender: NullableStringEnum(['male', 'female'] as const),
  birthYear: N(Type.Integer()),
  idNumber: N(Type.String({ description: 'Masked (staff): POST …/reveal shows it in full, audited' })),
  phone: N(Type.String({ description: 'Masked (staff)' })),
  address: Type.String(),
  types: Type.Array(Named),
  guardian: N(Type.Object({ name: Type.String(), relation: Type.String(), phone: N(Type.String()) })),
  needs: Type.String(),
  riskNotes: N(Type.String()),
  status: StringEnum(recipientStatuses),
  archivedReason: N(Type.String()),
  place: Place,
  paired: Type.Array(Paired),
  pairingMode: StringEnum(['none', 'oneToOne', 'twoToOne', 'threeToOne'] as const),
  lastVisitAt: N(Type.String()),
  lastCondition: NullableStringEnum(conditions),
  canManage: Type.Boolean(),
  createdAt: Type.String(),
});
export const RecipientRow = Type.Object({
  id: Type.String(), name: Type.String(), callName: Type.String(), gender: NullableStringEnum(['male', 'female'] as const), birthYear: N(Type.Integer()), types: Type.Array(Named), place: Place, address: Type.String(),
  paired: Type.Integer(), activePlans: Type.Integer(), status: StringEnum(recipientStatuses), lastVisitAt: N(Type.String()), lastCondition: NullableStringEnum(conditions),
});
export const RecipientPage = Page(RecipientRow);
const RecipientFilters = {
    regionId: Type.Optional(Uuid),
    typeCode: Type.Optional(Type.String({ maxLength: 40 })),
    status: Type.Optional(StringEnum(recipientStatuses)),
    condition: Type.Optional(StringEnum(conditions)),
    notVisitedDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'Only those with no visit in this many days' })),
    q: Type.Optional(Type.String({ maxLength: 50 })),
};
export const RecipientQuery = Type.Object({ ...PageQuery, ...RecipientFilters }, { additionalProperties: false });
export const RecipientExportQuery = Type.Object(RecipientFilters, { additionalProperties: false });

const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time (Asia/Shanghai), HH:MM', examples: ['09:30'] });
const PlanFields = {
  categoryId: Uuid,
  title: Text(60),
  details: Type.Optional(Type.String({ maxLength: 500 })),
  frequency: StringEnum(frequencies),
  dayOf: Type.Integer({ minimum: 1, maximum: 28, description: 'Weekday 1 (Monday) – 7 for weekly and biweekly; day of the month 1–28 for monthly' }),
  startTime: Time,
  durationMinutes: Type.Integer({ minimum: 15, maximum: 480 }),
  startsOn: Day,
  endsOn: Type.Optional(N(Day)),
};
export const CreatePlanBody = Type.Object(PlanFields, { additionalProperties: false });
const { startsOn: _startsOn, ...Editable } = PlanFields;
export const UpdatePlanBody = Type.Partial(Type.Object(Editable), { additionalProperties: false, minProperties: 1 });
export const OrderNowBody = Type.Object({ dueOn: Day }, { additionalProperties: false });
export const OrderMade = Type.Object({ needId: Type.String(), created: Type.Boolean({ description: 'False: the day had its order already (this is it)' }) });
export const Plan = Type.Object({
  id: Type.String(), recipientId: Type.String(), categoryId: Type.String(), title: Type.String(), details: Type.String(), frequency: StringEnum(frequencies), dayOf: Type.Integer(), startTime: Type.String(), durationMinutes: Type.Integer(),
  startsOn: Type.String(), endsOn: N(Type.String()), nextDueOn: N(Type.String({ description: 'The next day to be ordered (a few days ahead); null when stopped or over' })), active: Type.Boolean(),
  recent: Type.Array(Type.Object({ dueOn: Type.String(), outcome: StringEnum(['ordered', 'missed'] as const), need: N(Type.Object({ id: Type.String(), number: Type.String(), status: Type.String() })) })),
});
export const RecipientParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const VisitBody = Type.Object(
  { kind: StringEnum(visitKinds), condition: StringEnum(conditions), summary: Text(1000), visitedAt: Type.Optional(Type.String({ format: 'date-time' })) },
  { additionalProperties: false },
);
export const Visit = Type.Object({ id: Type.String(), kind: StringEnum(visitKinds), condition: StringEnum(conditions), summary: Type.String(), visitedAt: Type.String(), visitorName: Type.String(), mine: Type.Boolean() });
export const VisitPage = Page(Visit);
export const VisitQuery = Type.Object(PageQuery, { additionalProperties: false });
