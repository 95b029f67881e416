import type { PlatformDeps } from './platform/deps.js';
import type { AnyModule, PlatformServices, Services } from './platform/modules/module.js';
import { createEventBus } from './platform/events/outbox.js';
import { createOutboxNotifier } from './platform/notify/notify.js';
import { smsSender } from './platform/notify/sms-sender.js';
import { createJobEngine } from './platform/jobs/jobs.js';
import { provisionDistrict, type Provisioner } from './platform/provisioning/provisioning.js';
import * as registry from './modules.js';

export type { Services } from './platform/modules/module.js';

/** The registry's modules, each after the modules it uses; a missing or circular use fails at start. */
export function orderedModules(modules: readonly AnyModule[]): AnyModule[] {
  const byName = new Map(modules.map((m) => [m.name as string, m]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: AnyModule[] = [];
  const visit = (m: AnyModule, path: string[]) => {
    if (done.has(m.name)) return;
    if (visiting.has(m.name)) throw new Error(`modules use each other in a circle: ${[...path, m.name].join(' → ')} (break it with \`later\`)`);
    visiting.add(m.name);
    for (const used of m.uses as string[]) {
      const dependency = byName.get(used);
      if (!dependency) throw new Error(`module "${m.name}" uses "${used}", which is not in the registry (server/src/modules.ts)`);
      visit(dependency, [...path, m.name]);
    }
    visiting.delete(m.name);
    done.add(m.name);
    ordered.push(m);
  };
  for (const m of modules) visit(m, []);
  return ordered;
}

/** Every module in the registry, in the order their routes are registered. */
export const registeredModules: readonly AnyModule[] = Object.values(registry);

/** Builds the platform's services, then every module's, each after those it uses. */
export function createServices(deps: PlatformDeps): Services {
  const provisioners: Provisioner[] = [];
  // on PostgreSQL a few loops per instance claim jobs side by side; PGlite has one connection
  const jobs = createJobEngine({ db: deps.db, clock: deps.clock, concurrency: deps.database.kind === 'postgres' ? 4 : 1 });
  // SMS go out once a gateway is configured: each queued message gets its sending job
  const gatewayUrl = deps.config.smsGatewayUrl;
  if (gatewayUrl) jobs.define(smsSender({ ...deps, gateway: { url: gatewayUrl, token: deps.config.smsGatewayToken, timeoutMs: deps.config.outboundTimeoutMs } }));
  const platform: PlatformServices = {
    events: createEventBus(deps.db, { batch: deps.database.kind === 'postgres' ? 10 : 5 }),
    jobs,
    notifier: createOutboxNotifier({ crypto: deps.crypto, sender: gatewayUrl ? { jobs, clock: deps.clock } : undefined }),
    provisioning: { provision: (districtId) => provisionDistrict(deps.db, provisioners, districtId), provisioners },
  };
  const built: Record<string, unknown> = { ...platform };
  const services = built as unknown as Services;
  const ordered = orderedModules(registeredModules);
  for (const m of ordered) {
    if (m.name in built) throw new Error(`two modules are named "${m.name}"`);
    built[m.name] = m.create({ ...deps, ...built }, () => services);
  }
  for (const m of ordered) {
    const self = built[m.name];
    if (m.provision) provisioners.push({ module: m.name, provision: (tx, districtId) => m.provision!(self, tx, districtId) });
    m.wire?.(self, services);
  }
  return services;
}
