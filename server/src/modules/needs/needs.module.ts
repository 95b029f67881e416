import { defineModule } from '../../platform/modules/module.js';
import { needsRoutes } from './needs.routes.js';
import { createNeedsService, type NeedsService } from './needs.service.js';

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
  // a need's photos are readable by whoever may open the need
  wire: (self, { files }) => files.registerReader('need', (actor, id) => self.canSee(actor, id)),
});
