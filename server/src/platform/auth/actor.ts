import type { ActorRole } from './roles.js';

/** Who is calling: every service takes this as its first argument. */
export type Actor = {
  accountId: string;
  districtId: string;
  name: string;
  roles: ActorRole[];
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

export const SYSTEM_ACCOUNT_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The system itself (timers, jobs, the operator CLI) within one district: its own role with its own
 * few powers, shown as 系统 on timelines and in the audit log — never a district admin in disguise.
 */
export function systemActor(districtId: string, regionPath = '/'): Actor {
  return {
    accountId: SYSTEM_ACCOUNT_ID,
    districtId,
    name: '系统',
    roles: ['system'],
    regionId: districtId,
    regionPath,
    mustChangePassword: false,
    ip: '127.0.0.1',
    isSystem: true,
  };
}
