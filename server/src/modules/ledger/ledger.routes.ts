import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requireActor, requirePermission, requireRole } from '../../platform/auth/auth-plugin.js';
import { errorResponse } from '../../platform/errors/error-responses.js';
import { IdParams } from '../../platform/http/schemas.js';
import { AwardBody, AwardResult, Balances, Caps, CommunityFigures, MyLedger, NewRuleBody, PeriodQuery, Reversal, ReverseBody, Rule, RuleChangeBody, RuleCodeParams, Statement, StatementQuery } from './ledger.schemas.js';

const tags = ['ledger'];
const noVolunteer = { 404: errorResponse(404, 'No such volunteer in the caller’s scope (ledger.not_volunteer)') };

export async function ledgerRoutes(app: AppInstance) {
  const svc = () => app.services.ledger;
  const staff = (request: FastifyRequest) => requirePermission(request, 'accounts.read');
  const admin = (request: FastifyRequest) => requireRole(request, 'communityAdmin', 'streetAdmin', 'districtAdmin');
  const districtAdmin = (request: FastifyRequest) => requireRole(request, 'districtAdmin');

  app.get('/api/ledger/me', { schema: { tags, operationId: 'getMyLedger', summary: 'My passbook (储蓄存折): hours and points, and the latest lines', response: { 200: MyLedger } } }, async (request) => {
    const actor = requireActor(request);
    const [balances, statement] = await Promise.all([svc().balancesOf(actor.districtId, actor.accountId), svc().statement(actor.districtId, actor.accountId, { pageSize: 10 })]);
    return { ...balances, recent: statement.items };
  });
  app.get('/api/ledger/me/statement', { schema: { tags, operationId: 'getMyStatement', summary: 'My passbook statement for a period: every line with its source, rule and the balance after it', querystring: StatementQuery, response: { 200: Statement } } }, async (request) => {
    const actor = requireActor(request);
    return svc().statement(actor.districtId, actor.accountId, request.query);
  });
  app.get('/api/ledger/volunteers/:id', { schema: { tags, operationId: 'getVolunteerBalances', summary: 'A volunteer’s hours and points (staff over them)', params: IdParams, response: { 200: Balances, ...noVolunteer } } }, async (request) => {
    const actor = staff(request);
    await svc().statementFor(actor, request.params.id, { pageSize: 1 });
    return svc().balancesOf(actor.districtId, request.params.id);
  });
  app.get('/api/ledger/volunteers/:id/statement', { schema: { tags, operationId: 'getVolunteerStatement', summary: 'A volunteer’s passbook statement (staff over them; the read is audited)', params: IdParams, querystring: StatementQuery, response: { 200: Statement, ...noVolunteer } } }, async (request) =>
    svc().statementFor(staff(request), request.params.id, request.query),
  );
  app.get('/api/ledger/communities', { schema: { tags, operationId: 'listLedgerCommunities', summary: 'Points issued, deducted, redeemed and outstanding, and hours deposited, per community in my subtree', querystring: PeriodQuery, response: { 200: Type.Array(CommunityFigures) } } }, async (request) =>
    svc().communities(staff(request), request.query),
  );
  app.post('/api/ledger/awards', { schema: { tags, operationId: 'awardPoints', summary: 'Give or take points by one of the district’s manual rules, with a note (community admins and above, volunteers in scope)', body: AwardBody, response: { 201: AwardResult, ...noVolunteer } } }, async (request, reply) =>
    reply.status(201).send(await svc().award(admin(request), request.body)),
  );
  app.post('/api/ledger/transactions/:id/reverse', { schema: { tags, operationId: 'reverseLedgerTransaction', summary: 'Reverse a posting made by mistake (冲正), once, with the reason (district admins)', params: IdParams, body: ReverseBody, response: { 200: Reversal, 404: errorResponse(404, 'No such posting in the caller’s district (ledger.not_found)') } } }, async (request) =>
    svc().reverseTransaction(districtAdmin(request), request.params.id, request.body.reason),
  );

  app.get('/api/points-rules', { schema: { tags, operationId: 'listPointsRules', summary: 'The district’s points rules (加减分细则), every version; `inForce` marks today’s', response: { 200: Type.Array(Rule) } } }, async (request) =>
    svc().rules.list(requireActor(request)),
  );
  app.post('/api/points-rules', { schema: { tags, operationId: 'createPointsRule', summary: 'Add a rule staff apply by hand (district admins)', body: NewRuleBody, response: { 201: Rule } } }, async (request, reply) =>
    reply.status(201).send(await svc().rules.create(districtAdmin(request), request.body)),
  );
  app.put('/api/points-rules/:code', { schema: { tags, operationId: 'changePointsRule', summary: 'Change a rule from a day on: a new version; what was posted before keeps the old one (district admins)', params: RuleCodeParams, body: RuleChangeBody, response: { 200: Rule, 404: errorResponse(404, 'No such rule (ledger.rule_not_found)') } } }, async (request) =>
    svc().rules.change(districtAdmin(request), request.params.code, request.body),
  );
  app.get('/api/points-caps', { schema: { tags, operationId: 'getPointsCaps', summary: 'Caps on points a volunteer earns per day and per month', response: { 200: Caps } } }, async (request) =>
    svc().rules.caps(requireActor(request).districtId),
  );
  app.put('/api/points-caps', { schema: { tags, operationId: 'updatePointsCaps', summary: 'Change the caps; null is no cap (district admins)', body: Caps, response: { 200: Caps } } }, async (request) =>
    svc().rules.updateCaps(districtAdmin(request), request.body),
  );
}
