import type { AppInstance } from '../../app.types.js';
import { requireRole } from '../../platform/auth/auth-plugin.js';
import { staffRoles } from '../../platform/auth/roles.js';
import { regionNotFound } from '../../platform/errors/error-responses.js';
import { Screen, ScreenQuery } from './dashboard.schemas.js';

const tags = ['dashboard'];

export async function dashboardRoutes(app: AppInstance) {
  app.get(
    '/api/dashboard',
    { schema: { tags, operationId: 'getDashboard', summary: 'The big screen (大屏): totals, 12 months’ trend, categories, the grid map, rates and rankings over my subtree or a node in it', querystring: ScreenQuery, response: { 200: Screen, ...regionNotFound } } },
    // staff only, each over their own subtree (a region filter outside it is a 404)
    async (request) => app.services.dashboard.screen(requireRole(request, ...staffRoles), request.query),
  );
}
