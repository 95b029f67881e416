import type { PlatformDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword, passwordProblem } from '../../platform/auth/password.js';
import { passwordError } from '../../platform/auth/auth.errors.js';
import type { Notifier } from '../../platform/notify/notify.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { VolunteersService } from '../volunteers/volunteers.service.js';
import type { LoginThrottle } from './auth.throttle.js';
import { PRIVACY_POLICY_VERSION } from '../../platform/privacy/policy.js';
import type { SmsCodes } from './auth.codes.js';
import { authError } from './auth.errors.js';
import './auth.messages.js';

/** Where a request came from, as the throttle and the audit log record it. */
export type ClientInfo = { ip: string; userAgent?: string };

export type Registration = { phone: string; password: string; name: string; regionId: string; volunteer?: boolean; smsCode: string; privacyVersion: string };

type Deps = Pick<PlatformDeps, 'db' | 'clock'> & { accounts: AccountsService; audit: AuditService; notifier: Notifier; throttle: LoginThrottle; volunteers: VolunteersService; codes: SmsCodes };

/**
 * Self-registration by phone, answered the same whether or not the phone already has an account,
 * so nobody learns which numbers are registered:
 * - the answer is always 202 with the same body and no session (a session for a new phone would be
 *   the difference); the person then logs in with the password they chose;
 * - a new phone gets its account; for a taken phone nothing is created and the phone's owner is
 *   told by SMS that someone tried (at most once an hour, so this cannot be used to flood a phone);
 * - both paths hash the password and write in one transaction, so they take about the same time.
 * - the phone is proven first by the SMS code sent to it (auth.codes.ts), so nobody registers a
 *   number that is not theirs; the code is used up in the registration's transaction;
 * - the person agrees to the current privacy policy (PIPL): its version and the time are recorded
 *   on the account.
 *
 * Every check (lock, region, password rules) runs before anything is written, and the account, its
 * phone directory row and the audit entry commit together: no half-done registration.
 */
export function createRegistration(deps: Deps) {
  return async function register(input: Registration, client: ClientInfo): Promise<void> {
    await deps.throttle.assertNotLocked(input.phone, client.ip);
    if (input.privacyVersion !== PRIVACY_POLICY_VERSION) throw authError('auth.privacy_consent', { field: 'privacyVersion' });
    const region = await deps.accounts.registrationRegion(input.regionId);
    const problem = passwordProblem(input.password, input.phone);
    if (problem) throw passwordError(problem, { field: 'password' });
    const code = await deps.codes.check(input.phone, 'register', input.smsCode);
    const passwordHash = await hashPassword(input.password);
    await deps.db.transaction(async (tx) => {
      await deps.codes.consume(tx, input.phone, 'register', code);
      // the phone directory's primary key decides, atomically: of concurrent registrations one creates
      const row = await deps.accounts.insertResident(tx, { phone: input.phone, name: input.name, passwordHash, region, privacy: { version: input.privacyVersion, at: deps.clock.now() } });
      if (row) {
        const self: Actor = {
          accountId: row.id,
          districtId: row.districtId,
          name: row.name,
          roles: row.roles as Actor['roles'],
          regionId: region.id,
          regionPath: region.path,
          mustChangePassword: false,
          ...client,
        };
        await deps.audit.record(self, { action: 'accounts.register', objectType: 'account', objectId: row.id, regionId: region.id });
        // "I want to volunteer" is an application the community decides on, not the role itself
        if (input.volunteer) await deps.volunteers.applyOnRegistration(tx, row.districtId, { accountId: row.id, name: row.name, regionId: region.id, regionPath: region.path });
        return;
      }
      const owner = await deps.accounts.findForLogin(input.phone);
      if (!owner) return; // accounts are never deleted; nothing to tell if one ever were
      const hour = Math.floor(Date.now() / 3_600_000);
      await deps.notifier.toPhone(tx, {
        districtId: owner.districtId,
        phone: input.phone,
        template: 'auth.register_existing',
        dedupeKey: `auth.register_existing:${hour}`,
      });
      await deps.audit.recordAnonymous({ districtId: owner.districtId, ip: client.ip, userAgent: client.userAgent },
        { action: 'accounts.register_existing', objectType: 'account', objectId: owner.id, regionId: owner.regionId, details: { phone: maskPhone(input.phone) } },
      );
    });
  };
}
