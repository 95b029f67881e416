import type { Subscriber } from '../../platform/events/outbox.js';
import type { VolunteersService } from './volunteers.service.js';

type HoursApproved = { activityId: string; accountId: string; hours: string; servedOn: string; title: string; themed?: boolean };

/** Activities' approved hours (published in the approval's transaction) credited once, by the entry's key. */
export function volunteersSubscriber(self: VolunteersService): Subscriber {
  return {
    name: 'volunteers.record',
    types: ['activities.hoursApproved'],
    async handle(tx, event) {
      const p = event.payload as HoursApproved;
      await self.creditService(tx, event.districtId, { accountId: p.accountId, source: 'activity', sourceId: p.activityId, title: p.title, servedOn: p.servedOn, hours: p.hours, facts: { themed: p.themed ?? false } });
    },
  };
}
