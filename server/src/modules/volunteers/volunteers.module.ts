import { defineModule } from '../../platform/modules/module.js';
import { volunteersRoutes } from './volunteers.routes.js';
import { createVolunteersService, type VolunteersService } from './volunteers.service.js';
import { volunteersSubscriber } from './volunteers.subscriber.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    volunteers: VolunteersService;
  }
}

export const volunteersModule = defineModule({
  name: 'volunteers',
  uses: ['accounts', 'audit', 'files', 'notifications', 'regions'],
  // partners reads this registry (members, hours); the application asks it back whether a unit exists
  create: (deps, later) =>
    createVolunteersService({
      ...deps,
      workUnitName: (districtId, unitId) => later().partners.activeUnitName(districtId, unitId),
      // verified service goes into the time bank's ledger in the same transaction (hours and points, once by key)
      onServiceVerified: async (tx, districtId, entry) => void (await later().ledger.creditServices(tx, districtId, [entry])),
    }),
  routes: volunteersRoutes,
  provision: (self, tx, districtId) => self.ensureDefaults(tx, districtId),
  wire(self, { events, files }) {
    // an activity's approved hours go on the volunteer's record
    events.subscribe(volunteersSubscriber(self));
    // a volunteer's photo: the volunteer and staff over them
    files.registerReader('volunteer', async (actor, id) => actor.accountId === id || Boolean(await self.detail(actor, id).catch(() => null)));
  },
});
