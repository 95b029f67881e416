import { Type } from '@sinclair/typebox';
import { NullableStringEnum, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { activityStatuses, checkVia, hoursFlags, hoursStatuses, signupStatuses } from './activities.policy.js';
import { purposes } from './activities.token.js';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const DateTime = Type.String({ format: 'date-time' });
const LocalDate = Type.String({ format: 'date', description: 'A local date (Asia/Shanghai), YYYY-MM-DD' });

const Recurrence = Type.Object(
  {
    kind: StringEnum(['weekly', 'monthly'] as const),
    weekdays: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true, description: 'weekly: 1 = Monday … 7 = Sunday' })),
    days: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 31 }), { minItems: 1, maxItems: 31, uniqueItems: true, description: 'monthly: days of the month (themed days: 15 and 28)' })),
    until: LocalDate,
  },
  { additionalProperties: false },
);

const Fields = {
  title: Text(100),
  description: Type.String({ maxLength: 2000 }),
  categoryCode: Type.String({ minLength: 1, maxLength: 60, description: 'A need category’s code' }),
  place: Text(200),
  lat: N(Type.Number({ minimum: -90, maximum: 90 })),
  lng: N(Type.Number({ minimum: -180, maximum: 180 })),
  radiusM: N(Type.Integer({ minimum: 10, maximum: 10_000, description: 'Check-in radius in metres around (lat, lng)' })),
  startsAt: DateTime,
  endsAt: DateTime,
  capacity: Type.Integer({ minimum: 1, maximum: 5000 }),
  themed: Type.Boolean({ description: 'A themed day (主题党日): around the 15th or the 28th' }),
};

export const CreateBody = Type.Object(
  {
    title: Fields.title,
    description: Type.Optional(Fields.description),
    categoryCode: Fields.categoryCode,
    place: Fields.place,
    lat: Type.Optional(Fields.lat),
    lng: Type.Optional(Fields.lng),
    radiusM: Type.Optional(Fields.radiusM),
    startsAt: Fields.startsAt,
    endsAt: Fields.endsAt,
    capacity: Fields.capacity,
    themed: Type.Optional(Fields.themed),
    regionId: Type.Optional({ ...Uuid, description: 'Organised by this community (its staff); default: the caller’s node' }),
    teamId: Type.Optional({ ...Uuid, description: 'Organised by this team (its leader); held at the team’s home' }),
    recurrence: Type.Optional(Recurrence),
    publish: Type.Optional(Type.Boolean({ description: 'Publish at once (default: a draft)' })),
  },
  { additionalProperties: false },
);

