import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { PlatformDeps } from './platform/deps.js';
import type { Services } from './services.js';

/** The Fastify instance every module's routes receive: TypeBox-typed, with the services attached. */
export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;


declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    deps: PlatformDeps;
    routeTable: { method: string; url: string }[];
  }
}
