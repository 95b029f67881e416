import { defineModule } from '../../platform/modules/module.js';
import { RESUME_JOB } from './oversight.changes.js';
import { oversightRoutes } from './oversight.routes.js';
import { createOversightService, type OversightService } from './oversight.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    oversight: OversightService;
  }
}

/**
 * Oversight of how a need is handled: pauses and extensions of its deadline (挂起 · 延期), asked by
 * the handler and decided by the level above, and supervision records with the satisfaction
 * callback (督办 · 回访). The deadline watch itself (warnings, overdue) is modules/supervision.
 */
export const oversightModule = defineModule({
  name: 'oversight',
  uses: ['needs', 'deadlines', 'audit', 'accounts', 'notifications'],
  create: (deps) => createOversightService(deps),
  routes: oversightRoutes,
  wire(self, { events, jobs }) {
    // a pause resumes by itself at 00:00 of its expected date, in the job's transaction
    jobs.define({ name: RESUME_JOB, run: (tx, job) => self.resumeExpected(tx, job) });
    // a need finished while paused or asked about: the pause ends, the request lapses
    events.subscribe({ name: 'oversight.finished', types: ['needs.complete', 'needs.cancel', 'needs.merge'], handle: (tx, event) => self.endOnFinish(tx, event) });
  },
});
