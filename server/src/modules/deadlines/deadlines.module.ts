import { defineModule } from '../../platform/modules/module.js';
import { deadlinesRoutes } from './deadlines.routes.js';
import { createDeadlinesService, type DeadlinesService } from './deadlines.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    deadlines: DeadlinesService;
  }
}

export const deadlinesModule = defineModule({
  name: 'deadlines',
  uses: ['audit', 'categories'],
  create: (deps) => createDeadlinesService(deps),
  routes: deadlinesRoutes,
  // the SPEC's 2 / 3 / 10 days district-wide, and the official holiday calendar shipped with the product
  provision: (self, tx, districtId) => self.ensureDefaults(tx, districtId),
});
