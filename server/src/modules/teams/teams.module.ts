import { defineModule } from '../../platform/modules/module.js';
import { teamsRoutes } from './teams.routes.js';
import { createTeamsService, type TeamsService } from './teams.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    teams: TeamsService;
  }
}

export const teamsModule = defineModule({ name: 'teams', uses: [], create: (deps) => createTeamsService(deps), routes: teamsRoutes });
