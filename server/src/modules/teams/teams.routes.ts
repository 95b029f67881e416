import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requireActor, requirePermission, requireRole } from '../../platform/auth/auth-plugin.js';
import { IdParams } from '../../platform/http/schemas.js';

const Team = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  regionId: Type.String(),
  leaderId: Type.String(),
  categories: Type.Array(Type.String()),
});
const Member = Type.Object({ id: Type.String(), name: Type.String(), phone: Type.String(), openTasks: Type.Integer() });

export async function teamsRoutes(app: AppInstance) {
  app.get(
    '/api/teams',
    { schema: { tags: ['teams'], operationId: 'listTeams', summary: 'Teams in my subtree (dispatch picker)', response: { 200: Type.Array(Team) } } },
    async (request) => app.services.teams.listInScope(requirePermission(request, 'regions.read')),
  );

  app.get(
    '/api/teams/mine',
    { schema: { tags: ['teams'], operationId: 'listMyTeams', summary: 'Teams I lead', response: { 200: Type.Array(Team) } } },
    async (request) => app.services.teams.ledBy(requireRole(request, 'teamLeader')),
  );

  app.get(
    '/api/teams/:id/members',
    { schema: { tags: ['teams'], operationId: 'listTeamMembers', summary: 'Members of a team I lead, with their open tasks', params: IdParams, response: { 200: Type.Array(Member) } } },
    async (request) => app.services.needs.teamRoster(requireActor(request), request.params.id),
  );
}
