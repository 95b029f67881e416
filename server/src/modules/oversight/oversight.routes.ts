import type { AppInstance } from '../../app.types.js';
import { requireActor } from '../../platform/auth/auth-plugin.js';
import { IdParams } from '../../platform/http/schemas.js';
import { AskBody, DecideBody, Decisions, DecisionsQuery, EmptyBody, NeedDeadlineChanges, NeedIdParams, NeedSupervisions, RecordBody, SupervisionRecord } from './oversight.schemas.js';

const tags = ['oversight'];

/** /api/oversight: pauses and extensions of a need's deadline (挂起 · 延期), supervision records and callbacks (督办 · 回访). */
export async function oversightRoutes(app: AppInstance) {
  const svc = () => app.services.oversight;

  app.get('/api/oversight/needs/:id/deadline-changes', { schema: { tags, operationId: 'listNeedDeadlineChanges', summary: 'A need’s pause and extension requests, its clock, and what I may do (staff over it, the leader of its team)', params: NeedIdParams, response: { 200: NeedDeadlineChanges } } }, async (request) =>
    svc().changesFor(requireActor(request), request.params.id),
  );

  app.post('/api/oversight/needs/:id/deadline-changes', { schema: { tags, operationId: 'askDeadlineChange', summary: 'Ask to pause the clock (挂起) or extend the deadline (延期), with a reason (the handler: team leader, community admin; the street for a whistled item)', params: NeedIdParams, body: AskBody, response: { 201: NeedDeadlineChanges } } }, async (request, reply) => {
    const actor = requireActor(request);
    await svc().ask(actor, request.params.id, request.body);
    return reply.status(201).send(await svc().changesFor(actor, request.params.id));
  });

  app.get('/api/oversight/deadline-changes', { schema: { tags, operationId: 'listDeadlineDecisions', summary: 'Requests I decide (待审批): asked by the level below mine in my subtree, by state (default waiting)', querystring: DecisionsQuery, response: { 200: Decisions } } }, async (request) =>
    svc().decisions(requireActor(request), request.query),
  );

  app.post('/api/oversight/deadline-changes/:id/approve', { schema: { tags, operationId: 'approveDeadlineChange', summary: 'Approve (the level above the asker): a pause stops the clock now, an extension sets its deadline', params: IdParams, body: DecideBody, response: { 200: NeedDeadlineChanges } } }, async (request) => {
    const actor = requireActor(request);
    const { needId } = await svc().decide(actor, request.params.id, 'approve', request.body.note);
    return svc().changesFor(actor, needId);
  });

  app.post('/api/oversight/deadline-changes/:id/refuse', { schema: { tags, operationId: 'refuseDeadlineChange', summary: 'Refuse with a reason (the level above the asker)', params: IdParams, body: DecideBody, response: { 200: NeedDeadlineChanges } } }, async (request) => {
    const actor = requireActor(request);
    const { needId } = await svc().decide(actor, request.params.id, 'refuse', request.body.note);
    return svc().changesFor(actor, needId);
  });

  app.post('/api/oversight/deadline-changes/:id/resume', { schema: { tags, operationId: 'resumeDeadline', summary: 'End a running pause: the deadline moves on by the time paused (in the window’s unit)', params: IdParams, body: EmptyBody, response: { 200: NeedDeadlineChanges } } }, async (request) => {
    const actor = requireActor(request);
    const { needId } = await svc().resume(actor, request.params.id);
    return svc().changesFor(actor, needId);
  });

  app.get('/api/oversight/needs/:id/supervisions', { schema: { tags, operationId: 'listSupervisions', summary: 'A need’s supervision records and callbacks, newest first (staff over it, the leader of its team)', params: NeedIdParams, response: { 200: NeedSupervisions } } }, async (request) =>
    svc().listFor(requireActor(request), request.params.id),
  );

  app.post('/api/oversight/needs/:id/supervisions', { schema: { tags, operationId: 'createSupervision', summary: 'Record a supervision (督办: phone, written reminder, on site) while it is handled, or the satisfaction callback (回访) once served (staff over it)', params: NeedIdParams, body: RecordBody, response: { 201: SupervisionRecord } } }, async (request, reply) =>
    reply.status(201).send(await svc().record(requireActor(request), request.params.id, request.body)),
  );
}
