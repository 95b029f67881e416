import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import { regionInScope } from '../../platform/scope/scope.js';
import type { TeamsDeps } from './teams.deps.js';
import { teamsError } from './teams.errors.js';
import { thinkTankModuleProblem, type TeamType, type ThinkTankModule } from './teams.policy.js';

/*
 * Input checks of the team forms, each a 4xx naming its field; run before the write's transaction
 * (they read through other modules' services on the root connection).
 */

/**
 * Whether a person is an active registered volunteer: the one place this is decided here. The
 * `volunteer` role is held exactly while the registration is active (modules/volunteers keeps them
 * equal), so the role is the registry's answer, also for a person loaded from another request.
 */
export function isActiveVolunteer(person: { roles: readonly string[] }): boolean {
  return person.roles.includes('volunteer');
}

export function requireActiveVolunteer(actor: Actor): void {
  if (!isActiveVolunteer(actor)) throw teamsError('teams.volunteers_only');
}

export function checkThinkTankModule(type: TeamType, module: ThinkTankModule | null | undefined): void {
  const problem = thinkTankModuleProblem(type, module);
  if (problem === 'required') throw teamsError('teams.module_required', { field: 'thinkTankModule' });
  if (problem === 'forbidden') throw teamsError('teams.module_forbidden', { field: 'thinkTankModule' });
}

/** The home community: a node inside the caller's subtree (else 404, like any region out of reach) that is a community (else 400). */
export async function checkHome(deps: TeamsDeps, actor: Actor, regionId: string) {
  const region = await regionInScope(deps.db, actor, regionId);
  if (region.type !== 'community') throw teamsError('teams.not_community', { field: 'regionId' });
  return region;
}

/** Categories served: existing need-category codes of the district. */
export async function checkCategories(deps: TeamsDeps, actor: Actor, codes: readonly string[]): Promise<string[]> {
  const known = new Set((await deps.categories.list(actor.districtId)).map((c) => c.code));
  const unknown = codes.find((c) => !known.has(c));
  if (unknown !== undefined) throw teamsError('teams.unknown_category', { field: 'categories', params: { category: unknown } });
  return [...new Set(codes)];
}

/** An active account in the caller's subtree (else a 400 naming `field`): a leader, or a member staff add. */
export async function checkPerson(deps: TeamsDeps, actor: Actor, accountId: string, field: string, code: 'teams.leader_not_found' | 'teams.person_not_found') {
  const person = await deps.accounts.get(actor, accountId).catch((e: unknown) => {
    if (e instanceof AppError && e.status === 404) return null;
    throw e;
  });
  if (!person || person.status !== 'active') throw teamsError(code, { field });
  return person;
}
