import type { Actor } from '../../platform/auth/actor.js';
import { adminRoles } from '../../platform/auth/roles.js';
import { staffRolesOver } from '../../platform/scope/scope.js';

/*
 * Who may do what with posts (岗位), as pure rules (unit-tested in posts.policy.test.ts).
 */

export const postStatuses = ['open', 'closed'] as const;
export type PostStatus = (typeof postStatuses)[number];

/** How near a post is to where a volunteer lives: the phone list shows the nearest first. */
export const nearnesses = ['community', 'street', 'district'] as const;
export type Nearness = (typeof nearnesses)[number];

/**
 * The skill tag the demo's plan gives in-service party members (在职党员 "双报到"; demo/names.ts):
 * the demo's posts step reads its plan with it. Live claims ask the registry's flag instead.
 */
export const IN_SERVICE_MARKER = '在职党员';
export function isInServicePartyMember(skills: readonly string[]): boolean {
  return skills.includes(IN_SERVICE_MARKER);
}

/** Whether the caller may claim posts: the volunteer role is held exactly while the registration is active (modules/volunteers). */
export function isActiveVolunteer(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('volunteer');
}

/** The post's required skills the volunteer lacks (none: the post fits them). */
export function missingSkills(required: readonly string[], held: readonly string[]): string[] {
  return required.filter((s) => !held.includes(s));
}

/** District admins shape the post types of their district. */
export function canManageTypes(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('districtAdmin');
}

/** Staff over the post's community see it and its claimants. */
export function canSeePost(actor: Actor, communityPath: string): boolean {
  return staffRolesOver(actor, communityPath).length > 0;
}

/** Admins over the community (its own, its street's, the district's) publish, edit, close and assign. */
export function canManagePost(actor: Actor, communityPath: string): boolean {
  return staffRolesOver(actor, communityPath).some((r) => adminRoles.includes(r));
}

/** Where the post lies from a volunteer's home: their community, their street, elsewhere in the district. */
export function nearnessOf(postPath: string, home: { communityPath: string; streetPath: string }): Nearness {
  if (postPath.startsWith(home.communityPath)) return 'community';
  if (postPath.startsWith(home.streetPath)) return 'street';
  return 'district';
}

/** Why a post cannot be claimed today (its quota is checked by the claim's UPDATE, not here). */
export function claimRefusal(post: { status: PostStatus; endsOn: string | null }, today: string): 'posts.closed' | 'posts.ended' | null {
  if (post.status !== 'open') return 'posts.closed';
  if (post.endsOn !== null && post.endsOn < today) return 'posts.ended';
  return null;
}
