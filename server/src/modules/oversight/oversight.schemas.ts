import { Type } from '@sinclair/typebox';
import { NullableStringEnum, PageQuery, Page, StringEnum } from '../../platform/http/schemas.js';
import { needStatuses } from '../needs/needs.lifecycle.js';
import { windowUnits } from '../deadlines/deadlines.policy.js';
import { askerRoles, changeKinds, changeStates, satisfactions, supervisionKinds } from './oversight.policy.js';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Reason = Type.String({ minLength: 1, maxLength: 500 });

export const NeedIdParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'The need' }) }, { additionalProperties: false });

export const AskBody = Type.Object(
  {
    kind: StringEnum(changeKinds),
    reason: Reason,
    extraDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30, description: 'An extension: days added in the window’s unit (calendar or working days)' })),
    newDeadline: Type.Optional(Type.String({ format: 'date-time', description: 'An extension: the deadline asked for (instead of extraDays)' })),
    resumeOn: Type.Optional(Type.String({ format: 'date', description: 'A pause: the Shanghai date the handler expects to go on; the clock resumes by itself at 00:00 that day' })),
  },
  { additionalProperties: false },
);

export const DecideBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 500, description: 'Why: required to refuse' })) }, { additionalProperties: false });
export const EmptyBody = Type.Object({}, { additionalProperties: false });

export const DeadlineChange = Type.Object({
  id: Type.String(),
  needId: Type.String(),
  kind: StringEnum(changeKinds),
  state: StringEnum(changeStates),
  reason: Type.String(),
  requestedBy: Type.String(),
  requestedByName: N(Type.String()),
  requestedRole: StringEnum(askerRoles),
  requestedAt: Type.String(),
  decidedByName: N(Type.String()),
  decidedAt: N(Type.String()),
  decisionNote: N(Type.String()),
  resumeOn: N(Type.String()),
  pausedAt: N(Type.String()),
  resumedAt: N(Type.String()),
  resumedByName: N(Type.String({ description: 'Null when the system resumed it (expected date reached, or the need was finished)' })),
  oldDeadline: Type.String(),
  newDeadline: N(Type.String({ description: 'An extension: the deadline asked for; a pause: the deadline after it ended' })),
  canDecide: Type.Boolean(),
  canResume: Type.Boolean(),
});

export const NeedDeadlineChanges = Type.Object({
  needId: Type.String(),
  running: Type.Boolean({ description: 'The deadline runs (accepted, not yet completed)' }),
  deadlineAt: N(Type.String()),
  pausedAt: N(Type.String({ description: 'Set while the clock is paused' })),
  windowUnit: StringEnum(windowUnits),
  canAsk: Type.Boolean({ description: 'The caller may ask for a pause or an extension now' }),
  items: Type.Array(DeadlineChange),
});

export const DecisionItem = Type.Intersect([
  DeadlineChange,
  Type.Object({ needNumber: Type.String(), needTitle: Type.String(), needStatus: StringEnum(needStatuses), needDeadlineAt: N(Type.String()) }),
]);

export const DecisionsQuery = Type.Object({ state: Type.Optional(StringEnum(changeStates)), ...PageQuery }, { additionalProperties: false });
export const Decisions = Page(DecisionItem);

export const RecordBody = Type.Object(
  {
    kind: StringEnum(supervisionKinds),
    happenedOn: Type.String({ format: 'date', description: 'The Shanghai date it happened: not before acceptance, not after today' }),
    outcome: Type.String({ minLength: 1, maxLength: 1000 }),
    satisfaction: Type.Optional(StringEnum(satisfactions)),
  },
  { additionalProperties: false },
);

export const SupervisionRecord = Type.Object({
  id: Type.String(),
  needId: Type.String(),
  round: Type.Integer(),
  kind: StringEnum(supervisionKinds),
  happenedOn: Type.String(),
  outcome: Type.String(),
  satisfaction: NullableStringEnum(satisfactions),
  recordedBy: Type.String(),
  recordedByName: N(Type.String()),
  recordedRole: Type.String(),
  recordedAt: Type.String(),
});

export const NeedSupervisions = Type.Object({
  items: Type.Array(SupervisionRecord),
  canSupervise: Type.Boolean({ description: 'The caller may record 督办 now (the deadline runs)' }),
  canCallback: Type.Boolean({ description: 'The caller may record the satisfaction callback now (served)' }),
});
