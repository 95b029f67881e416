import { Type } from '@sinclair/typebox';
import { Uuid } from '../../platform/http/schemas.js';

const N = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);
const Rate = N(Type.Number({ description: 'A share between 0 and 1; null when nothing was counted' }));

export const ScreenQuery = Type.Object({ regionId: Type.Optional(Uuid) }, { additionalProperties: false });

const Totals = Type.Object({
  received: Type.Integer({ description: 'Needs submitted this year (Asia/Shanghai)' }),
  completed: Type.Integer({ description: 'Needs completed this year' }),
  open: Type.Integer({ description: 'Needs not yet completed or stopped, now' }),
  overdue: Type.Integer({ description: 'Open needs past their running deadline, now (as the figures count them)' }),
  onTimeRate: Rate,
  satisfactionRate: Rate,
  activeVolunteers: Type.Integer({ description: 'Active registered volunteers living in the subtree' }),
  teams: Type.Integer({ description: 'Active teams based in the subtree' }),
  verifiedHours: Type.Number({ description: 'Hours verified on the volunteers’ record this year' }),
  pointsIssued: Type.Number({ description: 'Points earned by the communities’ volunteers this year' }),
  pointsRedeemed: Type.Number({ description: 'Points redeemed at the communities’ malls this year (confirmed)' }),
});

export const Screen = Type.Object({
  regionId: Type.String(),
  regionName: Type.String(),
  now: Type.String(),
  year: Type.Integer(),
  month: Type.String({ description: 'This month, YYYY-MM: what the rates and rankings count' }),
  totals: Totals,
  trend: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM' }), received: Type.Integer(), completed: Type.Integer() }), { description: 'The last 12 months, oldest first' }),
  categories: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), nameEn: Type.String(), received: Type.Integer() }), { description: 'This year’s top 8 top-level categories by needs received' }),
  grids: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      parentName: Type.Union([Type.String(), Type.Null()], { description: 'The node above (grids are often named alike)' }),
      centre: Type.Union([Type.Object({ lng: Type.Number(), lat: Type.Number() }), Type.Null()]),
      open: Type.Integer(),
      overdue: Type.Integer(),
    }),
    { description: 'Every grid of the subtree with its open and overdue needs now' },
  ),
  teams: Type.Array(Type.Object({ rank: Type.Integer(), id: Type.String(), name: Type.String(), completed: Type.Integer(), onTimeRate: Rate, satisfactionRate: Rate }), { description: 'This month’s top 5 teams by needs completed' }),
  volunteers: Type.Array(
    Type.Object({ rank: Type.Integer(), name: Type.String(), community: Type.String(), street: Type.Union([Type.String(), Type.Null()]), hours: Type.String(), services: Type.Integer(), stars: Type.Integer() }),
    { description: 'This month’s top 10 volunteers by verified hours' },
  ),
});
