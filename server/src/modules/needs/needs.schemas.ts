import { Type, type TSchema } from '@sinclair/typebox';
import { NullableStringEnum, Phone, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { channels, needKinds, needViews, severities } from './needs.enums.js';
import { needStatuses } from './needs.lifecycle.js';
import { bucketKeys } from './needs.enums.js';

const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const SeveritySchema = StringEnum(severities);
const Status = StringEnum(needStatuses);
const Note = Type.String({ minLength: 1, maxLength: 500 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Photos = Type.Array(Uuid, { maxItems: 9 });

const body = (props: Record<string, TSchema>) => Type.Object(props, { additionalProperties: false });
const opt = Type.Optional;

/** One endpoint per action: POST /api/needs/:id/<path>, operationId `<action>Need`, each with exactly the fields it uses. */
export const actionRoutes = {
  verify: { path: 'verify', summary: 'Start verifying (核实)', body: body({ note: opt(Note) }) },
  accept: { path: 'accept', summary: 'Accept into the list (受理); sets the deadline', body: body({ note: opt(Note), severity: opt(SeveritySchema) }) },
  reject: { path: 'reject', summary: 'Reject with a reason shown to the requester', body: body({ note: Note }) },
  merge: { path: 'merge', summary: 'Merge a duplicate into another need', body: body({ targetId: Uuid, note: opt(Note) }) },
  dispatch: { path: 'dispatch', summary: 'Dispatch to a team (派单)', body: body({ teamId: Uuid, note: opt(Note) }) },
  pool: { path: 'pool', summary: 'Open to eligible volunteers (抢单池)', body: body({ note: opt(Note) }) },
  take: { path: 'take', summary: 'The team leader accepts (接单)', body: body({ note: opt(Note) }) },
  decline: { path: 'decline', summary: 'The team leader declines with a reason (退单)', body: body({ reasonCode: Type.String({ minLength: 1, maxLength: 40 }), note: opt(Note) }) },
  rule: { path: 'rule', summary: 'The street rules which team must take it (审定)', body: body({ teamId: Uuid, note: opt(Note) }) },
  assign: { path: 'assign', summary: 'The leader assigns a member to a slot (领单)', body: body({ volunteerId: Uuid, note: opt(Note) }) },
  grab: { path: 'grab', summary: 'A volunteer grabs a slot, first come first served (抢单)', body: body({ note: opt(Note) }) },
  checkIn: { path: 'check-in', summary: 'Check in on site (签到)', body: body({ lng: opt(Lng), lat: opt(Lat) }) },
  complete: { path: 'complete', summary: 'Close with summary and photos (结单)', body: body({ summary: Type.String({ minLength: 1, maxLength: 2000 }), photos: Photos, lng: opt(Lng), lat: opt(Lat) }) },
  rate: { path: 'rate', summary: 'The requester rates 1–5 stars (评单)', body: body({ rating: Type.Integer({ minimum: 1, maximum: 5 }), solved: Type.Boolean(), comment: opt(Type.String({ maxLength: 500 })) }) },
  confirm: { path: 'confirm', summary: 'The community confirms after 3 days without a rating', body: body({ note: opt(Note) }) },
  cancel: { path: 'cancel', summary: 'Cancel with a reason (撤销)', body: body({ note: Note }) },
  escalate: { path: 'escalate', summary: 'Blow the whistle to the street (吹哨)', body: body({ note: Note }) },
  reply: { path: 'reply', summary: 'Answer the requester on the timeline (templates available)', body: body({ note: Note }) },
} as const;

/** What a caller may be offered in `actions`: the actions with an endpoint (the system's reopen and close have none). */
export type CallerAction = keyof typeof actionRoutes;
const callerActions = Object.keys(actionRoutes) as CallerAction[];

export const NeedSummary = Type.Object({
  id: Type.String(), number: Type.String(), kind: StringEnum(needKinds), categoryId: Type.String(), categoryName: N(Type.String()), categoryNameEn: N(Type.String()),
  title: Type.String(), status: Status, severity: SeveritySchema, channel: StringEnum(channels), regionId: Type.String(), regionName: Type.String(),
  place: Type.Array(Type.String(), { description: 'The full place, top first: 街道 › 社区 › (庭院) › 网格 › 楼栋 (the district left out)' }),
  address: N(Type.String()), requesterName: Type.String(), requesterPhone: N(Type.String()), slots: Type.Integer(), filled: Type.Integer(),
  teamId: N(Type.String()), teamName: N(Type.String()), rulingPending: Type.Boolean(), duplicateCount: Type.Integer(), rating: N(Type.Integer()),
  createdAt: Type.String(), acceptedAt: N(Type.String()), deadlineAt: N(Type.String()), overdue: Type.Boolean(), paused: Type.Boolean({ description: 'The deadline’s clock is paused (挂起)' }), completedAt: N(Type.String()),
  // its latest whistle (吹哨报到): open, closed by the street, or never. A list row tells it while the need
  // is escalated (已吹哨: the tag a closed whistle changes), null otherwise; the need's page always tells it
  whistle: NullableStringEnum(['open', 'closed'] as const),
});

export const NeedDetail = Type.Intersect([
  NeedSummary,
  Type.Object({
    description: Type.String(), photos: Type.Array(Type.String()), answers: Type.Record(Type.String(), Type.String()), lng: N(Type.Number()), lat: N(Type.Number()),
    wantedFrom: N(Type.String()), wantedTo: N(Type.String()), isPublic: Type.Boolean(), onBoard: Type.Boolean({ description: 'Consented to the public board in its words (not only is_public of old)' }), boardPhotos: Type.Boolean(), boardWithdrawn: Type.Boolean({ description: 'Taken off the public board by the community (撤下公示)' }), round: Type.Integer(), declineCount: Type.Integer(),
    duplicateOf: Type.Array(Type.String()), mergedIntoId: N(Type.String()), ratingComment: N(Type.String()), solved: N(Type.Boolean()),
    assignments: Type.Array(Type.Object({
      round: Type.Integer(), slotNo: Type.Integer(), volunteerId: Type.String(), volunteerName: N(Type.String()), via: Type.String(), status: Type.String(),
      checkInAt: N(Type.String()), checkOutAt: N(Type.String()), summary: N(Type.String()),
    })),
    timeline: Type.Array(Type.Object({
      seq: Type.Integer(), at: Type.String(), action: Type.String(), fromStatus: NullableStringEnum(needStatuses), toStatus: Status, actorRole: Type.String(),
      actorName: N(Type.String()), note: N(Type.String()), attachments: Type.Array(Type.String()), data: N(Type.Record(Type.String(), Type.Unknown())),
    })),
    myRelations: Type.Array(Type.String()),
    actions: Type.Array(StringEnum(callerActions)),
  }),
]);

/** What an action answers when it took the need out of the caller's sight (e.g. a team declining). */
export const HiddenResult = Type.Object({ id: Type.String(), status: Status, hidden: Type.Literal(true) });

/** An open need like the one being posted ("follow this one instead"). */
export const SimilarNeed = Type.Object({ id: Type.String(), number: Type.String(), title: Type.String(), status: Status, createdAt: Type.String(), regionName: Type.String() });

export const CreateNeedBody = Type.Object(
  {
    kind: StringEnum(needKinds),
    categoryId: Uuid,
    title: Type.String({ minLength: 2, maxLength: 100 }),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    photos: Type.Optional(Photos),
    // keys are the category's question keys (categories.routes: ^[A-Za-z0-9_]+$, ≤ 40): nothing else is stored
    answers: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z0-9_]{1,40}$' }), Type.String({ maxLength: 200 }), { maxProperties: 20, additionalProperties: false })),
    regionId: Uuid,
    address: Type.Optional(Type.String({ maxLength: 200 })),
    lng: Type.Optional(Lng),
    lat: Type.Optional(Lat),
    wantedFrom: Type.Optional(Type.String({ format: 'date-time' })),
    wantedTo: Type.Optional(Type.String({ format: 'date-time' })),
    slots: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    severity: Type.Optional(SeveritySchema),
    isPublic: Type.Optional(Type.Boolean({ description: 'The requester agrees to the anonymised public board (同意匿名公示)' })),
    boardPhotos: Type.Optional(Type.Boolean({ description: 'With isPublic: the completion’s photos may be shown too' })),
    channel: Type.Optional(StringEnum(channels)),
    requesterName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    requesterPhone: Type.Optional(Phone),
    idempotencyKey: Type.Optional(
      Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: 'Chosen by the client (a UUID) and sent again on a retry: a repeat answers the need the first attempt made' }),
    ),
  },
  { additionalProperties: false },
);

