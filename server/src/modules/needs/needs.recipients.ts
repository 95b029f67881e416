import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { fixedQuery } from '../../platform/db/fixed-query.js';
import { ancestorPathOf } from '../../platform/scope/scope.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { TeamsService } from '../teams/teams.service.js';
import { needAssignments } from './assignments.table.js';
import { needs } from './needs.table.js';

/**
 * The people concerned by something that happened to a need, by their relation to it — what the
 * inbox asks before telling them (other modules decide who hears what; this only answers who is who):
 * - requester: who posted it
 * - teamLeader: the leader of the team it went to (`teamId`, else the need's current team)
 * - volunteers: everyone who held a slot in `round` (else the current round), released or not
 * - communityStaff: community admins and grid workers over it, within its community
 * - streetStaff: street admins over it (rulings after a second decline)
 */
export const needAudiences = ['requester', 'teamLeader', 'volunteers', 'communityStaff', 'streetStaff'] as const;
export type NeedAudience = (typeof needAudiences)[number];
export type NeedRecipients = Record<NeedAudience, string[]> & {
  /** The need's title, so a message can name it as people know it rather than by its number alone. */
  title?: string;
};
export type RecipientsQuery = { audiences: readonly NeedAudience[]; round?: number; teamId?: string };

type Deps = { accounts: AccountsService; teams: TeamsService };

// asked at nearly every event on a need (the inbox): built once (fixedQuery)
const whoIsWho = fixedQuery(['districtId', 'needId'], (db, p) =>
  db
    .select({ requesterId: needs.requesterId, teamId: needs.teamId, round: needs.round, path: regions.path, title: needs.title })
    .from(needs)
    .innerJoin(regions, eq(regions.id, needs.regionId))
    .where(and(eq(needs.districtId, p.districtId), eq(needs.id, p.needId))),
);
const volunteersOf = fixedQuery(['districtId', 'needId', 'round'], (db, p) =>
  db
    .selectDistinct({ id: needAssignments.volunteerId })
    .from(needAssignments)
    .where(and(eq(needAssignments.districtId, p.districtId), eq(needAssignments.needId, p.needId), eq(needAssignments.round, p.round))),
);

/** Answers only the audiences asked for; a need that does not exist has no one to tell. */
export async function recipientsFor(tx: DbOrTx, deps: Deps, districtId: string, needId: string, q: RecipientsQuery): Promise<NeedRecipients> {
  const found: NeedRecipients = { requester: [], teamLeader: [], volunteers: [], communityStaff: [], streetStaff: [] };
  const [need] = await whoIsWho(tx, { districtId, needId });
  if (!need) return found;
  found.title = need.title;
  const asked = new Set(q.audiences);
  if (asked.has('requester') && need.requesterId) found.requester = [need.requesterId];
  const teamId = q.teamId ?? need.teamId;
  if (asked.has('teamLeader') && teamId) {
    const leader = await deps.teams.leaderOf(districtId, teamId);
    if (leader) found.teamLeader = [leader];
  }
  if (asked.has('volunteers')) {
    const rows = await volunteersOf(tx, { districtId, needId, round: q.round ?? need.round });
    found.volunteers = rows.map((r) => r.id);
  }
  if (asked.has('communityStaff')) {
    const within = await ancestorPathOf(tx, need.path, 'community');
    found.communityStaff = await deps.accounts.staffAlong(tx, districtId, { path: need.path, within }, ['communityAdmin', 'gridWorker']);
  }
  if (asked.has('streetStaff')) {
    const within = await ancestorPathOf(tx, need.path, 'street');
    found.streetStaff = await deps.accounts.staffAlong(tx, districtId, { path: need.path, within }, ['streetAdmin']);
  }
  return found;
}
