import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requireActor, requireRole } from '../../platform/auth/auth-plugin.js';
import { regionNotFound } from '../../platform/errors/error-responses.js';
import { binary, IdParams, Ok, Uuid } from '../../platform/http/schemas.js';
import {
  ActivityPage,
  ActivityView,
  CancelBody,
  CodeQuery,
  CodeReply,
  CreateBody,
  CreatedReply,
  DecideBody,
  DecideReply,
  HoursList,
  ListQuery,
  PublicSummary,
  RollCallBody,
  ScanBody,
  ScanReply,
  SettingsBody,
  SettingsView,
  SignupList,
  SignupReply,
  SummaryBody,
  ThemedQuery,
  ThemedReply,
  UpdateBody,
} from './activities.schemas.js';

const tags = ['activities'];

export async function activitiesRoutes(app: AppInstance) {
  const svc = () => app.services.activities;

  app.get('/api/activities', { schema: { tags, operationId: 'listActivities', summary: 'Activities I may see: staff those in their subtree, a leader their teams’, anyone the published ones of their community and above; `mine`: those I signed up for', querystring: ListQuery, response: { 200: ActivityPage } } }, async (request) =>
    svc().list(requireActor(request), request.query),
  );

  app.post(
    '/api/activities',
    { schema: { tags, operationId: 'createActivity', summary: 'Schedule an activity (community staff in scope, or a team’s leader); with `recurrence`, every occurrence of the series', body: CreateBody, response: { 201: CreatedReply, ...regionNotFound } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const ids = await svc().schedule.create(actor, request.body);
      return reply.status(201).send({ ids, first: await svc().detail(actor, ids[0]!) });
    },
  );

  app.get('/api/activities/themed-day', { schema: { tags, operationId: 'checkThemedDay', summary: 'Whether a date suits a themed day (主题党日, around the 15th and the 28th), and the next one', querystring: ThemedQuery, response: { 200: ThemedReply } } }, async (request) => {
    requireActor(request);
    return svc().themedDay(request.query.date);
  });

  app.post('/api/activities/check-in', { schema: { tags, operationId: 'scanActivityCode', summary: 'Check in or out with the code scanned from the organiser’s phone (signed, 30-second slots), optionally with my position', body: ScanBody, response: { 200: ScanReply } } }, async (request) =>
    svc().checkin.scan(requireActor(request), request.body),
  );

  app.get('/api/activities/:id', { schema: { tags, operationId: 'getActivity', summary: 'An activity, with my sign-up and place on the waitlist', params: IdParams, response: { 200: ActivityView } } }, async (request) =>
    svc().detail(requireActor(request), request.params.id),
  );

  app.patch('/api/activities/:id', { schema: { tags, operationId: 'updateActivity', summary: 'Edit an activity; `applyTo: future` also edits the later occurrences of its series (the organiser)', params: IdParams, body: UpdateBody, response: { 200: ActivityView } } }, async (request) => {
    const actor = requireActor(request);
    await svc().schedule.update(actor, request.params.id, request.body);
    return svc().detail(actor, request.params.id);
  });

  app.post('/api/activities/:id/publish', { schema: { tags, operationId: 'publishActivity', summary: 'Publish a draft (a series: its later drafts too); sign-up opens', params: IdParams, response: { 200: ActivityView } } }, async (request) => {
    const actor = requireActor(request);
    await svc().schedule.publish(actor, request.params.id);
    return svc().detail(actor, request.params.id);
  });

  app.post('/api/activities/:id/cancel', { schema: { tags, operationId: 'cancelActivity', summary: 'Cancel an activity with a reason; everyone signed up or waiting is told', params: IdParams, body: CancelBody, response: { 200: ActivityView } } }, async (request) => {
    const actor = requireActor(request);
    await svc().schedule.cancel(actor, request.params.id, request.body.reason);
    return svc().detail(actor, request.params.id);
  });

  app.post('/api/activities/:id/signup', { schema: { tags, operationId: 'signUpForActivity', summary: 'Sign up (接龙): a seat while there is one, else the waitlist with my place', params: IdParams, response: { 200: SignupReply } } }, async (request) =>
    svc().signup.signUp(requireActor(request), request.params.id),
  );

  app.post(
    '/api/activities/:id/withdraw',
    { schema: { tags, operationId: 'withdrawFromActivity', summary: 'Cancel my sign-up before the start; the first on the waitlist moves up; late is recorded', params: IdParams, response: { 200: Type.Object({ late: Type.Boolean(), promoted: Type.Boolean() }) } } },
    async (request) => svc().signup.cancel(requireActor(request), request.params.id),
  );

  app.get('/api/activities/:id/signups', { schema: { tags, operationId: 'listActivitySignups', summary: 'Sign-ups, waitlist and attendance (the organiser)', params: IdParams, response: { 200: SignupList } } }, async (request) =>
    svc().signup.list(requireActor(request), request.params.id),
  );

  app.get('/api/activities/:id/code', { schema: { tags, operationId: 'getActivityCode', summary: 'The check-in (or check-out) code to show as a QR code now; it changes every 30 s (the organiser)', params: IdParams, querystring: CodeQuery, response: { 200: CodeReply } } }, async (request) =>
    svc().checkin.code(requireActor(request), request.params.id, request.query.purpose ?? 'in'),
  );

  app.post('/api/activities/:id/roll-call', { schema: { tags, operationId: 'rollCallActivity', summary: 'Mark signed-up people present (checked in) or absent (the organiser)', params: IdParams, body: RollCallBody, response: { 200: SignupList } } }, async (request) => {
    const actor = requireActor(request);
    await svc().checkin.rollCall(actor, request.params.id, request.body.items);
    return svc().signup.list(actor, request.params.id);
  });

  app.get('/api/activities/:id/hours', { schema: { tags, operationId: 'listActivityHours', summary: 'Hours to approve, with the anti-fraud flags (the organiser)', params: IdParams, response: { 200: HoursList } } }, async (request) =>
    svc().hours.list(requireActor(request), request.params.id),
  );

  app.post('/api/activities/:id/hours', { schema: { tags, operationId: 'decideActivityHours', summary: 'Approve (in bulk), adjust with a reason or decline with a reason (the organiser); each once', params: IdParams, body: DecideBody, response: { 200: DecideReply } } }, async (request) =>
    svc().hours.decide(requireActor(request), request.params.id, request.body.items),
  );

  app.put('/api/activities/:id/summary', { schema: { tags, operationId: 'saveActivitySummary', summary: 'The record of a finished activity: text and photos, shown on its public page (the organiser)', params: IdParams, body: SummaryBody, response: { 200: Ok } } }, async (request) => {
    await svc().summary.save(requireActor(request), request.params.id, request.body);
    return { ok: true };
  });

  app.get('/api/public/activities/:id', { schema: { tags, operationId: 'getPublicActivitySummary', summary: 'The public summary of a finished activity (no sign-in): text, photos, participants and hours; no personal data', security: [], params: IdParams, response: { 200: PublicSummary } } }, async (request) =>
    svc().summary.public(request.params.id),
  );

  app.get(
    '/api/public/activities/:id/photos/:photoId',
    { schema: { tags, operationId: 'getPublicActivityPhoto', summary: 'A photo of a finished activity’s public summary (no sign-in)', security: [], params: Type.Object({ id: Uuid, photoId: Uuid }, { additionalProperties: false }), response: { 200: binary('image/*', 'The photo') } } },
    async (request, reply) => {
      const file = await svc().summary.publicPhoto(request.params.id, request.params.photoId);
      return reply.type(file.mime).header('content-disposition', 'inline').header('cache-control', 'public, max-age=3600').header('content-security-policy', "default-src 'none'").send(file.bytes);
    },
  );

  app.get('/api/activity-settings', { schema: { tags, operationId: 'getActivitySettings', summary: 'The district’s rules for activities (district admins)', response: { 200: SettingsView } } }, async (request) =>
    svc().settings(requireRole(request, 'districtAdmin')),
  );

  app.put('/api/activity-settings', { schema: { tags, operationId: 'saveActivitySettings', summary: 'Change the district’s rules for activities (district admins)', body: SettingsBody, response: { 200: SettingsView } } }, async (request) =>
    svc().saveSettings(requireRole(request, 'districtAdmin'), request.body),
  );
}
