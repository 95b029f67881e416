import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppInstance } from '../../app.types.js';
import { requireActor, requirePermission, SESSION_COOKIE } from '../../platform/auth/auth-plugin.js';
import { errorResponse } from '../../platform/errors/error-responses.js';
import { hasPermission, permissions } from '../../platform/auth/roles.js';
import { IdParams, NullableStringEnum, Ok, Phone, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { writesFor } from '../../platform/db/write-district.js';
import { AccountView } from '../accounts/accounts.schemas.js';
import { regionTypes } from '../regions/regions.policy.js';

const Me = Type.Object({
  account: AccountView,
  permissions: Type.Array(StringEnum(permissions)),
  scope: Type.Object({
    regionId: Type.String(),
    regionName: Type.Union([Type.String(), Type.Null()]),
    regionType: NullableStringEnum(regionTypes),
    /** The bound node and the levels above it, top first: "市中区 / 光明路街道 / 文化社区 / …" */
    path: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), type: StringEnum(regionTypes) })),
  }),
});

const Password = Type.String({ minLength: 1, maxLength: 128 });

export async function authRoutes(app: AppInstance) {
  const client = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });
  const setCookie = (reply: FastifyReply, value: string) =>
    reply.setCookie(SESSION_COOKIE, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: app.deps.config.secureCookies,
      maxAge: app.deps.config.sessionMaxHours * 3600,
    });

  async function me(request: FastifyRequest) {
    const actor = requireActor(request);
    // sent together: on the embedded database's one pipelined connection they cross to its thread at once
    const [account, path] = await Promise.all([app.services.accounts.me(actor), app.services.regions.pathNames(actor.regionPath)]);
    return {
      account,
      permissions: permissions.filter((p) => hasPermission(actor.roles, p)),
      scope: { regionId: actor.regionId, regionName: account.regionName, regionType: account.regionType, path },
    };
  }

  app.post(
    '/api/auth/login',
    {
      // a user with a temporary password logs in normally and is then asked to change it
      config: { loginRateLimit: true, allowPendingPasswordChange: true },
      schema: {
        tags: ['auth'],
        operationId: 'login',
        security: [],
        summary: 'Log in with phone and password; sets the session cookie',
        body: Type.Object({ phone: Phone, password: Password }, { additionalProperties: false }),
        response: { 200: Me, 401: errorResponse(401, 'Wrong phone number or password (auth.invalid_credentials)') },
      },
    },
    async (request, reply) => {
      // the account signing in may be another district's than a session this browser still has
      writesFor(undefined);
      const { cookie, actor } = await app.services.auth.login(request.body, client(request));
      setCookie(reply, cookie);
      request.actor = actor;
      return me(request);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { allowPendingPasswordChange: true }, schema: { tags: ['auth'], operationId: 'logout', security: [{ session: [] }, {}], summary: 'End this session', response: { 200: Ok } } },
    async (request, reply) => {
      if (request.actor) await app.services.auth.logout(request.actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/api/auth/me',
    { config: { allowPendingPasswordChange: true }, schema: { tags: ['auth'], operationId: 'getMe', summary: 'Who am I, what may I do, which subtree do I see', response: { 200: Me } } },
    me,
  );

  app.post(
    '/api/auth/password',
    {
      config: { allowPendingPasswordChange: true },
      schema: {
        tags: ['auth'],
        operationId: 'changePassword',
        summary: 'Change my password (ends my other sessions)',
        body: Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      await app.services.auth.changePassword(requireActor(request), request.body);
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/register',
    {
      config: { loginRateLimit: true },
      schema: {
        tags: ['auth'],
        operationId: 'register',
        security: [],
        summary: 'A resident registers by phone (optionally as a volunteer), then logs in with the password they chose',
        description:
          'Always 202 with the same body and no session, whether or not the phone already has an account (then nothing is created and its owner gets an SMS), so the answer never tells which numbers are registered.',
        body: Type.Object(
          {
            phone: Phone,
            password: Password,
            name: Type.String({ minLength: 1, maxLength: 50 }),
            regionId: Uuid,
            volunteer: Type.Optional(Type.Boolean()),
            smsCode: Type.String({ minLength: 6, maxLength: 6, description: 'The code sent by POST /api/auth/register/code' }),
            privacyVersion: Type.String({ minLength: 1, maxLength: 16, description: 'The privacy policy version the person read and agreed to' }),
          },
          { additionalProperties: false },
        ),
        response: { 202: Ok },
      },
    },
    async (request, reply) => {
      // the new account's district is where they live, not a session this browser may still have
      writesFor(undefined);
      await app.services.auth.register(request.body, client(request));
      return reply.status(202).send({ ok: true });
    },
  );

  app.post(
    '/api/auth/register/code',
    {
      config: { loginRateLimit: true },
      schema: {
        tags: ['auth'],
        operationId: 'sendRegistrationCode',
        security: [],
        summary: 'Sends a 6-digit verification code by SMS to a phone about to register (10 minutes, 5 tries)',
        description: 'Always 202 whether or not the phone has an account; 429 beyond one a minute or five an hour per phone (auth.sms_code_too_soon); 503 when no SMS service is configured in production.',
        body: Type.Object({ phone: Phone, regionId: Uuid }, { additionalProperties: false }),
        response: { 202: Ok },
      },
    },
    async (request, reply) => {
      await app.services.auth.sendRegistrationCode(request.body, client(request));
      return reply.status(202).send({ ok: true });
    },
  );

  // under /api/accounts for the admin, but lock state belongs to this module
  app.post(
    '/api/accounts/:id/unlock',
    {
      schema: {
        tags: ['accounts'],
        operationId: 'unlockAccountLogin',
        summary: 'End every login lock and delay on the account’s phone (audited)',
        params: IdParams,
        response: { 200: Type.Object({ wasLocked: Type.Boolean() }) },
      },
    },
    async (request) => app.services.auth.unlock(requirePermission(request, 'accounts.manage'), request.params.id),
  );
}
