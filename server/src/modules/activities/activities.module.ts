import { defineModule } from '../../platform/modules/module.js';
import { activitiesRoutes } from './activities.routes.js';
import { createActivitiesService, type ActivitiesService } from './activities.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    activities: ActivitiesService;
  }
}

export const activitiesModule = defineModule({
  name: 'activities',
  uses: ['audit', 'accounts', 'teams', 'categories', 'files', 'notifications'],
  create: (deps) => createActivitiesService(deps),
  routes: activitiesRoutes,
  // the district's rules: late cancellation, reminder, automatic check-out, daily maximum
  provision: (self, tx, districtId) => self.ensureDefaults(tx, districtId),
  wire(self, { jobs, files }) {
    // reminders, the finish (no-shows) and the automatic check-out: timers per activity
    for (const job of self.jobs) jobs.define(job);
    // photos of an activity's record: whoever may see the activity, and its public summary once finished
    files.registerReader('activity', (actor, id) => self.canSee(actor, id));
  },
});
