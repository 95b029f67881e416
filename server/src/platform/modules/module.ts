import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DbOrTx } from '../db/client.js';
import type { PlatformDeps } from '../deps.js';
import type { EventBus } from '../events/outbox.js';
import type { JobEngine } from '../jobs/jobs.js';
import type { Notifier } from '../notify/notify.js';
import type { Provisioner } from '../provisioning/provisioning.js';

/**
 * Every service by name. The platform declares its own; each module adds its service here from its
 * `<domain>.module.ts` (declaration merging), so this type needs no import of any module — the
 * registry (`server/src/modules.ts`) only lists the module files, one line each.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Services extends PlatformServices {}

/** What the platform itself offers every module, built before any of them. */
export type PlatformServices = {
  /** Domain events, written with the change (outbox), delivered to subscribers through the database. */
  events: EventBus;
  /** Jobs and timers in the database, leased and retried (platform/jobs). */
  jobs: JobEngine;
  /** Messages to phones (SMS), queued in the caller's transaction. */
  notifier: Notifier;
  /** Installs every module's defaults for a district (see `provision` below). */
  provisioning: { provision(districtId: string): Promise<string[]>; provisioners: readonly Provisioner[] };
};


/** The Fastify instance every module's routes receive: TypeBox-typed, with the services attached. */
export type AppInstance = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    deps: PlatformDeps;
    routeTable: { method: string; url: string }[];
  }
}

/** Services a module declares it uses, as its constructor receives them. */
export type Uses<U extends keyof Services> = PlatformDeps & PlatformServices & Pick<Services, U>;

/**
 * A module as the registry sees it: its name (the key of its service), the services it uses (built
 * before it — the registry orders modules by these), and the optional parts it contributes.
 */
export type ModuleDefinition<N extends keyof Services, U extends keyof Services = never> = {
  name: N;
  uses: readonly U[];
  create(deps: Uses<U>, later: () => Services): Services[N];
  /** Its HTTP routes, registered in registry order. */
  routes?: (app: AppInstance) => Promise<void>;
  /** Its defaults for a new district (categories, rules, lists …), run inside the provisioning transaction. */
  provision?: (self: Services[N], tx: DbOrTx, districtId: string) => Promise<void>;
  /** Runs once every service exists: register readers, subscribe to domain events. */
  wire?: (self: Services[N], services: Pick<Services, U> & PlatformServices) => void;
};

/**
 * Declares a module. `create`'s `later` breaks a construction cycle (two modules that call each
 * other): it returns every service, and may be called only when a method runs, not while building.
 */
export function defineModule<N extends keyof Services, U extends keyof Services = never>(definition: ModuleDefinition<N, U>): ModuleDefinition<N, U> {
  return definition;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a list of modules of every shape; each entry was checked by defineModule */
/** A module as the registry stores it. */
export type AnyModule = {
  name: string;
  uses: readonly string[];
  create(deps: any, later: () => Services): unknown;
  routes?: (app: AppInstance) => Promise<void>;
  provision?: (self: any, tx: DbOrTx, districtId: string) => Promise<void>;
  wire?: (self: any, services: any) => void;
};
/* eslint-enable @typescript-eslint/no-explicit-any */
