import { defineModule } from '../../platform/modules/module.js';
import { REMIND_EVERY_MS, REMIND_JOB } from './partners.behind.js';
import { partnersRoutes } from './partners.routes.js';
import { createPartnersService, type PartnersService } from './partners.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    partners: PartnersService;
  }
}

export const partnersModule = defineModule({
  name: 'partners',
  uses: ['audit', 'accounts', 'whistles', 'volunteers', 'notifications'],
  create: (deps) => createPartnersService(deps),
  routes: partnersRoutes,
  wire(self, { jobs }) {
    // from September on, those behind the yearly minimum are reminded once a month (the sweep runs often; the reminder's key decides)
    jobs.every({ name: REMIND_JOB, everyMs: REMIND_EVERY_MS });
    jobs.define({ name: REMIND_JOB, run: (tx, job, now) => self.sweep(tx, job.districtId, now) });
  },
});
