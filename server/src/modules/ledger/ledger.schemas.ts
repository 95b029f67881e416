import { Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../platform/http/schemas.js';
import { postingKinds, postingSources, ruleTriggers, units } from './ledger.enums.js';

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD, Asia/Shanghai' });
const Points = Type.Number({ description: 'Points, at most two decimals' });

export const Balances = Type.Object({ hours: Type.Number(), points: Type.Number() });

export const StatementLine = Type.Object({
  transactionId: Uuid,
  postedAt: Type.String({ format: 'date-time' }),
  effectiveOn: Type.String(),
  unit: StringEnum(units),
  amount: Type.Number(),
  balance: Type.Number({ description: 'The account’s balance after this line' }),
  kind: StringEnum(postingKinds),
  source: StringEnum(postingSources),
  sourceId: Type.Union([Type.String(), Type.Null()]),
  memo: Type.String(),
  ruleCode: Type.Union([Type.String(), Type.Null()]),
  ruleName: Type.Union([Type.String(), Type.Null()]),
  ruleNameEn: Type.Union([Type.String(), Type.Null()]),
});

export const StatementQuery = Type.Object(
  {
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    unit: Type.Optional(StringEnum(units)),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const Statement = Type.Object({
  accountId: Uuid,
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.Union([Type.String(), Type.Null()]),
  opening: Balances,
  closing: Balances,
  total: Type.Integer(),
  items: Type.Array(StatementLine),
});

export const MyLedger = Type.Intersect([Balances, Type.Object({ recent: Type.Array(StatementLine) })]);

export const CommunityFigures = Type.Object({
  communityId: Uuid,
  name: Type.String(),
  pointsIssued: Type.Number(),
  pointsDeducted: Type.Number(),
  pointsRedeemed: Type.Number(),
  pointsOutstanding: Type.Number(),
  hoursDeposited: Type.Number(),
});
export const PeriodQuery = Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) }, { additionalProperties: false });

export const AwardBody = Type.Object(
  {
    volunteerId: Uuid,
    ruleCode: Type.String({ minLength: 1, maxLength: 40 }),
    note: Type.String({ minLength: 1, maxLength: 200 }),
    requestKey: Type.Optional(Type.String({ format: 'uuid', description: 'Sent again with a retry: the award posts once' })),
  },
  { additionalProperties: false },
);
export const AwardResult = Type.Object({ transactionKey: Type.String(), created: Type.Boolean() });
export const ReverseBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export const Reversal = Type.Object({ id: Uuid, created: Type.Boolean() });

export const Rule = Type.Object({
  id: Uuid,
  code: Type.String(),
  trigger: StringEnum(ruleTriggers),
  name: Type.String(),
  nameEn: Type.String(),
  points: Type.Number(),
  effectiveFrom: Type.String(),
  effectiveTo: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  inForce: Type.Boolean({ description: 'This version applies today' }),
  note: Type.String(),
});
export const RuleCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z][A-Za-z0-9_.]*$' }) }, { additionalProperties: false });
export const RuleChangeBody = Type.Object(
  {
    points: Points,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    active: Type.Optional(Type.Boolean()),
    effectiveFrom: Day,
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const NewRuleBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z][A-Za-z0-9_.]*$' }),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    nameEn: Type.String({ minLength: 1, maxLength: 100 }),
    points: Points,
    effectiveFrom: Day,
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const Caps = Type.Object({ dailyCap: Type.Union([Type.Number(), Type.Null()]), monthlyCap: Type.Union([Type.Number(), Type.Null()]) }, { additionalProperties: false });
