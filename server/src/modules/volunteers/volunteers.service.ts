import type { Actor } from '../../platform/auth/actor.js';
import { volunteersApply } from './volunteers.apply.js';
import { volunteersDecide } from './volunteers.decide.js';
import { volunteersError } from './volunteers.errors.js';
import { volunteersHonours } from './volunteers.honours.js';
import { volunteersInService } from './volunteers.in-service.js';
import { volunteersImport, type ImportDeps } from './volunteers.import.js';
import { volunteersRead } from './volunteers.read.js';
import { volunteersRecord } from './volunteers.record.js';
import type { VolunteersDeps } from './volunteers.rows.js';
import { volunteersSettings } from './volunteers.settings.js';
import { volunteersTotals } from './volunteers.totals.js';

/**
 * The volunteer registry (志愿者): applications and decisions (.apply, .decide), the registry as staff
 * and the volunteer read it (.read), the record of verified service (.record), the district's settings, the
 * in-service party members as modules/partners reads them (.in-service).
 */
export function createVolunteersService(deps: VolunteersDeps) {
  return {
    ...volunteersApply(deps),
    ...volunteersDecide(deps),
    ...volunteersRead(deps),
    ...volunteersRecord(deps),
    ...volunteersSettings(deps),
    ...volunteersInService(deps),
    ...volunteersHonours(deps),
    ...volunteersTotals(deps),
    ...volunteersImport(deps as ImportDeps), // lead: the module's deps carry `jobs` (PlatformServices); VolunteersDeps may say so at merge

    /**
     * For other modules: the caller is an active registered volunteer, else 403. The `volunteer` role
     * is held exactly while the registration is active (the registry changes both together).
     */
    requireActive(actor: Actor): Actor {
      if (!actor.roles.includes('volunteer')) throw volunteersError('volunteers.not_active');
      return actor;
    },
  };
}

export type VolunteersService = ReturnType<typeof createVolunteersService>;
