import crypto from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { PlatformDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../platform/auth/password.js';
import { createSessionCache } from '../../platform/auth/session-cache.js';
import type { Role } from '../../platform/auth/roles.js';
import { passwordError } from '../../platform/auth/auth.errors.js';
import { platformError } from '../../platform/errors/platform.errors.js';
import type { Notifier } from '../../platform/notify/notify.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { VolunteersService } from '../volunteers/volunteers.service.js';
import { createRegistration, type ClientInfo } from './auth.register.js';
import { createSmsCodes } from './auth.codes.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { sessions } from './auth.table.js';
import { createLoginThrottle } from './auth.throttle.js';
import { authError } from './auth.errors.js';

type LoginAccount = Awaited<ReturnType<AccountsService['findForLogin']>>;

/** Who a session is, as kept between its requests; each request adds where it comes from. */
type SignedIn = Omit<Actor, 'ip' | 'userAgent'>;

/** A session's "last seen" is written at most this often: one write per active user per minute. */
const TOUCH_EVERY_MS = 60_000;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
// verified against when the phone is unknown, so a miss costs the same time as a wrong password
const dummyHash = hashPassword('not-a-real-password-Aa1!');

/** Used when an account is disabled or its password reset: every session ends at once. */
export async function endAllSessions(tx: DbOrTx, districtId: string, accountId: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.districtId, districtId), eq(sessions.accountId, accountId)));
}