export const UpdateBody = Type.Object(
  {
    title: Type.Optional(Fields.title),
    description: Type.Optional(Fields.description),
    categoryCode: Type.Optional(Fields.categoryCode),
    place: Type.Optional(Fields.place),
    lat: Type.Optional(Fields.lat),
    lng: Type.Optional(Fields.lng),
    radiusM: Type.Optional(Fields.radiusM),
    startsAt: Type.Optional(Fields.startsAt),
    endsAt: Type.Optional(Fields.endsAt),
    capacity: Type.Optional(Fields.capacity),
    themed: Type.Optional(Fields.themed),
    applyTo: Type.Optional(StringEnum(['this', 'future'] as const, )),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CancelBody = Type.Object({ reason: Text(500) }, { additionalProperties: false });

const Organiser = Type.Object({ kind: StringEnum(['community', 'team'] as const), id: Type.String(), name: Type.String() });

export const ActivityView = Type.Object({
  id: Type.String(),
  seriesId: N(Type.String()),
  title: Type.String(),
  description: Type.String(),
  categoryCode: Type.String(),
  place: Type.String(),
  lat: N(Type.Number()),
  lng: N(Type.Number()),
  radiusM: N(Type.Integer()),
  startsAt: Type.String(),
  endsAt: Type.String(),
  capacity: Type.Integer(),
  signedCount: Type.Integer(),
  waitlistCount: Type.Integer(),
  themed: Type.Boolean(),
  status: StringEnum(activityStatuses),
  cancelReason: N(Type.String()),
  regionId: Type.String(),
  regionName: Type.String(),
  organiser: Organiser,
  canManage: Type.Boolean({ description: 'The caller organises it' }),
  pendingHours: Type.Integer({ description: 'Attendances whose hours wait for the organiser’s decision (0 for anyone else)' }),
  me: N(
    Type.Object({
      status: StringEnum(signupStatuses),
      position: N(Type.Integer({ description: 'Place on the waitlist, 1 first' })),
      checkedInAt: N(Type.String()),
      checkedOutAt: N(Type.String()),
    }),
  ),
});
export const ActivityPage = Page(ActivityView);

export const ListQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(activityStatuses)),
    regionId: Type.Optional(Uuid),
    teamId: Type.Optional(Uuid),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    mine: Type.Optional(Type.Boolean({ description: 'Only those I signed up for' })),
    hoursPending: Type.Optional(Type.Boolean({ description: 'Only those with hours waiting for a decision (the organiser’s approval queue)' })),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CreatedReply = Type.Object({ ids: Type.Array(Type.String(), { description: 'The activity, or every occurrence of the series in order' }), first: ActivityView });

export const SignupReply = Type.Object({ status: StringEnum(signupStatuses), position: N(Type.Integer()) });

export const SignupRow = Type.Object({
  accountId: Type.String(),
  name: Type.String(),
  phone: Type.String({ description: 'Masked' }),
  status: StringEnum(signupStatuses),
  position: N(Type.Integer()),
  signedUpAt: Type.String(),
  lateCancel: Type.Boolean(),
  noShow: Type.Boolean(),
  absent: Type.Boolean(),
  checkedInAt: N(Type.String()),
  checkInVia: NullableStringEnum(checkVia),
  checkedOutAt: N(Type.String()),
  checkOutVia: NullableStringEnum(checkVia),
  noLocation: Type.Boolean(),
});
export const SignupList = Type.Object({ items: Type.Array(SignupRow) });

export const CodeQuery = Type.Object({ purpose: Type.Optional(StringEnum(purposes)) }, { additionalProperties: false, description: 'purpose: in (default) or out' });
export const CodeReply = Type.Object({
  code: Type.String({ description: 'Shown as a QR code; changes every 30 s' }),
  purpose: StringEnum(purposes),
  validUntil: Type.String({ description: 'The code is refused after this instant' }),
  refreshInMs: Type.Integer({ description: 'When the next code is due' }),
});
export const ScanBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 200 }),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);
export const ScanReply = Type.Object({ purpose: StringEnum(purposes), at: Type.String(), noLocation: Type.Boolean({ description: 'Accepted without a position: shown to the organiser' }) });

export const RollCallBody = Type.Object(
  { items: Type.Array(Type.Object({ accountId: Uuid, present: Type.Boolean() }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false },
);

export const HoursRow = Type.Object({
  accountId: Type.String(),
  name: Type.String(),
  checkedInAt: Type.String(),
  checkedOutAt: Type.String(),
  hours: Type.String({ description: 'Computed (or adjusted) hours, 2 decimals' }),
  status: StringEnum(hoursStatuses),
  flags: Type.Array(StringEnum(hoursFlags)),
  reason: N(Type.String()),
});
export const HoursList = Type.Object({ items: Type.Array(HoursRow) });

export const DecideBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          accountId: Uuid,
          decision: StringEnum(['approve', 'adjust', 'decline'] as const),
          hours: Type.Optional(Type.Number({ minimum: 0, maximum: 24 })),
          reason: Type.Optional(Type.String({ maxLength: 500 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export const DecideReply = Type.Object({ decided: Type.Integer(), skipped: Type.Integer({ description: 'Already decided (or not pending)' }) });

export const SummaryBody = Type.Object({ text: Text(2000), photos: Type.Optional(Type.Array(Uuid, { maxItems: 9 })) }, { additionalProperties: false });
export const PublicSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  categoryCode: Type.String(),
  place: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  organiserName: Type.String(),
  summary: N(Type.String()),
  photos: Type.Array(Type.String({ description: 'Photo ids: /api/public/activities/{id}/photos/{photoId}' })),
  participants: Type.Integer(),
  hours: Type.String({ description: 'Approved hours in all, 2 decimals' }),
});

export const SettingsView = Type.Object({
  lateCancelHours: Type.Integer({ minimum: 0, maximum: 72 }),
  reminderHours: Type.Integer({ minimum: 0, maximum: 72 }),
  autoCheckoutHours: Type.Integer({ minimum: 0, maximum: 24 }),
  dailyMaxHours: Type.Integer({ minimum: 1, maximum: 24 }),
});
export const SettingsBody = Type.Object(SettingsView.properties, { additionalProperties: false });

export const ThemedQuery = Type.Object({ date: LocalDate }, { additionalProperties: false });
export const ThemedReply = Type.Object({ themed: Type.Boolean(), suggestion: Type.String() });
