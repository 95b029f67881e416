import { defineModule } from '../../platform/modules/module.js';
import { needsRoutes } from './needs.routes.js';
import { createNeedsService, type NeedsService } from './needs.service.js';
import { AUTO_CONFIRM_EVERY_MS, AUTO_CONFIRM_JOB } from './needs.timers.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    needs: NeedsService;
  }
}

export const needsModule = defineModule({
  name: 'needs',
  uses: ['audit', 'accounts', 'regions', 'teams', 'files', 'categories', 'serviceRecord', 'deadlines'],
  create: (deps) => createNeedsService(deps),
  routes: needsRoutes,
  wire(self, { files, jobs }) {
    // a need's photos are readable by whoever may open the need; the system (the public board) reads
    // only the photos the board shows: of a shown need's latest completion, when the requester allowed them
    files.registerReader('need', (actor, id, fileId) => (actor.isSystem ? self.isBoardPhoto(actor.districtId, id, fileId) : self.canSee(actor, id)));
    // unrated three days after completion: the system confirms it
    jobs.every({ name: AUTO_CONFIRM_JOB, everyMs: AUTO_CONFIRM_EVERY_MS });
    jobs.define({ name: AUTO_CONFIRM_JOB, run: (tx, job, now) => self.confirmUnrated(tx, job.districtId, now).then(() => undefined) });
  },
});
