import { defineModule } from '../../platform/modules/module.js';
import { LIFT_JOB } from './conduct.record.js';
import { conductRoutes } from './conduct.routes.js';
import { createConductService, type ConductService } from './conduct.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    conduct: ConductService;
  }
}

export const conductModule = defineModule({
  name: 'conduct',
  uses: ['accounts', 'audit', 'files', 'notifications', 'volunteers'],
  create: (deps) => createConductService(deps),
  routes: conductRoutes,
  // the 20 entries of the negative list and the no-show threshold, ready in every district
  provision: (self, tx, districtId) => self.ensureDefaults(tx, districtId),
  wire(self, { events, jobs, files }) {
    // late cancellations and no-shows from activities become conduct facts, once per event
    events.subscribe(self.subscriber);
    // a suspension with an end day is lifted at its start, if the incident still holds it
    jobs.define({ name: LIFT_JOB, run: (tx, job) => self.liftJob(tx, job) });
    // evidence and appeal photos follow the incident
    files.registerReader('conduct', (actor, id) => self.canSee(actor, id));
  },
});
