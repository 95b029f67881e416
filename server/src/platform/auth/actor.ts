import type { Role } from './roles.js';

/** Who is calling: every service takes this as its first argument. */
export type Actor = {
  accountId: string;
  districtId: string;
  name: string;
  roles: Role[];
  /** The node the account is bound to, and its materialised path: staff see `regionPath%`. */
  regionId: string;
  regionPath: string;
  mustChangePassword: boolean;
  sessionKey?: { districtId: string; tokenHash: string };
  ip: string;
  userAgent?: string;
  /** Timers and jobs acting on their own (e.g. closing after a rating). */
  isSystem?: boolean;
};

/** The system itself (seeding, jobs, CLI): full scope within one district. */
export function systemActor(districtId: string, regionPath: string): Actor {
  return {
    accountId: '00000000-0000-0000-0000-000000000000',
    districtId,
    name: 'system',
    roles: ['districtAdmin'],
    regionId: districtId,
    regionPath,
    mustChangePassword: false,
    ip: '127.0.0.1',
    isSystem: true,
  };
}
