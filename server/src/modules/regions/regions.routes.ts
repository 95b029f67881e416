import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requirePermission } from '../../platform/auth/auth-plugin.js';
import { regionNotFound } from '../../platform/errors/error-responses.js';
import { IdParams, Ok, Uuid } from '../../platform/http/schemas.js';
import { ChildrenQuery, CreateRegionBody, RegionDetail, RegionNodeSchema, SearchQuery, UpdateRegionBody } from './regions.schemas.js';

const tags = ['regions'];

export async function regionsRoutes(app: AppInstance) {
  const svc = () => app.services.regions;

  app.get(
    '/api/regions/scope',
    { schema: { tags, operationId: 'getScopeRoot', summary: 'The root of my data scope (the node I am bound to)', response: { 200: RegionDetail } } },
    async (request) => svc().scopeRoot(requirePermission(request, 'regions.read')),
  );

  app.get(
    '/api/regions',
    {
      schema: {
        tags,
        operationId: 'listRegionChildren',
        summary: 'Children of a node (default: my scope root) with people counts',
        querystring: ChildrenQuery,
        response: { 200: Type.Array(RegionNodeSchema), ...regionNotFound },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'regions.read');
      return svc().children(actor, request.query.parentId ?? actor.regionId);
    },
  );

  app.get(
    '/api/regions/search',
    { schema: { tags, operationId: 'searchRegions', summary: 'Find nodes by name inside my subtree', querystring: SearchQuery, response: { 200: Type.Array(RegionNodeSchema) } } },
    async (request) => svc().search(requirePermission(request, 'regions.read'), request.query.q),
  );

  app.get(
    '/api/regions/:id',
    { schema: { tags, operationId: 'getRegion', summary: 'One node with its breadcrumb', params: IdParams, response: { 200: RegionDetail } } },
    async (request) => svc().get(requirePermission(request, 'regions.read'), request.params.id),
  );

  app.post(
    '/api/regions',
    { schema: { tags, operationId: 'createRegion', summary: 'Add a node (district admins)', body: CreateRegionBody, response: { 201: RegionNodeSchema, ...regionNotFound } } },
    async (request, reply) => reply.status(201).send(await svc().create(requirePermission(request, 'regions.manage'), request.body)),
  );

  app.patch(
    '/api/regions/:id',
    { schema: { tags, operationId: 'updateRegion', summary: 'Rename, recode or redraw a node (audited)', params: IdParams, body: UpdateRegionBody, response: { 200: RegionNodeSchema } } },
    async (request) => svc().update(requirePermission(request, 'regions.manage'), request.params.id, request.body),
  );

  app.post(
    '/api/regions/:id/move',
    {
      schema: {
        tags,
        operationId: 'moveRegion',
        summary: 'Move a node and its subtree under another parent (audited)',
        params: IdParams,
        body: Type.Object({ parentId: Uuid }, { additionalProperties: false }),
        response: { 200: RegionNodeSchema },
      },
    },
    async (request) => svc().move(requirePermission(request, 'regions.manage'), request.params.id, request.body.parentId),
  );

  app.delete(
    '/api/regions/:id',
    { schema: { tags, operationId: 'deleteRegion', summary: 'Delete an empty leaf node', params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await svc().remove(requirePermission(request, 'regions.manage'), request.params.id);
      return { ok: true };
    },
  );

  app.get(
    '/api/public/regions',
    {
      schema: {
        tags: ['public'],
        operationId: 'listPublicRegions',
        security: [],
        summary: 'Names of streets, communities, grids and buildings, for the registration picker',
        querystring: ChildrenQuery,
        response: { 200: Type.Array(RegionNodeSchema) },
      },
    },
    async (request) => svc().publicChildren(request.query.parentId),
  );
}
