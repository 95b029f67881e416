import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../../app.types.js';
import { requireActor, requirePermission, requireRole } from '../../platform/auth/auth-plugin.js';
import { errorResponse } from '../../platform/errors/error-responses.js';
import { IdParams, Ok } from '../../platform/http/schemas.js';
import { AppealBody, DecideBody, EntriesQuery, Entry, EntryBody, Incident, IncidentPage, IncidentQuery, MyConduct, NoteBody, RecordBody, ReviewPage, ReviewQuery, Settings, VolunteerConduct } from './conduct.schemas.js';
import { Type } from '@sinclair/typebox';

const tags = ['conduct'];
const notFound = { 404: errorResponse(404, 'No such incident for the caller: neither theirs nor in their scope (conduct.not_found)') };

export async function conductRoutes(app: AppInstance) {
  const svc = () => app.services.conduct;
  const staff = (request: FastifyRequest) => requirePermission(request, 'accounts.read');
  const admin = (request: FastifyRequest) => requireRole(request, 'communityAdmin', 'streetAdmin', 'districtAdmin');
  const districtAdmin = (request: FastifyRequest) => requireRole(request, 'districtAdmin');

  app.get('/api/conduct/entries', { schema: { tags, operationId: 'listConductEntries', summary: 'The district’s negative-conduct list (言行负面清单)', querystring: EntriesQuery, response: { 200: Type.Array(Entry) } } }, async (request) =>
    svc().entries(staff(request), request.query),
  );
  app.post('/api/conduct/entries', { schema: { tags, operationId: 'createConductEntry', summary: 'Add an entry to the list (district admins)', body: EntryBody, response: { 201: Entry } } }, async (request, reply) =>
    reply.status(201).send(await svc().createEntry(districtAdmin(request), request.body)),
  );
  app.put('/api/conduct/entries/:id', { schema: { tags, operationId: 'updateConductEntry', summary: 'Edit an entry; `active: false` deactivates it (district admins)', params: IdParams, body: EntryBody, response: { 200: Entry, 404: errorResponse(404, 'No such entry in the caller’s district (conduct.entry_not_found)') } } }, async (request) =>
    svc().updateEntry(districtAdmin(request), request.params.id, request.body),
  );
  app.get('/api/conduct/settings', { schema: { tags, operationId: 'getConductSettings', summary: 'How many no-shows in how many days call for a review', response: { 200: Settings } } }, async (request) =>
    svc().settings(staff(request).districtId),
  );
  app.put('/api/conduct/settings', { schema: { tags, operationId: 'updateConductSettings', summary: 'Change the no-show review threshold (district admins)', body: Settings, response: { 200: Settings } } }, async (request) =>
    svc().updateSettings(districtAdmin(request), request.body),
  );

  app.get('/api/conduct/incidents', { schema: { tags, operationId: 'listConductIncidents', summary: 'Incidents in my subtree, with filters; `decidable` is my appeal queue', querystring: IncidentQuery, response: { 200: IncidentPage } } }, async (request) =>
    svc().list(staff(request), request.query),
  );
  app.post(
    '/api/conduct/incidents',
    { schema: { tags, operationId: 'recordConductIncident', summary: 'Record an incident against a volunteer in my scope: points, optional suspension (community admins and above)', body: RecordBody, response: { 201: Incident, 404: errorResponse(404, 'No such volunteer in the caller’s scope (volunteers.not_found)') } } },
    async (request, reply) => {
      const actor = admin(request);
      const id = await svc().record(actor, request.body);
      return reply.status(201).send(await svc().detail(actor, id));
    },
  );
  app.get('/api/conduct/incidents/:id', { schema: { tags, operationId: 'getConductIncident', summary: 'One incident: the volunteer’s own, or staff over their home', params: IdParams, response: { 200: Incident, ...notFound } } }, async (request) =>
    svc().detail(requireActor(request), request.params.id),
  );
  app.post('/api/conduct/incidents/:id/appeal', { schema: { tags, operationId: 'appealConductIncident', summary: 'Appeal (申诉) an incident, once, with a statement and photos (the volunteer concerned)', params: IdParams, body: AppealBody, response: { 200: Incident, ...notFound } } }, async (request) => {
    const actor = requireActor(request);
    await svc().appeal(actor, request.params.id, request.body);
    return svc().detail(actor, request.params.id);
  });
  app.post('/api/conduct/incidents/:id/decide', { schema: { tags, operationId: 'decideConductAppeal', summary: 'Decide an appeal: upheld annuls the incident (and lifts its suspension), dismissed keeps it (above the recorder)', params: IdParams, body: DecideBody, response: { 200: Incident, ...notFound } } }, async (request) => {
    const actor = requireRole(request, 'streetAdmin', 'districtAdmin');
    await svc().decide(actor, request.params.id, request.body);
    return svc().detail(actor, request.params.id);
  });

  app.get('/api/conduct/me', { schema: { tags, operationId: 'getMyConduct', summary: 'My conduct record (我的言行记录): incidents and facts from activities', response: { 200: MyConduct } } }, async (request) =>
    svc().mine(requireActor(request)),
  );
  app.get('/api/conduct/volunteers/:id', { schema: { tags, operationId: 'getVolunteerConduct', summary: 'A volunteer’s conduct page: incidents, facts, an open review', params: IdParams, response: { 200: VolunteerConduct, 404: errorResponse(404, 'No such volunteer in the caller’s scope (volunteers.not_found)') } } }, async (request) =>
    svc().ofVolunteer(staff(request), request.params.id),
  );

  app.get('/api/conduct/reviews', { schema: { tags, operationId: 'listConductReviews', summary: 'Volunteers whose repeated no-shows need a look (待核查)', querystring: ReviewQuery, response: { 200: ReviewPage } } }, async (request) =>
    svc().reviews(staff(request), request.query),
  );
  app.post('/api/conduct/reviews/:id/resolve', { schema: { tags, operationId: 'resolveConductReview', summary: 'Close a review with a note of what was done', params: IdParams, body: NoteBody, response: { 200: Ok, 404: errorResponse(404, 'No such review in the caller’s scope (conduct.review_not_found)') } } }, async (request) => {
    await svc().resolveReview(admin(request), request.params.id, request.body.note);
    return { ok: true };
  });
}