export function createAuthService(deps: PlatformDeps & { accounts: AccountsService; audit: AuditService; notifier: Notifier; volunteers: VolunteersService; notifications: NotificationsService }) {
  const { db, config } = deps;
  // callers signed in on this instance, between their requests (platform/auth/session-cache.ts)
  const signedIn = createSessionCache<{ actor: SignedIn; lastSeenAt: number; expiresAt: number }>(deps.database, (msg) => console.warn(`[lianxin] ${msg}`));
  const throttle = createLoginThrottle(deps);
  const codes = createSmsCodes({ ...deps, channel: deps.notifications.codes });

  /**
   * Counts a failed login and audits it, the lock it may cause and the phone-wide slow-down, on the
   * account the phone belongs to. A phone without an account has no district whose log could hold
   * the entry (and writing one anywhere would let strangers fill a district's log): it is throttled
   * the same, and the request log keeps the 401 and its address like every request.
   */
  async function recordFailedLogin(account: LoginAccount | undefined, phone: string, client: ClientInfo) {
    const outcome = await db.transaction(async (tx) => {
      const result = await throttle.recordFailure(tx, phone, client.ip);
      if (!account) return result;
      const source = { districtId: account.districtId, ip: client.ip, userAgent: client.userAgent };
      const on = { objectType: 'account', objectId: account.id, regionId: account.regionId };
      const masked = maskPhone(phone);
      await deps.audit.recordAnonymous(source, { action: 'auth.login_failed', ...on, details: { phone: masked } });
      if (result.justLocked) {
        await deps.audit.recordAnonymous(source, { action: 'auth.locked', ...on, details: { phone: masked, minutes: result.lockedMinutes } });
      }
      if (result.justThrottled) {
        await deps.audit.recordAnonymous(source, { action: 'auth.throttled', ...on, details: { phone: masked, failures: config.loginPhoneMaxFailures } });
      }
      return result;
    });
    await throttle.sweep();
    return outcome;
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
      await throttle.admit(input.phone, client.ip);
      const account = await deps.accounts.findForLogin(input.phone);
      const ok = await verifyPassword(account?.passwordHash ?? (await dummyHash), input.password);
      if (!account || !ok) {
        const { lockedMinutes } = await recordFailedLogin(account, input.phone, client);
        if (lockedMinutes > 0) throw authError('auth.locked', { params: { minutes: lockedMinutes } });
        throw authError('auth.invalid_credentials');
      }
      if (account.status !== 'active') throw authError('auth.disabled');
      await throttle.recordSuccess(input.phone, client.ip);
      const cookie = await createSession(account.districtId, account.id, client);
      const actor = await this.resolveSession(cookie, client);
      if (!actor) throw platformError('server.internal');
      await db.transaction(async (tx) => {
        await deps.accounts.markLoggedIn(tx, account.districtId, account.id);
        await deps.audit.record(actor, { action: 'auth.login', objectType: 'account', objectId: account.id, regionId: account.regionId });
      });
      return { cookie, actor };
    },

    register: createRegistration({ ...deps, throttle, codes }),

    /** A verification code by SMS to a phone about to register in this community (202 whether or not it has an account). */
    async sendRegistrationCode(input: { phone: string; regionId: string }, client: ClientInfo) {
      const region = await deps.accounts.registrationRegion(input.regionId);
      await codes.send({ phone: input.phone, districtId: region.districtId, purpose: 'register', ip: client.ip });
    },

    /** An admin ends every lock and delay on an account's phone (accounts.manage, in scope). */
    async unlock(actor: Actor, accountId: string): Promise<{ wasLocked: boolean }> {
      return db.transaction(async (tx) => {
        const target = await deps.accounts.manageable(tx, actor, accountId);
        const wasLocked = await throttle.unlock(tx, target.phone);
        await deps.audit.record(actor, {
          action: 'auth.unlock',
          objectType: 'account',
          objectId: target.id,
          regionId: target.regionId,
          details: { phone: maskPhone(target.phone), wasLocked },
        });
        return { wasLocked };
      });
    },

    /** Cookie → actor, enforcing idle timeout, maximum lifetime and account status on every request. */
    async resolveSession(cookie: string, client: ClientInfo): Promise<Actor | null> {
      const dot = cookie.indexOf('.');
      const districtId = cookie.slice(0, dot);
      if (dot !== 36 || !/^[0-9a-f-]{36}$/.test(districtId)) return null;
      const tokenHash = sha256(cookie.slice(dot + 1));
      const key = `${districtId}.${tokenHash}`;
      const now = Date.now();
      const known = signedIn.get(key);
      // kept from an earlier request: good until the session needs its minute's touch (its idle
      // timeout is minutes away until then) or ends, or anything about it changes (session-cache.ts)
      if (known && now - known.lastSeenAt < Math.min(TOUCH_EVERY_MS, config.sessionIdleMinutes * 60_000) && now < known.expiresAt) return { ...known.actor, ip: client.ip, userAgent: client.userAgent };
      const generation = signedIn.generation();
      // the session and its account in one statement: this runs before every request
      const ofSession = <T>(col: typeof sessions.accountId | typeof sessions.lastSeenAt | typeof sessions.expiresAt) =>
        sql<T>`(SELECT ${col} FROM ${sessions} WHERE ${sessions.districtId} = ${districtId} AND ${sessions.tokenHash} = ${tokenHash})`;
      const account = await deps.accounts.actorView(districtId, ofSession<string>(sessions.accountId), {
        lastSeenAt: ofSession<Date>(sessions.lastSeenAt).mapWith(sessions.lastSeenAt),
        expiresAt: ofSession<Date>(sessions.expiresAt).mapWith(sessions.expiresAt),
      });
      // no session, or its account is gone
      if (!account) return null;
      const session = { lastSeenAt: account.lastSeenAt, expiresAt: account.expiresAt };
      const idleMs = config.sessionIdleMinutes * 60_000;
      if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleMs <= now) {
        await db.delete(sessions).where(and(eq(sessions.districtId, districtId), eq(sessions.tokenHash, tokenHash)));
        return null;
      }
      if (account.status !== 'active') return null;
      // touch at most once a minute: one write per active user per minute, not per request
      let lastSeenAt = session.lastSeenAt.getTime();
      if (now - lastSeenAt > TOUCH_EVERY_MS) {
        await db
          .update(sessions)
          .set({ lastSeenAt: new Date(now) })
          .where(and(eq(sessions.districtId, districtId), eq(sessions.tokenHash, tokenHash)));
        lastSeenAt = now;
      }
      // frozen: every request of this session shares them
      const actor: SignedIn = {
        accountId: account.id,
        districtId,
        name: account.name,
        roles: Object.freeze([...account.roles]) as Role[],
        regionId: account.regionId,
        regionPath: account.regionPath,
        mustChangePassword: account.mustChangePassword,
        sessionKey: Object.freeze({ districtId, tokenHash }),
      };
      signedIn.set(key, { actor, lastSeenAt, expiresAt: session.expiresAt.getTime() }, generation);
      return { ...actor, ip: client.ip, userAgent: client.userAgent };
    },

    /** Settles once this instance keeps callers between requests (on PostgreSQL: once it listens for changes). */
    keepingCallers: () => signedIn.ready(),

    /** Lets go of what the instance keeps between requests (its app is closing). */
    close: () => signedIn.close(),

    async logout(actor: Actor): Promise<void> {
      if (!actor.sessionKey) return;
      const { districtId, tokenHash } = actor.sessionKey;
      await db.transaction(async (tx) => {
        await tx.delete(sessions).where(and(eq(sessions.districtId, districtId), eq(sessions.tokenHash, tokenHash)));
        await deps.audit.record(actor, { action: 'auth.logout', objectType: 'account', objectId: actor.accountId });
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
        await deps.audit.record(actor, { action: 'auth.change_password', objectType: 'account', objectId: actor.accountId });
      });
    },

    createSession,
    endAllSessions,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
