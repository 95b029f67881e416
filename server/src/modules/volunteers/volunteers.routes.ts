import { PassThrough } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requireActor, requirePermission } from '../../platform/auth/auth-plugin.js';
import { errorResponse, regionNotFound } from '../../platform/errors/error-responses.js';
import { ExportAborted } from '../../platform/http/xlsx-stream.js';
import { binary, IdParams } from '../../platform/http/schemas.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import { writeVolunteersWorkbook } from './volunteers.export.js';
import { volunteersImportRoutes } from './volunteers.import.routes.js';
import { ApplicationBody, BulkApproveBody, BulkResult, ListQuery, MyRegistration, OptionalReasonBody, PublicCard, ReasonBody, Settings, VolunteerDetail, VolunteerPage } from './volunteers.schemas.js';
import { attachment, dayNames } from '../../platform/http/attachment.js';

const tags = ['volunteers'];
const notFound = { 404: errorResponse(404, 'No such volunteer in the caller’s scope (volunteers.not_found)') };

export async function volunteersRoutes(app: AppInstance) {
  const svc = () => app.services.volunteers;
  await volunteersImportRoutes(app);
  // staff who decide: the admins of the volunteer's community and above
  const decider = (request: Parameters<typeof requirePermission>[0]) => requirePermission(request, 'accounts.manage');

  app.get('/api/volunteers/me', { schema: { tags, operationId: 'getMyVolunteer', summary: 'My registration as a volunteer, with my card once approved', response: { 200: MyRegistration } } }, async (request) =>
    svc().mine(requireActor(request)),
  );

  app.post('/api/volunteers/apply', { schema: { tags, operationId: 'applyVolunteer', summary: 'Apply to be a volunteer (or update my pending application, or apply again)', body: ApplicationBody, response: { 200: MyRegistration } } }, async (request) => {
    const actor = requireActor(request);
    await svc().apply(actor, request.body);
    return svc().mine(actor);
  });

  app.post('/api/volunteers/me/leave', { schema: { tags, operationId: 'leaveVolunteering', summary: 'Withdraw my application, or leave volunteering (退出)', body: OptionalReasonBody, response: { 200: MyRegistration } } }, async (request) => {
    const actor = requireActor(request);
    await svc().leaveSelf(actor, request.body.reason);
    return svc().mine(actor);
  });

  app.get('/api/volunteers', { schema: { tags, operationId: 'listVolunteers', summary: 'The volunteer registry in my subtree, with filters', querystring: ListQuery, response: { 200: VolunteerPage, ...regionNotFound } } }, async (request) =>
    svc().list(requirePermission(request, 'accounts.read'), request.query),
  );

  app.get(
    '/api/volunteers/export',
    { config: { heavyRead: true }, schema: { tags, operationId: 'exportVolunteers', summary: 'The same list as an Excel workbook (志愿者名册), streamed', querystring: ListQuery, response: { 200: binary('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The workbook'), ...regionNotFound } } },
    async (request, reply) => {
      const actor = requirePermission(request, 'accounts.read');
      const { page: _page, pageSize: _pageSize, ...filters } = request.query;
      const pages = await svc().exportPages(actor, filters);
      const locale = pickLocale(request.headers['accept-language']);
      const out = new PassThrough();
      writeVolunteersWorkbook(pages, locale, out).catch((err: unknown) => {
        if (!(err instanceof ExportAborted)) request.log.error({ err }, 'volunteers export failed');
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      await app.services.audit.record(actor, { action: 'volunteers.export', objectType: 'volunteer', objectId: actor.districtId, regionId: actor.regionId, details: { filters } });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(locale, dayNames('志愿者名册', 'volunteers', app.deps.clock.now())))
        .header('cache-control', 'no-store')
        .send(out);
    },
  );

  app.get('/api/volunteers/settings', { schema: { tags, operationId: 'getVolunteerSettings', summary: 'The district’s number prefix and in-service yearly minimum', response: { 200: Settings } } }, async (request) =>
    svc().settings(requirePermission(request, 'accounts.read').districtId),
  );

  app.put('/api/volunteers/settings', { schema: { tags, operationId: 'updateVolunteerSettings', summary: 'Change the number prefix (new numbers only) and the yearly minimum (district admins)', body: Settings, response: { 200: Settings } } }, async (request) =>
    svc().updateSettings(requirePermission(request, 'regions.manage'), request.body),
  );

  app.post('/api/volunteers/approve', { schema: { tags, operationId: 'approveVolunteers', summary: 'Approve applications in bulk (批量审核); the others are listed with why', body: BulkApproveBody, response: { 200: BulkResult } } }, async (request) =>
    svc().approveMany(decider(request), request.body.ids),
  );

  app.get('/api/volunteers/:id', { schema: { tags, operationId: 'getVolunteer', summary: 'One volunteer: registration, status and reason, recent verified services', params: IdParams, response: { 200: VolunteerDetail, ...notFound } } }, async (request) =>
    svc().detail(requirePermission(request, 'accounts.read'), request.params.id),
  );

  app.post('/api/volunteers/:id/approve', { schema: { tags, operationId: 'approveVolunteer', summary: 'Approve: a number, the card, the volunteer role', params: IdParams, body: Type.Object({}, { additionalProperties: false }), response: { 200: VolunteerDetail, ...notFound } } }, async (request) => {
    const actor = decider(request);
    await svc().decide(actor, request.params.id, 'approve');
    return svc().detail(actor, request.params.id);
  });

  for (const move of ['refuse', 'suspend', 'leave'] as const) {
    app.post(`/api/volunteers/:id/${move}`, { schema: { tags, operationId: `${move}Volunteer`, summary: `${move[0]!.toUpperCase()}${move.slice(1)} with a reason the volunteer sees`, params: IdParams, body: ReasonBody, response: { 200: VolunteerDetail, ...notFound } } }, async (request) => {
      const actor = decider(request);
      await svc().decide(actor, request.params.id, move, request.body.reason);
      return svc().detail(actor, request.params.id);
    });
  }

  app.post('/api/volunteers/:id/reinstate', { schema: { tags, operationId: 'reinstateVolunteer', summary: 'Lift a suspension', params: IdParams, body: OptionalReasonBody, response: { 200: VolunteerDetail, ...notFound } } }, async (request) => {
    const actor = decider(request);
    await svc().decide(actor, request.params.id, 'reinstate', request.body.reason);
    return svc().detail(actor, request.params.id);
  });

  app.get(
    '/api/public/volunteer-cards/:code',
    { schema: { tags, operationId: 'verifyVolunteerCard', summary: 'Public check of a volunteer card’s QR code: only what the card shows, the name masked', params: Type.Object({ code: Type.String({ minLength: 10, maxLength: 80 }) }, { additionalProperties: false }), response: { 200: PublicCard } } },
    async (request) => svc().verifyCard(request.params.code),
  );
}