export const ListQuery = Type.Object(
  {
    view: Type.Optional(StringEnum(needViews)),
    status: Type.Optional(Type.String({ maxLength: 200, pattern: `^(${needStatuses.join('|')})(,(${needStatuses.join('|')}))*$` })),
    categoryId: Type.Optional(Uuid),
    regionId: Type.Optional(Uuid),
    channel: Type.Optional(StringEnum(channels)),
    kind: Type.Optional(StringEnum(needKinds)),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    due: Type.Optional(StringEnum(['overdue', 'within24h'] as const)),
    sort: Type.Optional(StringEnum(['newest', 'deadline', 'overdueFirst'] as const)),
    page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  },
  { additionalProperties: false },
);

export const SimilarQuery = Type.Object(
  { categoryId: Uuid, regionId: Uuid, lng: Type.Optional(Lng), lat: Type.Optional(Lat) },
  { additionalProperties: false },
);

export const BulkBody = Type.Object(
  { ids: Type.Array(Uuid, { minItems: 1, maxItems: 200 }), action: StringEnum(['accept', 'dispatch', 'pool'] as const), teamId: opt(Uuid), note: opt(Note) },
  { additionalProperties: false },
);

const listFilters = { ...ListQuery.properties };
export const CountsQuery = Type.Object(
  {
    view: Type.Optional(StringEnum(['all', 'team'] as const)),
    categoryId: listFilters.categoryId, regionId: listFilters.regionId, channel: listFilters.channel, kind: listFilters.kind,
    from: listFilters.from, to: listFilters.to, q: listFilters.q, due: listFilters.due,
  },
  { additionalProperties: false },
);

const BucketKey = StringEnum(bucketKeys);
export const TodoCounts = Type.Object({
  view: StringEnum(['all', 'team'] as const),
  now: Type.String(),
  buckets: Type.Array(
    Type.Object({
      key: BucketKey,
      status: N(Type.String({ description: 'The list filter this count stands for (comma-separated states)' })),
      due: NullableStringEnum(['overdue', 'within24h'] as const),
      count: Type.Integer(),
    }),
  ),
  byCategory: Type.Array(Type.Object({ categoryId: Type.String(), categoryName: N(Type.String()), categoryNameEn: N(Type.String()), counts: Type.Record(Type.String(), Type.Integer()) })),
});
