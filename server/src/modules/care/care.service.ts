import type { CareDeps } from './care.deps.js';
import { careImport } from './care.import.js';
import { carePlanning } from './care.plans.js';
import { careRecipientsRegistry } from './care.recipients.js';
import { careTypesCatalogue } from './care.types.js';
import { careVisitLog } from './care.visits.js';

/**
 * Care recipients (关爱对象 · 一人一策, SPEC §8): the district's kinds of care, the registry of people
 * with their pairing, their plans' recurring services (each day ordered once through the order
 * chain) and the visit log.
 */
export function createCareService(deps: CareDeps) {
  const types = careTypesCatalogue(deps);
  return { types, ...careRecipientsRegistry(deps, types), ...careImport(deps), plans: carePlanning(deps), visits: careVisitLog(deps) };
}

export type CareService = ReturnType<typeof createCareService>;
