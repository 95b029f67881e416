import type { AppInstance } from '../../app.types.js';
import { requireActor, requirePermission, requireRole } from '../../platform/auth/auth-plugin.js';
import { errorResponse, regionNotFound } from '../../platform/errors/error-responses.js';
import { IdParams } from '../../platform/http/schemas.js';
import { CallInBody, CloseBody, CreateUnitBody, ListQuery, OpenBody, PartBody, Unit, UnitQuery, UpdateUnitBody, WhistleDetail, WhistlePage } from './whistles.schemas.js';
import { Type } from '@sinclair/typebox';

const tags = ['whistles'];

export async function whistlesRoutes(app: AppInstance) {
  const svc = () => app.services.whistles;
  const manager = (request: Parameters<typeof requireRole>[0]) => requireRole(request, 'streetAdmin', 'districtAdmin');

  app.get(
    '/api/whistles',
    { schema: { tags, operationId: 'listWhistles', summary: 'Whistles (吹哨报到) I may see: staff those in their subtree, a called unit’s contact those they were called to', querystring: ListQuery, response: { 200: WhistlePage } } },
    async (request) => svc().list(requireActor(request), request.query),
  );

  app.get('/api/whistles/:id', { schema: { tags, operationId: 'getWhistle', summary: 'A whistle: the item, the units called in and their parts', params: IdParams, response: { 200: WhistleDetail } } }, async (request) =>
    svc().detail(requireActor(request), request.params.id),
  );

  app.post(
    '/api/whistles',
    {
      schema: {
        tags,
        operationId: 'openWhistle',
        summary: 'Whistle a need to its street by hand (community admins; the order is escalated, 已吹哨)',
        body: OpenBody,
        response: { 201: WhistleDetail, 404: errorResponse(404, 'The need does not exist or is outside the caller’s scope (needs.not_found)') },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'communityAdmin', 'streetAdmin', 'districtAdmin');
      const id = await svc().open(actor, request.body);
      return reply.status(201).send(await svc().detail(actor, id));
    },
  );

  app.post('/api/whistles/:id/call-in', { schema: { tags, operationId: 'callInUnits', summary: 'Call units in: departments, partner units, teams (the street’s admin)', params: IdParams, body: CallInBody, response: { 200: WhistleDetail } } }, async (request) => {
    const actor = manager(request);
    await svc().callIn(actor, request.params.id, request.body);
    return svc().detail(actor, request.params.id);
  });

  app.post('/api/whistles/:id/close', { schema: { tags, operationId: 'closeWhistle', summary: 'Close the whistle with a summary (the street’s admin)', params: IdParams, body: CloseBody, response: { 200: WhistleDetail } } }, async (request) => {
    const actor = manager(request);
    await svc().close(actor, request.params.id, request.body);
    return svc().detail(actor, request.params.id);
  });

  app.post(
    '/api/whistles/calls/:id/report-in',
    { schema: { tags, operationId: 'reportInWhistle', summary: 'A called unit reports in (报到): its contact, or the street’s admin for it', params: IdParams, response: { 200: WhistleDetail } } },
    async (request) => {
      const actor = requireActor(request);
      return svc().detail(actor, await svc().reportIn(actor, request.params.id));
    },
  );

  app.post(
    '/api/whistles/calls/:id/part',
    { schema: { tags, operationId: 'recordWhistlePart', summary: 'A unit that reported in records its part, with photos (its contact, or the street’s admin)', params: IdParams, body: PartBody, response: { 200: WhistleDetail } } },
    async (request) => {
      const actor = requireActor(request);
      return svc().detail(actor, await svc().recordPart(actor, request.params.id, request.body));
    },
  );

  const unitTags = ['whistles'];
  app.get(
    '/api/whistle-units',
    { schema: { tags: unitTags, operationId: 'listWhistleUnits', summary: 'Departments and partner units a street may call in (staff); with `whistleId`, those that may be called to it', querystring: UnitQuery, response: { 200: Type.Array(Unit) } } },
    async (request) => svc().units.list(requirePermission(request, 'regions.read'), request.query),
  );

  app.post(
    '/api/whistle-units',
    { schema: { tags: unitTags, operationId: 'createWhistleUnit', summary: 'Add a department or partner unit (district admins)', body: CreateUnitBody, response: { 201: Unit, ...regionNotFound } } },
    async (request, reply) => reply.status(201).send(await svc().units.create(requireRole(request, 'districtAdmin'), request.body)),
  );

  app.patch(
    '/api/whistle-units/:id',
    { schema: { tags: unitTags, operationId: 'updateWhistleUnit', summary: 'Edit a unit: name, kind, area served, contact; `active: false` retires it (district admins)', params: IdParams, body: UpdateUnitBody, response: { 200: Unit } } },
    async (request) => svc().units.update(requireRole(request, 'districtAdmin'), request.params.id, request.body),
  );
}
