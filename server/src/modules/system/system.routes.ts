import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';

export async function systemRoutes(app: AppInstance) {
  app.get(
    '/healthz',
    { schema: { tags: ['system'], operationId: 'getHealth', security: [], summary: 'Process is up', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['system'],
        operationId: 'getReadiness',
        security: [],
        summary: 'Database reachable and migrations applied',
        response: {
          200: Type.Object({ ready: Type.Boolean(), database: Type.Boolean(), migrations: Type.Any() }),
          503: Type.Object({ ready: Type.Boolean(), database: Type.Boolean(), migrations: Type.Any() }),
        },
      },
    },
    async (_request, reply) => {
      const status = await app.services.system.readiness();
      return reply.status(status.ready ? 200 : 503).send(status);
    },
  );
}
