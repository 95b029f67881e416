import { defineModule } from '../../platform/modules/module.js';
import { ledgerRoutes } from './ledger.routes.js';
import { createLedgerService, type LedgerService } from './ledger.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    ledger: LedgerService;
  }
}

export const ledgerModule = defineModule({
  name: 'ledger',
  uses: ['audit', 'regions', 'volunteers', 'needs'],
  create: (deps) => createLedgerService(deps),
  routes: ledgerRoutes,
  // the 36 points rules and the caps, ready in every district
  provision: (self, tx, districtId) => self.rules.ensureDefaults(tx, districtId),
  wire(self, { events }) {
    // no-shows, late cancellations and conduct incidents take points back; an annulled incident gives them back
    events.subscribe(self.subscriber);
    // a time-bank withdrawal's need ends: what its hold still has goes back to the volunteer
    events.subscribe(self.withdrawalsSubscriber);
  },
});
