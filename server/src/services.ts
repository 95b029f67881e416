import type { PlatformDeps } from './app.types.js';
import { createAccountsService } from './modules/accounts/accounts.service.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { createAuthService, endAllSessions } from './modules/auth/auth.service.js';
import { createRegionsService } from './modules/regions/regions.service.js';
import { createSystemService } from './modules/system/system.service.js';
import { createFilesService, localFileStore } from './modules/files/files.service.js';
import { createTeamsService } from './modules/teams/teams.service.js';
import { createCategoriesService } from './modules/needs/categories.service.js';
import { createNeedsService } from './modules/needs/needs.service.js';
import { createOutboxNotifier } from './platform/notify/notify.js';
import path from 'node:path';

/** Builds every module's service. Modules reach each other only through these objects. */
export function createServices(deps: PlatformDeps) {
  const audit = createAuditService(deps);
  const notifier = createOutboxNotifier(deps);
  // regions needs people counts from accounts, accounts needs regions: resolved lazily
  const regions = createRegionsService({
    ...deps,
    audit,
    peopleCounter: () => accounts.countPeopleUnder,
    hasPeople: () => accounts.hasPeopleIn,
  });
  const accounts = createAccountsService({ ...deps, audit, regions, endSessions: endAllSessions });
  const auth = createAuthService({ ...deps, accounts, audit, notifier });
  const system = createSystemService(deps);
  const files = createFilesService({ ...deps, store: localFileStore(path.join(deps.config.dataDir, 'uploads')) });
  const teams = createTeamsService(deps);
  const categories = createCategoriesService({ ...deps, audit });
  const needs = createNeedsService({ ...deps, audit, accounts, regions, teams, files, categories });
  return { audit, regions, accounts, auth, system, files, teams, categories, needs };
}

export type Services = ReturnType<typeof createServices>;
