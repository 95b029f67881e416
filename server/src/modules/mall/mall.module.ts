import { defineModule } from '../../platform/modules/module.js';
import { mallRoutes } from './mall.routes.js';
import { createMallService, type MallService } from './mall.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    mall: MallService;
  }
}

export const mallModule = defineModule({
  name: 'mall',
  uses: ['audit', 'files', 'ledger', 'notifications', 'volunteers'],
  create: (deps) => createMallService(deps),
  routes: mallRoutes,
  // nothing per district: an item carries its own pickup window (7 days unless set)
  wire(self, { jobs, files }) {
    // an unclaimed redemption expires at its time: stock and points go back
    jobs.define(self.redemptions.job);
    // an item's pictures: whoever may see the item
    files.registerReader('mallItem', (actor, id) => self.items.canSee(actor, id));
  },
});
