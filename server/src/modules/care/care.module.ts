import { defineModule } from '../../platform/modules/module.js';
import { GENERATE_JOB, SWEEP_EVERY_MS, SWEEP_JOB } from './care.plans.js';
import { careRoutes } from './care.routes.js';
import { createCareService, type CareService } from './care.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    care: CareService;
  }
}

export const careModule = defineModule({
  name: 'care',
  uses: ['audit', 'accounts', 'regions', 'needs', 'categories', 'notifications'],
  create: (deps) => createCareService(deps),
  routes: careRoutes,
  // the kinds of care every district starts with (四类群体 and two more)
  provision: (self, tx, districtId) => self.types.ensureDefaults(tx, districtId),
  wire(self, { jobs }) {
    // every hour: each plan's days within the lead get their order job (keyed by plan and day)
    jobs.every({ name: SWEEP_JOB, everyMs: SWEEP_EVERY_MS });
    jobs.define({ name: SWEEP_JOB, run: (tx, job, now) => self.plans.sweep(tx, job.districtId, now) });
    // the order makes its own transaction (the order chain's intake), exactly once by its key
    jobs.define({ name: GENERATE_JOB, mode: 'outside', run: (job) => self.plans.runOrderJob(job.districtId, job.payload as Record<string, unknown>) });
  },
});
