import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { inWriteChain } from '../db/write-district.js';
import { accessError } from './auth.errors.js';
import type { Actor } from './actor.js';
import { hasPermission, type Permission, type Role } from './roles.js';

export const SESSION_COOKIE = 'lx_session';

export type SessionResolver = (cookieValue: string, request: FastifyRequest) => Promise<Actor | null>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Routes a user who must change their password may still call. */
    allowPendingPasswordChange?: boolean;
  }
}

/**
 * Resolves the session cookie into `request.actor` (or null) before any route runs. The handler runs in
 * a write chain of its own that names the caller's district (platform/db/write-district.ts): the last
 * hook before it calls `done` inside the chain, once the body is read (whose events may come from the
 * socket's own context), so the handler and what it awaits run there.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { resolveSession: SessionResolver }) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const cookie = request.cookies[SESSION_COOKIE];
    request.actor = cookie ? await opts.resolveSession(cookie, request) : null;
  });
  app.addHook('preHandler', (request, _reply, done) => inWriteChain(request.actor?.districtId, done));
});

/** The caller, or 401. A user whose password was reset may only change it. */
export function requireActor(request: FastifyRequest): Actor {
  const actor = request.actor;
  if (!actor) throw accessError('auth.unauthenticated');
  if (actor.mustChangePassword && !request.routeOptions.config.allowPendingPasswordChange) {
    throw accessError('auth.must_change_password');
  }
  return actor;
}

export function requireRole(request: FastifyRequest, ...allowed: Role[]): Actor {
  const actor = requireActor(request);
  if (!actor.roles.some((r) => r !== 'system' && allowed.includes(r))) throw accessError('auth.forbidden');
  return actor;
}

export function requirePermission(request: FastifyRequest, permission: Permission): Actor {
  const actor = requireActor(request);
  if (!hasPermission(actor.roles, permission)) throw accessError('auth.forbidden');
  return actor;
}
