import { defineModule } from '../../platform/modules/module.js';
import { teamsRoutes } from './teams.routes.js';
import { createTeamsService, type TeamsService } from './teams.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    teams: TeamsService;
  }
}

export const teamsModule = defineModule({
  name: 'teams',
  uses: ['audit', 'accounts', 'categories'],
  // the order chain (needs), the inbox and the partner units are built after teams, which they use: reached when a method runs
  create: (deps, later) => createTeamsService({ ...deps, needs: () => later().needs, notifications: () => later().notifications, partners: () => later().partners }),
  routes: teamsRoutes,
});
