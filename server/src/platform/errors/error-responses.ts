import { Type } from '@sinclair/typebox';
import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The body of every error reply (`errorBody` in error-handler.ts writes it), registered once as a
 * shared schema so the OpenAPI document names it and every 4xx response refers to it.
 */
export const ErrorBodySchema = Type.Object(
  {
    code: Type.String({ description: 'Stable code the client branches on, e.g. `needs.already_taken`' }),
    message: Type.String({ description: 'Localised by Accept-Language (zh-CN default, en)' }),
    field: Type.Optional(Type.String({ description: 'The input field at fault, e.g. `phone` or `answers.age`' })),
    details: Type.Optional(Type.Unknown({ description: 'Machine-readable context, e.g. the current status' })),
  },
  { $id: 'ErrorBody', title: 'ErrorBody', additionalProperties: false },
);

const described: Record<number, string> = {
  400: 'Bad input: `field` names the field at fault (validation.*, or a rule of the module)',
  401: 'No valid session (auth.unauthenticated)',
  403: 'Not permitted (auth.forbidden), a password change is pending, or a write came from another site',
  404: 'Not found, or outside the caller’s data scope (answered alike, so existence never leaks)',
  409: 'Conflicts with the current state or with existing data (e.g. needs.illegal_transition, request.conflict)',
  413: 'The request body is too large',
  415: 'Unsupported content type',
  429: 'Too many requests (rate.limited, auth.locked)',
};

export const errorResponse = (status: keyof typeof described, description = described[status]) => ({ $ref: 'ErrorBody#', description });

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Schema = { body?: unknown; querystring?: unknown; params?: unknown; security?: readonly Record<string, readonly string[]>[]; hide?: boolean; response?: Record<string, unknown> };

/** A route needs a session unless its `security` allows none (`[]`, or an empty requirement). */
const needsSession = (schema: Schema) => !(schema.security && (schema.security.length === 0 || schema.security.some((s) => Object.keys(s).length === 0)));

/**
 * The error statuses a route can answer, from what the platform does to every request: input is
 * validated (400), a session is required (401) and may be one whose password must change first (403),
 * writes are refused from other sites (403), rate limited (429), may conflict in the database (409)
 * and may carry a body too large or of the wrong type (413, 415, even where none is expected); an id
 * in the path may name nothing the caller can see (404).
 */
export function errorStatuses(route: Pick<RouteOptions, 'method' | 'url' | 'config'>, schema: Schema): (keyof typeof described)[] {
  const methods = [route.method].flat();
  const write = methods.some((m) => writeMethods.has(m));
  const session = needsSession(schema);
  const config = (route.config ?? {}) as { allowPendingPasswordChange?: boolean; heavyRead?: boolean; loginRateLimit?: boolean };
  const statuses: (keyof typeof described)[] = [];
  if (write || schema.body || schema.querystring || schema.params) statuses.push(400);
  if (session) statuses.push(401);
  if (write || (session && !config.allowPendingPasswordChange)) statuses.push(403);
  if (route.url.includes(':')) statuses.push(404);
  if (write) statuses.push(409);
  if (write || schema.body) statuses.push(413, 415);
  if (write || config.heavyRead || config.loginRateLimit) statuses.push(429);
  return statuses;
}

/**
 * Documents the error replies of every route in the OpenAPI document, and so also serialises them
 * through the ErrorBody schema. A route keeps any error response it declares itself (a sharper
 * description, or a status the platform cannot know, such as a module's own 413).
 */
export const errorResponsesPlugin = fp(async (app: FastifyInstance) => {
  app.addSchema(ErrorBodySchema);
  app.addHook('onRoute', (route) => {
    const schema = (route.schema ?? {}) as Schema;
    if (schema.hide) return;
    const response = (schema.response ??= {});
    for (const status of errorStatuses(route, schema)) response[status] ??= errorResponse(status);
    route.schema = schema;
  });
});

/** For routes that take a region id in the query or body and look it up in the caller's scope. */
export const regionNotFound = { 404: errorResponse(404, 'The region named in the input does not exist or is outside the caller’s scope (regions.not_found)') };
