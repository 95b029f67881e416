import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requireActor, requirePermission, requireRole } from '../../platform/auth/auth-plugin.js';
import { errorResponse, regionNotFound } from '../../platform/errors/error-responses.js';
import { IdParams, Ok } from '../../platform/http/schemas.js';
import {
  CreateBody, JoinBody, JoinedTeam, ListQuery, NearTeam, PersonBody, PickerTeam, RefuseBody, RequestPage, RequestQuery, RosterMember, TeamDetail, TeamPage, UpdateBody,
} from './teams.schemas.js';

const tags = ['teams'];

export async function teamsRoutes(app: AppInstance) {
  const svc = () => app.services.teams;
  /** Community, street and district admins manage the teams of their subtree (teams.policy.ts `canManageTeams`). */
  const staff = (request: Parameters<typeof requireRole>[0]) => requireRole(request, 'communityAdmin', 'streetAdmin', 'districtAdmin');

  app.get('/api/teams', { schema: { tags, operationId: 'listTeams', summary: 'Active teams in my subtree (dispatch picker)', response: { 200: Type.Array(PickerTeam) } } }, async (request) =>
    svc().listInScope(requirePermission(request, 'regions.read')),
  );

  app.get('/api/teams/mine', { schema: { tags, operationId: 'listMyTeams', summary: 'Teams I lead', response: { 200: Type.Array(PickerTeam) } } }, async (request) =>
    svc().ledBy(requireRole(request, 'teamLeader')),
  );

  app.get(
    '/api/teams/:id/members',
    { schema: { tags, operationId: 'listTeamMembers', summary: 'Members of a team I lead, with their open tasks', params: IdParams, response: { 200: Type.Array(RosterMember) } } },
    async (request) => app.services.needs.teamRoster(requireActor(request), request.params.id),
  );

  app.get(
    '/api/teams/list',
    { schema: { tags, operationId: 'searchTeams', summary: 'Teams of my subtree, filtered and paged (admins)', querystring: ListQuery, response: { 200: TeamPage, ...regionNotFound } } },
    async (request) => svc().list(staff(request), request.query),
  );

  app.get('/api/teams/near', { schema: { tags, operationId: 'listNearTeams', summary: 'Teams a volunteer may ask to join: their community’s, and the roving groups of their street', response: { 200: Type.Array(NearTeam) } } }, async (request) =>
    svc().near(requireActor(request)),
  );

  app.get('/api/teams/joined', { schema: { tags, operationId: 'listJoinedTeams', summary: 'Teams I am a member of', response: { 200: Type.Array(JoinedTeam) } } }, async (request) =>
    svc().joined(requireActor(request)),
  );

  app.post('/api/teams', { schema: { tags, operationId: 'createTeam', summary: 'Create a team in a community of my subtree (admins); its leader gets the team-leader role', body: CreateBody, response: { 201: TeamDetail, ...regionNotFound } } }, async (request, reply) => {
    const actor = staff(request);
    const id = await svc().create(actor, request.body);
    return reply.status(201).send(await svc().detail(actor, id));
  });

  app.get('/api/teams/:id', { schema: { tags, operationId: 'getTeam', summary: 'A team’s page: members, open orders, hours and rating', params: IdParams, response: { 200: TeamDetail } } }, async (request) =>
    svc().detail(requireActor(request), request.params.id),
  );

  app.patch('/api/teams/:id', { schema: { tags, operationId: 'updateTeam', summary: 'Edit a team (admins over it)', params: IdParams, body: UpdateBody, response: { 200: TeamDetail } } }, async (request) => {
    const actor = staff(request);
    await svc().update(actor, request.params.id, request.body);
    return svc().detail(actor, request.params.id);
  });

  app.post(
    '/api/teams/:id/dissolve',
    { schema: { tags, operationId: 'dissolveTeam', summary: 'Dissolve a team (admins over it); refused while it holds open orders', params: IdParams, response: { 200: TeamDetail } } },
    async (request) => {
      const actor = staff(request);
      await svc().dissolve(actor, request.params.id);
      return svc().detail(actor, request.params.id);
    },
  );

  app.post('/api/teams/:id/leader', { schema: { tags, operationId: 'setTeamLeader', summary: 'Make another member the leader (admins over the team)', params: IdParams, body: PersonBody, response: { 200: TeamDetail } } }, async (request) => {
    const actor = staff(request);
    await svc().setLeader(actor, request.params.id, request.body.accountId);
    return svc().detail(actor, request.params.id);
  });

  app.post('/api/teams/:id/members', { schema: { tags, operationId: 'addTeamMember', summary: 'Add a registered volunteer to the team (admins over it)', params: IdParams, body: PersonBody, response: { 200: TeamDetail } } }, async (request) => {
    const actor = staff(request);
    await svc().addMember(actor, request.params.id, request.body.accountId);
    return svc().detail(actor, request.params.id);
  });

  app.post(
    '/api/teams/:id/members/remove',
    { schema: { tags, operationId: 'removeTeamMember', summary: 'Remove a member (admins over the team); not the leader', params: IdParams, body: PersonBody, response: { 200: TeamDetail } } },
    async (request) => {
      const actor = staff(request);
      await svc().removeMember(actor, request.params.id, request.body.accountId);
      return svc().detail(actor, request.params.id);
    },
  );

  app.post(
    '/api/teams/:id/join-requests',
    { schema: { tags, operationId: 'askToJoinTeam', summary: 'Ask to join a team (registered volunteers); one open request per team', params: IdParams, body: JoinBody, response: { 201: TeamDetail } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await svc().requestJoin(actor, request.params.id, request.body.message);
      return reply.status(201).send(await svc().detail(actor, request.params.id));
    },
  );

  app.post('/api/teams/:id/leave', { schema: { tags, operationId: 'leaveTeam', summary: 'Leave a team I am a member of (not as its leader)', params: IdParams, response: { 200: Ok } } }, async (request) => {
    await svc().leave(requireActor(request), request.params.id);
    return { ok: true };
  });

  app.get(
    '/api/team-requests',
    { schema: { tags, operationId: 'listTeamRequests', summary: 'Join requests: mine, or those I may decide (as leader, or admin over the team)', querystring: RequestQuery, response: { 200: RequestPage, 404: errorResponse(404, 'The team named by `teamId` does not exist or the caller may not decide its requests (teams.not_found)') } } },
    async (request) => svc().requests(requireActor(request), request.query),
  );

  app.post('/api/team-requests/:id/accept', { schema: { tags, operationId: 'acceptTeamRequest', summary: 'Accept a join request (the leader, or admins over the team)', params: IdParams, response: { 200: Ok } } }, async (request) => {
    await svc().decide(requireActor(request), request.params.id, { accept: true });
    return { ok: true };
  });

  app.post(
    '/api/team-requests/:id/refuse',
    { schema: { tags, operationId: 'refuseTeamRequest', summary: 'Refuse a join request with a reason (the leader, or admins over the team)', params: IdParams, body: RefuseBody, response: { 200: Ok } } },
    async (request) => {
      await svc().decide(requireActor(request), request.params.id, { accept: false, reason: request.body.reason });
      return { ok: true };
    },
  );
}
