import { PassThrough } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requireActor } from '../../platform/auth/auth-plugin.js';
import { errorResponse, regionNotFound } from '../../platform/errors/error-responses.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import { binary, IdParams, Ok, Page } from '../../platform/http/schemas.js';
import type { NeedAction } from './needs.lifecycle.js';
import { ExportAborted } from '../../platform/http/xlsx-stream.js';
import { writeNeedsWorkbook } from './needs.export.js';
import { actionRoutes, BulkBody, CountsQuery, CreateNeedBody, HiddenResult, ListQuery, NeedDetail, NeedSummary, SimilarNeed, SimilarQuery, TodoCounts } from './needs.schemas.js';
import { attachment, dayNames } from '../../platform/http/attachment.js';

const tags = ['needs'];

export async function needsRoutes(app: AppInstance) {
  const svc = () => app.services.needs;

  app.post('/api/needs', { schema: { tags, operationId: 'createNeed', summary: 'Post a need (resident) or record one from the hotline, a visit, the wish wall … (staff)', body: CreateNeedBody, response: { 201: NeedDetail, ...regionNotFound } } }, async (request, reply) => {
    const actor = requireActor(request);
    return reply.status(201).send(await svc().post(actor, request.body));
  });

  app.get('/api/needs', { schema: { tags, operationId: 'listNeeds', summary: 'Needs I may see: view=all (staff), mine, team (leader inbox), pool, tasks', querystring: ListQuery, response: { 200: Page(NeedSummary), ...regionNotFound } } }, async (request) =>
    svc().list(requireActor(request), { ...request.query, view: request.query.view ?? 'all' }),
  );

  app.get('/api/needs/counts', { schema: { tags, operationId: 'countNeedTodos', summary: 'My to-dos per state, due within 24 h and overdue (workbench, status tabs): each count is the list filter it names', querystring: CountsQuery, response: { 200: TodoCounts, ...regionNotFound } } }, async (request) =>
    svc().todoCounts(requireActor(request), request.query),
  );

  app.get(
    '/api/needs/export',
    { config: { heavyRead: true }, schema: { tags, operationId: 'exportNeeds', summary: 'The same list as an Excel workbook (台账), streamed; 413 beyond EXPORT_MAX_ROWS rows', querystring: ListQuery, response: { 200: binary('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The workbook'), ...regionNotFound, 413: errorResponse(413, 'More rows than EXPORT_MAX_ROWS (needs.export_too_large)') } } },
    async (request, reply) => {
      const { page: _page, pageSize: _pageSize, ...filters } = request.query;
      const selection = await svc().prepareExport(requireActor(request), { ...filters, view: filters.view ?? 'all' });
      const locale = pickLocale(request.headers['accept-language']);
      const out = new PassThrough();
      writeNeedsWorkbook(selection.pages(), locale, out).catch((err: unknown) => {
        // the headers are gone by now: all that is left is to cut the download short
        if (!(err instanceof ExportAborted)) request.log.error({ err }, 'needs export failed');
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(locale, dayNames('需求台账', 'needs', app.deps.clock.now())))
        .header('cache-control', 'no-store')
        .header('x-export-rows', String(selection.rows))
        .send(out);
    },
  );

  app.get('/api/needs/similar', { schema: { tags, operationId: 'listSimilarNeeds', summary: 'Open needs like this one nearby ("follow this one instead")', querystring: SimilarQuery, response: { 200: Type.Array(SimilarNeed) } } }, async (request) =>
    svc().similar(requireActor(request), request.query),
  );

  app.get('/api/needs/:id', { schema: { tags, operationId: 'getNeed', summary: 'One need with its timeline, slots and my possible actions', params: IdParams, response: { 200: NeedDetail } } }, async (request) =>
    svc().detail(requireActor(request), request.params.id),
  );

  app.post('/api/needs/:id/follow', { schema: { tags, operationId: 'followNeed', summary: 'Follow an existing need instead of posting a duplicate', params: IdParams, body: Type.Object({}, { additionalProperties: false }), response: { 200: Ok } } }, async (request) => {
    await svc().follow(requireActor(request), request.params.id);
    return { ok: true };
  });

  app.post('/api/needs/:id/reveal-phone', { schema: { tags, operationId: 'revealRequesterPhone', summary: 'The requester’s full phone (staff; audited)', params: IdParams, body: Type.Object({}, { additionalProperties: false }), response: { 200: Type.Object({ value: Type.Union([Type.String(), Type.Null()]) }) } } }, async (request) =>
    svc().revealRequesterPhone(requireActor(request), request.params.id),
  );

  app.put(
    '/api/needs/:id/board/consent',
    {
      schema: {
        tags, operationId: 'setNeedBoardConsent',
        summary: 'The requester’s consent to the anonymised public board (同意匿名公示), and to its showing the completion’s photos; never for a grievance or a care-plan order',
        params: IdParams,
        body: Type.Object({ shown: Type.Boolean(), photos: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: NeedDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await svc().setBoardConsent(actor, request.params.id, request.body);
      return svc().detail(actor, request.params.id);
    },
  );

  app.put(
    '/api/needs/:id/board/withdrawal',
    {
      schema: {
        tags, operationId: 'setNeedBoardWithdrawal',
        summary: 'An admin over the need takes it off the public board with a reason (撤下公示), or puts it back; the consent stays the requester’s',
        params: IdParams,
        body: Type.Object({ withdrawn: Type.Boolean(), reason: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
        response: { 200: NeedDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await svc().setBoardWithdrawal(actor, request.params.id, request.body);
      return svc().detail(actor, request.params.id);
    },
  );

  app.post('/api/needs/bulk', { schema: { tags, operationId: 'bulkActOnNeeds', summary: 'Accept, dispatch or pool many needs at once; a result per need', body: BulkBody, response: { 200: Type.Array(Type.Object({ id: Type.String(), ok: Type.Boolean(), code: Type.Optional(Type.String()) })) } } }, async (request) => {
    const { ids, action, ...input } = request.body;
    // each need is still checked on its own: out-of-scope ones come back as not found
    return svc().bulk(requireActor(request), ids, action, input);
  });

  for (const [action, spec] of Object.entries(actionRoutes)) {
    app.post(`/api/needs/:id/${spec.path}`, { schema: { tags: ['orders'], operationId: `${action}Need`, summary: spec.summary, params: IdParams, body: spec.body, response: { 200: Type.Union([NeedDetail, HiddenResult]) } } }, async (request) =>
      svc().act(requireActor(request), (request.params as { id: string }).id, action as NeedAction, request.body as object),
    );
  }
}
