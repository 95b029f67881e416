import { defineModule } from '../../platform/modules/module.js';
import { webhooksRoutes } from './webhooks.routes.js';
import { createWebhooksService, type WebhooksService } from './webhooks.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    webhooks: WebhooksService;
  }
}

/** 接口推送: the district's domain events POSTed, signed and retried, to the webhooks its admin registers. */
export const webhooksModule = defineModule({
  name: 'webhooks',
  uses: ['audit', 'accounts', 'notifications'],
  create: (deps) => createWebhooksService(deps),
  routes: webhooksRoutes,
  provision: (self, tx, districtId) => self.ensureDefaults(tx, districtId),
  // an event makes its deliveries in its own delivery transaction; each delivery is a job that calls out
  wire: (self, { events, jobs }) => {
    events.subscribe(self.subscriber);
    jobs.define(self.deliverJob);
  },
});
