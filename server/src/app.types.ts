import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import type { Database, Db } from './platform/db/client.js';
import type { FieldCrypto } from './platform/crypto/crypto.js';
import type { Services } from './services.js';

/** The Fastify instance every module's routes receive: TypeBox-typed, with the services attached. */
export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What services are built from. */
export type PlatformDeps = { db: Db; database: Database; crypto: FieldCrypto; config: Config };

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    deps: PlatformDeps;
    routeTable: { method: string; url: string }[];
  }
}
