import { defineModule } from '../../platform/modules/module.js';
import { accountsRoutes } from './accounts.routes.js';
import { createAccountsService, type AccountsService } from './accounts.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    accounts: AccountsService;
  }
}

export const accountsModule = defineModule({
  name: 'accounts',
  uses: ['audit', 'regions'],
  // sessions belong to auth, which itself uses accounts: reached when an account is disabled
  create: (deps, later) => createAccountsService({ ...deps, endSessions: (tx, districtId, accountId) => later().auth.endAllSessions(tx, districtId, accountId) }),
  routes: accountsRoutes,
});
