import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requirePermission } from '../../platform/auth/auth-plugin.js';
import { Page, PageQuery, Uuid } from '../../platform/http/schemas.js';

const AuditItem = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorRoles: Type.Union([Type.Array(Type.String()), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Type.Union([Type.String(), Type.Null()]),
  regionId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

export async function auditRoutes(app: AppInstance) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        operationId: 'searchAuditLog',
        summary: 'Search the audit log (scoped to the caller’s subtree)',
        querystring: Type.Object(
          {
            ...PageQuery,
            actorId: Type.Optional(Uuid),
            objectType: Type.Optional(Type.String({ maxLength: 32 })),
            objectId: Type.Optional(Type.String({ maxLength: 64 })),
            action: Type.Optional(Type.String({ maxLength: 64 })),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(AuditItem) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'audit.read');
      const result = await app.services.audit.search(actor, request.query);
      return { ...result, items: result.items.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  );
}
