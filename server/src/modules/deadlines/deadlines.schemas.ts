import { Type } from '@sinclair/typebox';
import { StringEnum } from '../../platform/http/schemas.js';
import { severities } from '../needs/needs.enums.js';
import { dayKinds, windowUnits } from './deadlines.policy.js';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const Amount = Type.Integer({ minimum: 1, maximum: 365, description: 'Length of the window in `unit`s' });
export const Unit = StringEnum(windowUnits);

export const DeadlineRule = Type.Object({
  id: Type.String(),
  regionId: N(Type.String({ description: 'null: the whole district' })),
  regionName: N(Type.String()),
  categoryId: N(Type.String({ description: 'null: every category' })),
  categoryName: N(Type.String()),
  categoryNameEn: N(Type.String()),
  severity: StringEnum(severities),
  amount: Type.Integer(),
  unit: Unit,
  editable: Type.Boolean({ description: 'Whether the caller may change or delete it' }),
  updatedAt: Type.String(),
});

export const CreateRuleBody = Type.Object(
  {
    regionId: Type.Optional(Type.String({ format: 'uuid', description: 'A subtree; omitted: the whole district (district admins)' })),
    categoryId: Type.Optional(Type.String({ format: 'uuid', description: 'A category (and its subcategories); omitted: every category' })),
    severity: StringEnum(severities),
    amount: Amount,
    unit: Unit,
  },
  { additionalProperties: false },
);

export const UpdateRuleBody = Type.Object({ amount: Type.Optional(Amount), unit: Type.Optional(Unit) }, { additionalProperties: false, minProperties: 1 });

export const CalendarDay = Type.Object({ day: Type.String({ format: 'date' }), kind: StringEnum(dayKinds), name: Type.String() });
export const SetDayBody = Type.Object(
  { day: Type.String({ format: 'date', description: 'A Shanghai local date, YYYY-MM-DD' }), kind: StringEnum(dayKinds), name: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);
export const DayParams = Type.Object({ day: Type.String({ format: 'date' }) }, { additionalProperties: false });
export const CalendarQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false });
export const CalendarYear = Type.Object({ year: Type.Integer(), days: Type.Array(CalendarDay) });
