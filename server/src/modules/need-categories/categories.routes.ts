import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requireActor, requirePermission } from '../../platform/auth/auth-plugin.js';
import { IdParams } from '../../platform/http/schemas.js';
import { severities } from '../needs/needs.enums.js';

// a category's default is the severity of the needs filed under it: the needs' own vocabulary
const SeveritySchema = Type.Unsafe<(typeof severities)[number]>({ type: 'string', enum: [...severities] });
const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Question = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_]+$' }),
    label: Type.String({ minLength: 1, maxLength: 100 }),
    labelEn: Type.Optional(Type.String({ maxLength: 100 })),
    type: Type.Union([Type.Literal('text'), Type.Literal('yesNo'), Type.Literal('choice')]),
    options: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 20 })),
    required: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const Category = Type.Object({
  id: Type.String(), parentId: N(Type.String()), code: Type.String(), name: Type.String(), nameEn: Type.String(), notice: N(Type.String()),
  extraQuestions: Type.Array(Question), photoRequiredOnClose: Type.Boolean(), defaultSeverity: SeveritySchema, sortOrder: Type.Integer(), active: Type.Boolean(),
});
const Editable = {
  name: Type.String({ minLength: 1, maxLength: 50 }),
  nameEn: Type.String({ minLength: 1, maxLength: 80 }),
  notice: Type.String({ maxLength: 300 }),
  extraQuestions: Type.Array(Question, { maxItems: 10 }),
  photoRequiredOnClose: Type.Boolean(),
  defaultSeverity: SeveritySchema,
  sortOrder: Type.Integer({ minimum: 0, maximum: 10000 }),
  active: Type.Boolean(),
};
const tags = ['needs'];

export async function categoriesRoutes(app: AppInstance) {
  const svc = () => app.services.categories;

  app.get('/api/need-categories', { schema: { tags, operationId: 'listNeedCategories', summary: 'The category tree of my district', response: { 200: Type.Array(Category) } } }, async (request) =>
    svc().list(requireActor(request).districtId),
  );

  app.post(
    '/api/need-categories',
    {
      schema: {
        tags,
        operationId: 'createNeedCategory',
        summary: 'Add a category (district admins)',
        body: Type.Object(
          { parentId: Type.Optional(Type.String({ format: 'uuid' })), code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' }), name: Editable.name, nameEn: Editable.nameEn, notice: Type.Optional(Editable.notice), extraQuestions: Type.Optional(Editable.extraQuestions), photoRequiredOnClose: Type.Optional(Editable.photoRequiredOnClose), defaultSeverity: Type.Optional(Editable.defaultSeverity), sortOrder: Type.Optional(Editable.sortOrder) },
          { additionalProperties: false },
        ),
        response: { 201: Category },
      },
    },
    async (request, reply) => reply.status(201).send(await svc().create(requirePermission(request, 'regions.manage'), request.body)),
  );

  app.patch(
    '/api/need-categories/:id',
    {
      schema: {
        tags,
        operationId: 'updateNeedCategory',
        summary: 'Edit a category: names, notice, extra questions, photo rule, default severity (district admins)',
        params: IdParams,
        body: Type.Object(Object.fromEntries(Object.entries(Editable).map(([k, v]) => [k, Type.Optional(v)])), { additionalProperties: false, minProperties: 1 }),
        response: { 200: Category },
      },
    },
    async (request) => svc().update(requirePermission(request, 'regions.manage'), request.params.id, request.body),
  );

  app.get('/api/need-config/decline-reasons', { schema: { tags: ['orders'], operationId: 'listDeclineReasons', summary: 'Reasons a team may give for declining', response: { 200: Type.Array(Type.Object({ code: Type.String(), label: Type.String(), labelEn: Type.String() })) } } }, async (request) =>
    svc().declineReasons(requireActor(request).districtId),
  );

  const Reason = Type.Object({ code: Type.String(), label: Type.String(), labelEn: Type.String(), active: Type.Boolean() });
  app.put(
    '/api/need-config/decline-reasons/:code',
    {
      schema: {
        tags: ['orders'],
        operationId: 'saveDeclineReason',
        summary: 'Add or edit a decline reason; `active: false` retires it (district admins)',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false }),
        body: Type.Object({ label: Type.String({ minLength: 1, maxLength: 100 }), labelEn: Type.String({ minLength: 1, maxLength: 100 }), active: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: Reason },
      },
    },
    async (request) => svc().saveDeclineReason(requirePermission(request, 'regions.manage'), request.params.code, request.body),
  );

  const Template = Type.Object({ id: Type.String(), status: Type.String(), categoryId: N(Type.String()), text: Type.String() });
  app.post(
    '/api/need-config/reply-templates',
    {
      schema: {
        tags: ['orders'],
        operationId: 'createReplyTemplate',
        summary: 'Add a one-click answer for a state (and optionally a category) (district admins)',
        body: Type.Object({ status: Type.String({ minLength: 1, maxLength: 16 }), categoryId: Type.Optional(Type.String({ format: 'uuid' })), text: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 201: Template },
      },
    },
    async (request, reply) => reply.status(201).send(await svc().addReplyTemplate(requirePermission(request, 'regions.manage'), request.body)),
  );

  app.delete('/api/need-config/reply-templates/:id', { schema: { tags: ['orders'], operationId: 'deleteReplyTemplate', summary: 'Remove a reply template (district admins)', params: IdParams, response: { 200: Type.Object({ ok: Type.Boolean() }) } } }, async (request) => {
    await svc().removeReplyTemplate(requirePermission(request, 'regions.manage'), request.params.id);
    return { ok: true };
  });

  app.get(
    '/api/need-config/reply-templates',
    {
      schema: {
        tags: ['orders'],
        operationId: 'listReplyTemplates',
        summary: 'One-click answers for a state and category',
        querystring: Type.Object({ status: Type.Optional(Type.String({ maxLength: 16 })), categoryId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
        response: { 200: Type.Array(Type.Object({ id: Type.String(), status: Type.String(), categoryId: N(Type.String()), text: Type.String() })) },
      },
    },
    async (request) => svc().replyTemplates(requirePermission(request, 'regions.read').districtId, request.query.status, request.query.categoryId),
  );
}
