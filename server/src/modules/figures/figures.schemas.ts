import { Type } from '@sinclair/typebox';
import { PageQuery, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { needStatuses } from '../needs/needs.lifecycle.js';
import { severities } from '../needs/needs.enums.js';

export const groupings = ['street', 'community', 'grid', 'team'] as const;
export type GroupBy = (typeof groupings)[number];
export const dueWindows = ['overdue', 'dueSoon'] as const;

const Day = Type.String({ format: 'date', description: 'A day in Asia/Shanghai, YYYY-MM-DD (both ends included)' });
const N = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);
const Rate = N(Type.Number({ description: 'A share between 0 and 1; null when nothing was counted' }));

const periodFilters = {
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  regionId: Type.Optional(Uuid),
};

export const SummaryQuery = Type.Object({ ...periodFilters, groupBy: Type.Optional(StringEnum(groupings)) }, { additionalProperties: false });
export const OverdueQuery = Type.Object({ regionId: Type.Optional(Uuid), window: Type.Optional(StringEnum(dueWindows)), ...PageQuery }, { additionalProperties: false });

const Figures = {
  received: Type.Integer({ description: 'Needs submitted in the period' }),
  accepted: Type.Integer({ description: 'Needs accepted in the period' }),
  responseMedianHours: N(Type.Number({ description: 'Median hours from submission to acceptance, over needs accepted in the period' })),
  responseMeanHours: N(Type.Number()),
  completed: Type.Integer({ description: 'Needs completed in the period' }),
  withDeadline: Type.Integer(),
  onTime: Type.Integer({ description: 'Completed in the period by their deadline' }),
  onTimeRate: Rate,
  rated: Type.Integer({ description: 'Ratings given in the period' }),
  satisfied: Type.Integer({ description: 'Of those, 4 or 5 stars' }),
  satisfactionRate: Rate,
  reopened: Type.Integer({ description: 'Completed in the period after being reopened (round > 1)' }),
  reopenRate: Rate,
  overdue: Type.Integer({ description: 'Open needs past their deadline now' }),
  dueSoon: Type.Integer({ description: 'Open needs due within 24 hours' }),
};

export const Summary = Type.Object({
  from: Type.String(),
  to: Type.String(),
  groupBy: StringEnum(groupings),
  regionId: Type.String(),
  regionName: Type.String(),
  now: Type.String(),
  totals: Type.Object(Figures),
  groups: Type.Array(Type.Object({ rank: Type.Integer(), id: Type.Union([Type.String(), Type.Null()]), name: Type.Union([Type.String(), Type.Null()], { description: 'null: needs in no group of this level (or not dispatched to a team)' }), parentName: Type.Union([Type.String(), Type.Null()], { description: 'Grids only: the node above (grids are often named alike)' }), ...Figures })),
});

export const OverdueItem = Type.Object({
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  status: StringEnum(needStatuses),
  severity: StringEnum(severities),
  regionName: Type.String(),
  place: Type.Array(Type.String(), { description: 'The full place, top first: 街道 › 社区 › 网格 › 楼栋 (the district left out)' }),
  teamName: Type.Union([Type.String(), Type.Null()]),
  deadlineAt: Type.String(),
  hoursPast: Type.Number({ description: 'Hours since the deadline (negative: hours left)' }),
});
