import crypto from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { PlatformDeps } from '../../app.types.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../platform/auth/password.js';
import type { Role } from '../../platform/auth/roles.js';
import { passwordError } from '../../platform/auth/auth.errors.js';
import { platformError } from '../../platform/errors/platform.errors.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import { loginThrottle, sessions } from './auth.table.js';
import { authError } from './auth.errors.js';

export type ClientInfo = { ip: string; userAgent?: string };

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
// verified against when the phone is unknown, so a miss costs the same time as a wrong password
const dummyHash = hashPassword('not-a-real-password-Aa1!');

/** Used when an account is disabled or its password reset: every session ends at once. */
export async function endAllSessions(tx: DbOrTx, districtId: string, accountId: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.districtId, districtId), eq(sessions.accountId, accountId)));
}

export function createAuthService(deps: PlatformDeps & { accounts: AccountsService; audit: AuditService }) {
  const { db, config } = deps;

  /** Atomically counts a failure; locks the phone once the window holds too many. */
  async function recordFailure(phone: string): Promise<void> {
    const windowMinutes = config.loginLockMinutes;
    await db.execute(sql`
      INSERT INTO login_throttle (phone, failures, window_start) VALUES (${phone}, 1, now())
      ON CONFLICT (phone) DO UPDATE SET
        failures = CASE WHEN login_throttle.window_start < now() - make_interval(mins => ${windowMinutes})
                        THEN 1 ELSE login_throttle.failures + 1 END,
        window_start = CASE WHEN login_throttle.window_start < now() - make_interval(mins => ${windowMinutes})
                        THEN now() ELSE login_throttle.window_start END,
        locked_until = CASE WHEN login_throttle.window_start >= now() - make_interval(mins => ${windowMinutes})
                             AND login_throttle.failures + 1 >= ${config.loginMaxFailures}
                        THEN now() + make_interval(mins => ${config.loginLockMinutes})
                        ELSE login_throttle.locked_until END`);
  }

  async function lockedMinutes(phone: string): Promise<number> {
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.phone, phone));
    if (!row?.lockedUntil) return 0;
    const ms = row.lockedUntil.getTime() - Date.now();
    return ms > 0 ? Math.ceil(ms / 60_000) : 0;
  }

  async function createSession(districtId: string, accountId: string, client: ClientInfo): Promise<string> {
    const token = crypto.randomBytes(32).toString('base64url');
    await db.insert(sessions).values({
      districtId,
      accountId,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + config.sessionMaxHours * 3_600_000),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300),
    });
    return `${districtId}.${token}`;
  }

  return {
    /** Phone + password → a new session cookie value. Same answer for unknown phone and bad password. */
    async login(input: { phone: string; password: string }, client: ClientInfo): Promise<{ cookie: string; actor: Actor }> {
      const minutes = await lockedMinutes(input.phone);
      if (minutes > 0) throw authError('auth.locked', { params: { minutes } });
      const account = await deps.accounts.findForLogin(input.phone);
      const ok = await verifyPassword(account?.passwordHash ?? (await dummyHash), input.password);
      if (!account || !ok) {
        await recordFailure(input.phone);
        const nowLocked = await lockedMinutes(input.phone);
        if (nowLocked > 0) throw authError('auth.locked', { params: { minutes: nowLocked } });
        throw authError('auth.invalid_credentials');
      }
      if (account.status !== 'active') throw authError('auth.disabled');
      await db.delete(loginThrottle).where(eq(loginThrottle.phone, input.phone));
      const cookie = await createSession(account.districtId, account.id, client);
      const actor = await this.resolveSession(cookie, client);
      if (!actor) throw platformError('server.internal');
      await db.transaction(async (tx) => {
        await deps.accounts.markLoggedIn(tx, account.districtId, account.id);
        await deps.audit.record(tx, actor, { action: 'auth.login', objectType: 'account', objectId: account.id, regionId: account.regionId });
      });
      return { cookie, actor };
    },

    /** Cookie → actor, enforcing idle timeout, maximum lifetime and account status on every request. */
    async resolveSession(cookie: string, client: ClientInfo): Promise<Actor | null> {
      const dot = cookie.indexOf('.');
      const districtId = cookie.slice(0, dot);
      if (dot !== 36 || !/^[0-9a-f-]{36}$/.test(districtId)) return null;
      const tokenHash = sha256(cookie.slice(dot + 1));
      const [session] = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.districtId, districtId), eq(sessions.tokenHash, tokenHash)));
      if (!session) return null;
      const now = Date.now();
      const idleMs = config.sessionIdleMinutes * 60_000;
      if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleMs <= now) {
        await db.delete(sessions).where(and(eq(sessions.districtId, districtId), eq(sessions.tokenHash, tokenHash)));
        return null;
      }
      const account = await deps.accounts.actorView(districtId, session.accountId);
      if (!account || account.status !== 'active') return null;
      // touch at most once a minute: one write per active user per minute, not per request
      if (now - session.lastSeenAt.getTime() > 60_000) {
        await db
          .update(sessions)
          .set({ lastSeenAt: new Date(now) })
          .where(and(eq(sessions.districtId, districtId), eq(sessions.tokenHash, tokenHash)));
      }
      return {
        accountId: account.id,
        districtId,
        name: account.name,
        roles: account.roles as Role[],
        regionId: account.regionId,
        regionPath: account.regionPath,
        mustChangePassword: account.mustChangePassword,
        sessionKey: { districtId, tokenHash },
        ip: client.ip,
        userAgent: client.userAgent,
      };
    },

    async logout(actor: Actor): Promise<void> {
      if (!actor.sessionKey) return;
      const { districtId, tokenHash } = actor.sessionKey;
      await db.transaction(async (tx) => {
        await tx.delete(sessions).where(and(eq(sessions.districtId, districtId), eq(sessions.tokenHash, tokenHash)));
        await deps.audit.record(tx, actor, { action: 'auth.logout', objectType: 'account', objectId: actor.accountId });
      });
    },

    /** Changing the password ends every other session of the account. */
    async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<void> {
      const account = await deps.accounts.credentials(actor.districtId, actor.accountId);
      if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
        throw authError('auth.wrong_password', { field: 'currentPassword' });
      }
      if (input.currentPassword === input.newPassword) throw authError('auth.password_same', { field: 'newPassword' });
      const problem = passwordProblem(input.newPassword, account.phone);
      if (problem) throw passwordError(problem, { field: 'newPassword' });
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await deps.accounts.setPasswordHash(tx, actor.districtId, actor.accountId, passwordHash, false);
        const keep = actor.sessionKey?.tokenHash ?? '';
        await tx
          .delete(sessions)
          .where(and(eq(sessions.districtId, actor.districtId), eq(sessions.accountId, actor.accountId), ne(sessions.tokenHash, keep)));
        await deps.audit.record(tx, actor, { action: 'auth.change_password', objectType: 'account', objectId: actor.accountId });
      });
    },

    createSession,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
