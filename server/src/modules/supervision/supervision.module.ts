import { defineModule } from '../../platform/modules/module.js';
import { fireWarning, scheduleOnEvent, WARN_JOB, WINDOW_EVENTS, type WarningSink } from './supervision.jobs.js';

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
  uses: ['needs', 'accounts', 'teams', 'notifications', 'deadlines'],
  create: () => ({}),
  wire(_self, s) {
    // each alert reaches its recipients' inboxes (and SMS where they allow it) in the job's transaction
    const warn: WarningSink = (tx, a) =>
      s.notifications
        .notify(tx, a.districtId, {
          key: `deadline:${a.needId}:${a.deadlineAt.toISOString()}:${a.threshold}`,
          type: a.threshold === 100 ? 'deadline.overdue' : `deadline.warn${a.threshold}`,
          recipients: a.recipients,
          subject: { type: 'need', id: a.needId, label: a.number },
          params: { needTitle: a.title },
        })
        .then(() => undefined);
    const deps = { deadlines: s.deadlines, jobs: s.jobs, needs: s.needs, accounts: s.accounts, teams: s.teams, warn };
    s.events.subscribe({ name: 'supervision.deadlines', types: WINDOW_EVENTS, handle: scheduleOnEvent(deps) });
    s.jobs.define({ name: WARN_JOB, run: fireWarning(deps) });
  },
});
