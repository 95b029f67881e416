import { Type } from '@sinclair/typebox';
import { Phone, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { needStatuses } from '../needs/needs.lifecycle.js';
import { locales } from '../../platform/i18n/i18n.js';
import { postingKinds, postingSources, ruleTriggers, units, withdrawalFor, withdrawalStates } from './ledger.enums.js';

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

export const PassbookQuery = Type.Object(
  {
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    unit: Type.Optional(StringEnum(units)),
    lang: Type.Optional(StringEnum(locales)),
  },
  { additionalProperties: false },
);

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

export const WithdrawalBody = Type.Object(
  {
    forWhom: StringEnum(withdrawalFor),
    beneficiaryName: Type.Optional(Type.String({ maxLength: 50, description: 'For a family member: their name' })),
    relation: Type.Optional(Type.String({ maxLength: 20, description: 'For a family member: how they are related (母亲, 父亲 …)' })),
    beneficiaryPhone: Type.Optional(Phone),
    categoryId: Uuid,
    title: Type.String({ minLength: 2, maxLength: 100 }),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    regionId: Type.String({ format: 'uuid', description: 'Where the service is wanted (a home-level place, as for a resident’s need)' }),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    wantedFrom: Type.Optional(Type.String({ format: 'date-time' })),
    wantedTo: Type.Optional(Type.String({ format: 'date-time' })),
    hours: Type.Number({ minimum: 0.01, maximum: 100, description: 'Hours to spend from my passbook, at most two decimals' }),
    requestKey: Type.Optional(Type.String({ format: 'uuid', description: 'Sent again with a retry: one need, one hold' })),
  },
  { additionalProperties: false },
);

export const Withdrawal = Type.Object({
  needId: Uuid,
  number: Type.String(),
  title: Type.String(),
  needStatus: StringEnum(needStatuses),
  regionName: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  forWhom: StringEnum(withdrawalFor),
  beneficiaryName: Type.String(),
  relation: Type.Union([Type.String(), Type.Null()]),
  beneficiaryPhone: Type.Union([Type.String(), Type.Null()]),
  hours: Type.Number(),
  state: StringEnum(withdrawalStates),
  paid: Type.Union([Type.Number(), Type.Null()], { description: 'Hours paid to whoever served, once settled' }),
  returned: Type.Union([Type.Number(), Type.Null()], { description: 'Hours returned to my passbook, once settled' }),
  createdAt: Type.String({ format: 'date-time' }),
  settledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export const WithdrawalDetail = Type.Intersect([Withdrawal, Type.Object({ heldNow: Type.Number({ description: 'Hours the hold has now' }) })]);
