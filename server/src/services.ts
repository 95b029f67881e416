import type { PlatformDeps } from './platform/deps.js';
import { createAccountsService } from './modules/accounts/accounts.service.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { createAuthService, endAllSessions } from './modules/auth/auth.service.js';
import { createRegionsService } from './modules/regions/regions.service.js';
import { createSystemService } from './modules/system/system.service.js';
import { createFilesService } from './modules/files/files.service.js';
import { databaseFileStore, folderFileStore } from './modules/files/files.store.js';
import { createTeamsService } from './modules/teams/teams.service.js';
import { createCategoriesService } from './modules/need-categories/categories.service.js';
import { createServiceRecordService } from './modules/service-record/service-record.service.js';
import { createNeedsService } from './modules/needs/needs.service.js';
import { createOutboxNotifier } from './platform/notify/notify.js';
import path from 'node:path';
import { provisionDistrict, type Provisioner } from './platform/provisioning/provisioning.js';
import { createEventBus } from './platform/events/outbox.js';

/*
 * The module registry, with modules.ts (their routes). A module is its folder under modules/ — its
 * tables are found there by drizzle-kit, its error messages by the catalogue — plus its service
 * here, built after the services it uses (the only way it reaches them), with what it adds to
 * district provisioning and the domain events it subscribes to.
 */

/** Builds every module's service. Modules reach each other only through these objects. */
export function createServices(deps: PlatformDeps) {
  // domain events: written with the change (outbox), delivered to subscribers through the database
  const events = createEventBus(deps.db);
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
  const store = deps.config.fileStore === 'database' ? databaseFileStore(deps.db) : folderFileStore(path.join(deps.config.dataDir, 'uploads'));
  const files = createFilesService({ ...deps, store, quota: { filesPerDay: deps.config.uploadFilesPerDay, bytesPerDay: deps.config.uploadMegabytesPerDay * 1024 * 1024 } });
  const teams = createTeamsService(deps);
  const categories = createCategoriesService({ ...deps, audit });
  const serviceRecord = createServiceRecordService(deps);
  const needs = createNeedsService({ ...deps, events, audit, accounts, regions, teams, files, categories, serviceRecord });
  // a need's photos are readable by whoever may open the need
  files.registerReader('need', (actor, id) => needs.canSee(actor, id));
  // what a new district needs before anyone can use it; every module with defaults adds its own
  const provisioners: Provisioner[] = [{ module: 'need-categories', provision: (tx, districtId) => categories.ensureDefaults(tx, districtId) }];
  const provisioning = { provision: (districtId: string) => provisionDistrict(deps.db, provisioners, districtId), provisioners };
  return { provisioning, events, audit, regions, accounts, auth, system, files, teams, categories, serviceRecord, needs };
}

export type Services = ReturnType<typeof createServices>;
