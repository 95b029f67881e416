import type { PartnersDeps } from './partners.deps.js';
import { inServiceBehind } from './partners.behind.js';
import './partners.messages.js';
import { partnerUnitsUseCases } from './partners.units.js';

/**
 * Partner units and 双报到 (modules/partners): the units (.units: a `units` row of the whistles
 * catalogue with its profile here), their in-service party members' hours this year from the volunteer
 * registry, and the yearly minimum — who is behind, the monthly reminder, "remind now" (.behind).
 */
export function createPartnersService(deps: PartnersDeps) {
  const units = partnerUnitsUseCases(deps);
  return { ...units, ...inServiceBehind(deps, units) };
}

export type PartnersService = ReturnType<typeof createPartnersService>;
