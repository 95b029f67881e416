import { Type } from '@sinclair/typebox';
import { Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { volunteerStatuses } from '../volunteers/volunteers.policy.js';
import { appealOutcomes, factKinds, incidentStatuses, MAX_POINTS, reviewStates, suspensionStates } from './conduct.policy.js';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Day = Type.String({ format: 'date', description: 'A day in Asia/Shanghai, YYYY-MM-DD' });
const Photos = Type.Array(Uuid, { maxItems: 9, description: 'Uploaded photos (POST /api/files) of the caller' });

export const Entry = Type.Object({
  id: Type.String(),
  code: N(Type.String({ description: 'A provisioned default’s code; null for an entry the district added' })),
  title: Type.String(),
  titleEn: Type.String(),
  description: Type.String(),
  points: Type.Integer({ description: 'Points deducted by default' }),
  suspends: Type.Boolean({ description: 'Whether an incident suspends the volunteer by default' }),
  suspendDays: N(Type.Integer({ description: 'Default length of the suspension; null: until lifted by staff' })),
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
});

export const EntryBody = Type.Object(
  {
    title: Text(60),
    titleEn: Text(100),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    points: Type.Integer({ minimum: 0, maximum: MAX_POINTS }),
    suspends: Type.Boolean(),
    suspendDays: Type.Optional(N(Type.Integer({ minimum: 1, maximum: 3650 }))),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    active: Type.Optional(Type.Boolean({ description: 'false deactivates the entry (kept for the incidents that name it)' })),
  },
  { additionalProperties: false },
);

export const EntriesQuery = Type.Object({ includeInactive: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const Settings = Type.Object(
  {
    noShowThreshold: Type.Integer({ minimum: 0, maximum: 50, description: 'No-shows within the window that put a volunteer on the review list; 0: never' }),
    noShowWindowDays: Type.Integer({ minimum: 1, maximum: 366 }),
  },
  { additionalProperties: false },
);

export const RecordBody = Type.Object(
  {
    accountId: Uuid,
    entryId: Uuid,
    what: Text(1000),
    occurredAt: Type.String({ format: 'date-time' }),
    photos: Type.Optional(Photos),
    points: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_POINTS, description: 'Default: the entry’s points' })),
    suspend: Type.Optional(Type.Boolean({ description: 'Default: the entry’s' })),
    suspendUntil: Type.Optional(N(Day)),
  },
  { additionalProperties: false },
);

export const AppealBody = Type.Object({ statement: Text(1000), photos: Type.Optional(Photos) }, { additionalProperties: false });
export const DecideBody = Type.Object({ outcome: StringEnum(appealOutcomes), reason: Text(500) }, { additionalProperties: false });
export const NoteBody = Type.Object({ note: Text(500) }, { additionalProperties: false });

export const Incident = Type.Object({
  id: Type.String(),
  accountId: Type.String(),
  volunteerName: Type.String(),
  homeName: Type.String(),
  entryId: Type.String(),
  entryTitle: Type.String(),
  entryTitleEn: Type.String(),
  what: Type.String(),
  occurredAt: Type.String(),
  photos: Type.Array(Type.String()),
  points: Type.Integer(),
  suspension: StringEnum(suspensionStates),
  suspendUntil: N(Type.String()),
  status: StringEnum(incidentStatuses),
  recordedByName: Type.String(),
  recordedAt: Type.String(),
  appeal: N(Type.Object({ statement: Type.String(), photos: Type.Array(Type.String()), appealedAt: Type.String() })),
  outcome: N(StringEnum(appealOutcomes)),
  outcomeReason: N(Type.String()),
  decidedByName: N(Type.String()),
  decidedAt: N(Type.String()),
  canAppeal: Type.Boolean(),
  canDecide: Type.Boolean(),
});

export const IncidentQuery = Type.Object(
  {
    communityId: Type.Optional(Uuid),
    status: Type.Optional(StringEnum(incidentStatuses)),
    entryId: Type.Optional(Uuid),
    accountId: Type.Optional(Uuid),
    decidable: Type.Optional(Type.Boolean({ description: 'Only appeals the caller may decide (the appeal queue)' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const IncidentPage = Page(Incident);

const Fact = Type.Object({ id: Type.String(), kind: StringEnum(factKinds), activityId: Type.String(), occurredAt: Type.String() });

export const MyConduct = Type.Object({ incidents: Type.Array(Incident), facts: Type.Array(Fact) });

export const VolunteerConduct = Type.Object({
  volunteer: Type.Object({ id: Type.String(), name: Type.String(), number: N(Type.String()), status: StringEnum(volunteerStatuses), statusReason: N(Type.String()), communityName: Type.String() }),
  incidents: Type.Array(Incident),
  facts: Type.Array(Fact),
  openReview: N(Type.Object({ id: Type.String(), noShows: Type.Integer(), raisedAt: Type.String() })),
});

export const ReviewQuery = Type.Object({ state: Type.Optional(StringEnum(reviewStates)), ...PageQuery }, { additionalProperties: false });
export const ReviewPage = Page(
  Type.Object({
    id: Type.String(),
    accountId: Type.String(),
    volunteerName: Type.String(),
    homeName: Type.String(),
    noShows: Type.Integer(),
    state: StringEnum(reviewStates),
    raisedAt: Type.String(),
    note: N(Type.String()),
    resolvedByName: N(Type.String()),
    resolvedAt: N(Type.String()),
  }),
);
