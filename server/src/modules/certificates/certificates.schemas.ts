import { Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../platform/http/schemas.js';

const Day = (description: string) => Type.String({ format: 'date', description });

export const IssueBody = Type.Object(
  {
    volunteerId: Type.Optional({ ...Uuid, description: 'Staff: the volunteer (in your subtree) to certify; left out: yourself' }),
    from: Type.Optional(Day('First day of the period (Asia/Shanghai); default 1 January of this year')),
    to: Type.Optional(Day('Last day of the period, not after today; default today')),
  },
  { additionalProperties: false },
);

const fields = {
  code: Type.String({ description: 'The verification code as printed, groups of four: XXXX-XXXX-XXXX-XXXX-XXXX' }),
  name: Type.String(),
  number: Type.String({ description: 'The volunteer number' }),
  communityName: Type.String(),
  districtName: Type.String({ description: 'The issuing organisation' }),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  totalHours: Type.Number({ description: 'Verified hours in the period' }),
  serviceCount: Type.Integer({ description: 'Verified services in the period' }),
  issuedAt: Type.String({ format: 'date-time' }),
};

export const Certificate = Type.Object({ id: Uuid, volunteerId: Uuid, verifyPath: Type.String({ description: 'The web app’s public verification page for the code' }), ...fields });
export const CertificateList = Type.Object({ items: Type.Array(Certificate) });

export const Verification = Type.Object({
  status: StringEnum(['valid', 'invalid', 'mistyped', 'malformed'] as const),
  valid: Type.Boolean(),
  certificate: Type.Union([Type.Object({ ...fields, name: Type.String({ description: 'Masked as on every public page' }) }), Type.Null()]),
});
