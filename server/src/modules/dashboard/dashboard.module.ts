import { defineModule } from '../../platform/modules/module.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { createDashboardService, type DashboardService } from './dashboard.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    dashboard: DashboardService;
  }
}

/** 大屏: the command centre's wall screen over a subtree (owns no table). */
export const dashboardModule = defineModule({
  name: 'dashboard',
  uses: ['needs', 'figures', 'volunteers', 'teams', 'ledger', 'categories'],
  create: (deps) => createDashboardService(deps),
  routes: dashboardRoutes,
});
