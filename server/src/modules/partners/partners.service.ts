import type { PartnersDeps } from './partners.deps.js';
import { inServiceBehind } from './partners.behind.js';
import './partners.messages.js';
import { partnerUnitsUseCases } from './partners.units.js';
import { partnerTeams } from './partners.teams.js';

/**
 * Partner units and 双报到 (modules/partners): the units (.units: a `units` row of the whistles
 * catalogue with its profile here), their in-service party members' hours this year from the volunteer
 * registry, and the yearly minimum — who is behind, the monthly reminder, "remind now" (.behind), and
 * the teams paired with a unit (.teams, 结对共建).
 */
export function createPartnersService(deps: PartnersDeps) {
  const units = partnerUnitsUseCases(deps);
  return { ...units, ...inServiceBehind(deps, units), ...partnerTeams(deps) };
}

export type PartnersService = ReturnType<typeof createPartnersService>;
