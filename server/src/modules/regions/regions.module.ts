import { defineModule } from '../../platform/modules/module.js';
import { regionsRoutes } from './regions.routes.js';
import { createRegionsService, type RegionsService } from './regions.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    regions: RegionsService;
  }
}

export const regionsModule = defineModule({
  name: 'regions',
  uses: ['audit'],
  // people counts come from accounts, which itself uses regions: read when a method runs
  create: (deps, later) => createRegionsService({ ...deps, peopleCounter: () => later().accounts.countPeopleUnder, hasPeople: () => later().accounts.hasPeopleIn }),
  routes: regionsRoutes,
});
