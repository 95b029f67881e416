import { PassThrough } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requireActor, requireRole } from '../../platform/auth/auth-plugin.js';
import { adminRoles, staffRoles } from '../../platform/auth/roles.js';
import { regionNotFound } from '../../platform/errors/error-responses.js';
import { attachment, dayNames } from '../../platform/http/attachment.js';
import { binary, IdParams } from '../../platform/http/schemas.js';
import { ExportAborted } from '../../platform/http/xlsx-stream.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import { writeCareWorkbook } from './care.export.js';
import { careImportRoutes } from './care.import.routes.js';
import {
  ArchiveBody, CareType, CareTypeQuery, CreateCareTypeBody, CreatePlanBody, CreateRecipientBody, OrderMade, OrderNowBody, PairBody, Plan, Recipient, RecipientPage, RecipientQuery, RevealBody,
  RecipientExportQuery, UpdateCareTypeBody, UpdatePlanBody, UpdateRecipientBody, Visit, VisitBody, VisitPage, VisitQuery,
} from './care.schemas.js';

const tags = ['care'];

export async function careRoutes(app: AppInstance) {
  const svc = () => app.services.care;
  const staff = (request: Parameters<typeof requireRole>[0]) => requireRole(request, ...staffRoles);
  const admin = (request: Parameters<typeof requireRole>[0]) => requireRole(request, ...adminRoles);
  const districtAdmin = (request: Parameters<typeof requireRole>[0]) => requireRole(request, 'districtAdmin');

  app.get('/api/care-types', { schema: { tags, operationId: 'listCareTypes', summary: 'The kinds of care (四类群体 …) of my district; switched-off ones on asking (staff)', querystring: CareTypeQuery, response: { 200: Type.Array(CareType) } } }, async (request) =>
    svc().types.list(staff(request), request.query),
  );
  app.post('/api/care-types', { schema: { tags, operationId: 'createCareType', summary: 'Add a kind of care (district admins)', body: CreateCareTypeBody, response: { 201: CareType } } }, async (request, reply) =>
    reply.status(201).send(await svc().types.create(districtAdmin(request), request.body)),
  );
  app.patch('/api/care-types/:id', { schema: { tags, operationId: 'updateCareType', summary: 'Rename or switch off a kind of care (district admins)', params: IdParams, body: UpdateCareTypeBody, response: { 200: CareType } } }, async (request) =>
    svc().types.update(districtAdmin(request), request.params.id, request.body),
  );

  app.get('/api/care-recipients', { schema: { tags, operationId: 'listCareRecipients', summary: 'People under care in my subtree, those not visited for longest first (staff; audited)', querystring: RecipientQuery, response: { 200: RecipientPage, ...regionNotFound } } }, async (request) =>
    svc().list(staff(request), request.query),
  );
  app.get(
    '/api/care-recipients/export',
    { config: { heavyRead: true }, schema: { tags, operationId: 'exportCareRecipients', summary: 'The same list as an Excel workbook (关爱对象台账), streamed; phones masked, no risk notes or ID numbers (staff; audited)', querystring: RecipientExportQuery, response: { 200: binary('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The workbook'), ...regionNotFound } } },
    async (request, reply) => {
      const actor = staff(request);
      const pages = await svc().exportPages(actor, request.query);
      const locale = pickLocale(request.headers['accept-language']);
      const out = new PassThrough();
      writeCareWorkbook(pages, locale, out).catch((err: unknown) => {
        if (!(err instanceof ExportAborted)) request.log.error({ err }, 'care export failed');
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      await app.services.audit.record(actor, { action: 'care.export', objectType: 'region', objectId: request.query.regionId ?? actor.regionId, regionId: request.query.regionId ?? actor.regionId, details: { filters: request.query } });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(locale, dayNames('关爱对象台账', 'people-under-care', app.deps.clock.now())))
        .header('cache-control', 'no-store')
        .send(out);
    },
  );
  app.get('/api/care-recipients/mine', { schema: { tags, operationId: 'listMyCareRecipients', summary: 'The people I look after (结对), as a volunteer sees them', response: { 200: Type.Array(Recipient) } } }, async (request) =>
    svc().mine(requireActor(request)),
  );
  app.post('/api/care-recipients', { schema: { tags, operationId: 'createCareRecipient', summary: 'Register a person under care in a place I run (admins)', body: CreateRecipientBody, response: { 201: Recipient, ...regionNotFound } } }, async (request, reply) =>
    reply.status(201).send(await svc().create(admin(request), request.body)),
  );
  app.get('/api/care-recipients/:id', { schema: { tags, operationId: 'getCareRecipient', summary: 'A person under care: the record for staff over them, what a paired volunteer needs for them (audited)', params: IdParams, response: { 200: Recipient } } }, async (request) =>
    svc().detail(requireActor(request), request.params.id),
  );
  app.patch('/api/care-recipients/:id', { schema: { tags, operationId: 'updateCareRecipient', summary: 'Edit a person’s record (admins over them)', params: IdParams, body: UpdateRecipientBody, response: { 200: Recipient, ...regionNotFound } } }, async (request) =>
    svc().update(admin(request), request.params.id, request.body),
  );
  app.post('/api/care-recipients/:id/archive', { schema: { tags, operationId: 'archiveCareRecipient', summary: 'Close a person’s record with a reason; their plans stop (admins over them)', params: IdParams, body: ArchiveBody, response: { 200: Recipient } } }, async (request) =>
    svc().archive(admin(request), request.params.id, request.body.reason),
  );
  app.post('/api/care-recipients/:id/reveal', { schema: { tags, operationId: 'revealCareRecipient', summary: 'A phone or the ID number in full (admins over them; audited)', params: IdParams, body: RevealBody, response: { 200: Type.Object({ value: Type.Union([Type.String(), Type.Null()]) }) } } }, async (request) =>
    svc().reveal(admin(request), request.params.id, request.body.field),
  );
  app.put('/api/care-recipients/:id/pairing', { schema: { tags, operationId: 'pairCareRecipient', summary: 'Set who looks after the person (一对一 / 二对一; three at most) (admins over them)', params: IdParams, body: PairBody, response: { 200: Recipient } } }, async (request) =>
    svc().pair(admin(request), request.params.id, request.body.volunteerIds),
  );

  app.get('/api/care-recipients/:id/plans', { schema: { tags, operationId: 'listCarePlans', summary: 'The person’s plan (一人一策): recurring services and their recent orders', params: IdParams, response: { 200: Type.Array(Plan) } } }, async (request) =>
    svc().plans.list(requireActor(request), request.params.id),
  );
  app.post('/api/care-recipients/:id/plans', { schema: { tags, operationId: 'createCarePlan', summary: 'Add a recurring service: an order is made for each of its days, a few days ahead (admins over them)', params: IdParams, body: CreatePlanBody, response: { 201: Plan } } }, async (request, reply) =>
    reply.status(201).send(await svc().plans.create(admin(request), request.params.id, request.body)),
  );
  app.patch('/api/care-plans/:id', { schema: { tags, operationId: 'updateCarePlan', summary: 'Change a recurring service; days already ordered keep their orders (admins)', params: IdParams, body: UpdatePlanBody, response: { 200: Plan } } }, async (request) =>
    svc().plans.update(admin(request), request.params.id, request.body),
  );
  app.post('/api/care-plans/:id/stop', { schema: { tags, operationId: 'stopCarePlan', summary: 'Stop a recurring service (admins)', params: IdParams, response: { 200: Plan } } }, async (request) =>
    svc().plans.stop(admin(request), request.params.id),
  );
  app.post('/api/care-plans/:id/orders', { schema: { tags, operationId: 'orderCarePlanDay', summary: 'Order one of the plan’s days now; a day has one order however often it is asked (admins)', params: IdParams, body: OrderNowBody, response: { 200: OrderMade } } }, async (request) =>
    svc().plans.orderNow(admin(request), request.params.id, request.body.dueOn),
  );

  app.get('/api/care-recipients/:id/visits', { schema: { tags, operationId: 'listCareVisits', summary: 'The person’s visits and calls, newest first', params: IdParams, querystring: VisitQuery, response: { 200: VisitPage } } }, async (request) =>
    svc().visits.list(requireActor(request), request.params.id, request.query),
  );
  app.post('/api/care-recipients/:id/visits', { schema: { tags, operationId: 'logCareVisit', summary: 'Log a visit or call (their volunteers and staff over them)', params: IdParams, body: VisitBody, response: { 201: Type.Pick(Visit, ['id']) } } }, async (request, reply) =>
    reply.status(201).send(await svc().visits.log(requireActor(request), request.params.id, request.body)),
  );

  await careImportRoutes(app);
}
