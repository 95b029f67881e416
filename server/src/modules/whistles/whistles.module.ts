import { defineModule } from '../../platform/modules/module.js';
import { whistlesRoutes } from './whistles.routes.js';
import { createWhistlesService, type WhistlesService } from './whistles.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    whistles: WhistlesService;
  }
}

export const whistlesModule = defineModule({
  name: 'whistles',
  uses: ['audit', 'accounts', 'teams', 'files', 'needs', 'notifications'],
  create: (deps) => createWhistlesService(deps),
  routes: whistlesRoutes,
  // the departments and partner units a street calls in, ready in every district
  provision: (self, tx, districtId) => self.units.ensureDefaults(tx, districtId),
  wire(self, { events, files }) {
    // a major need accepted, or any need escalated: its whistle opens with the event's delivery
    events.subscribe(self.subscriber);
    // a unit's photos are readable by whoever may see its whistle
    files.registerReader('whistle', (actor, id) => self.canSee(actor, id));
  },
});
