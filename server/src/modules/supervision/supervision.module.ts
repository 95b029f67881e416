import { defineModule } from '../../platform/modules/module.js';
import { fireWarning, scheduleOnEvent, WARN_JOB } from './supervision.jobs.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    supervision: Record<string, never>;
  }
}

/**
 * Supervision (督办) and the deadline watch: warnings at 50 % and 80 % of a need's window and the
 * overdue reminder at 100 %, as jobs scheduled when the window opens.
 */
export const supervisionModule = defineModule({
  name: 'supervision',
  uses: ['needs', 'accounts', 'teams'],
  create: () => ({}),
  wire(_self, s) {
    const deps = { jobs: s.jobs, needs: s.needs, accounts: s.accounts, teams: s.teams, warn: async () => undefined };
    s.events.subscribe({ name: 'supervision.deadlines', types: ['needs.accept', 'needs.reopen'], handle: scheduleOnEvent(deps) });
    s.jobs.define({ name: WARN_JOB, run: fireWarning(deps) });
  },
});
