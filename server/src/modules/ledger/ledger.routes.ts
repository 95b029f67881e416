import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requireActor, requirePermission, requireRole } from '../../platform/auth/auth-plugin.js';
import { errorResponse } from '../../platform/errors/error-responses.js';
import { binary, IdParams } from '../../platform/http/schemas.js';
import { pickLocale, type Locale } from '../../platform/i18n/i18n.js';
import { renderPassbook, type Passbook } from './ledger.passbook-pdf.js';
import { writePassbookWorkbook } from './ledger.passbook-xlsx.js';
import { AwardBody, AwardResult, Balances, Caps, CommunityFigures, MyLedger, NewRuleBody, PassbookQuery, PeriodQuery, Reversal, ReverseBody, Rule, RuleChangeBody, RuleCodeParams, Statement, StatementQuery, Withdrawal, WithdrawalBody, WithdrawalDetail } from './ledger.schemas.js';
import { attachment } from '../../platform/http/attachment.js';

const tags = ['ledger'];
const noVolunteer = { 404: errorResponse(404, 'No such volunteer in the caller’s scope (ledger.not_volunteer)') };

export async function ledgerRoutes(app: AppInstance) {
  const svc = () => app.services.ledger;
  const staff = (request: FastifyRequest) => requirePermission(request, 'accounts.read');
  const admin = (request: FastifyRequest) => requireRole(request, 'communityAdmin', 'streetAdmin', 'districtAdmin');
  const districtAdmin = (request: FastifyRequest) => requireRole(request, 'districtAdmin');

  app.get('/api/ledger/me', { schema: { tags, operationId: 'getMyLedger', summary: 'My passbook (储蓄存折): hours and points, and the latest lines', response: { 200: MyLedger } } }, async (request) => {
    const actor = requireActor(request);
    const [balances, statement] = await Promise.all([svc().balancesOf(actor.districtId, actor.accountId), svc().statement(actor.districtId, actor.accountId, { pageSize: 10, order: 'posted' })]);
    return { ...balances, recent: statement.items };
  });
  app.get('/api/ledger/me/statement', { schema: { tags, operationId: 'getMyStatement', summary: 'My passbook statement for a period: every line with its source, rule and the balance after it', querystring: StatementQuery, response: { 200: Statement } } }, async (request) => {
    const actor = requireActor(request);
    return svc().statement(actor.districtId, actor.accountId, request.query);
  });
  const noWithdrawal = { 404: errorResponse(404, 'No such withdrawal of mine (ledger.withdrawal_not_found)') };
  app.post('/api/ledger/withdrawals', { schema: { tags, operationId: 'createWithdrawal', summary: 'Spend hours on a service need for me or a family member (服务换服务): the need is posted and the hours held, together', body: WithdrawalBody, response: { 201: WithdrawalDetail, 409: errorResponse(409, 'Not enough hours in my passbook (ledger.insufficient_hours, field hours)') } } }, async (request, reply) =>
    reply.status(201).send(await svc().withdraw(requireActor(request), request.body)),
  );
  app.get('/api/ledger/withdrawals', { schema: { tags, operationId: 'listMyWithdrawals', summary: 'My time-bank withdrawals, newest first, with their state (held, paid, returned)', response: { 200: Type.Array(Withdrawal) } } }, async (request) =>
    svc().myWithdrawals(requireActor(request)),
  );
  app.get('/api/ledger/withdrawals/:id', { schema: { tags, operationId: 'getMyWithdrawal', summary: 'One of my time-bank withdrawals (by its need’s id), with what is held now', params: IdParams, response: { 200: WithdrawalDetail, ...noWithdrawal } } }, async (request) =>
    svc().withdrawal(requireActor(request), request.params.id),
  );
  // the passbook (储蓄存折) printed: PDF and Excel, mine and (staff) a volunteer's
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const locale = (request: FastifyRequest, lang: Locale | undefined) => lang ?? pickLocale(request.headers['accept-language']);
  const filename = (p: Passbook, ext: string) => {
    const rest = `${p.number ?? 'me'}-${p.from ?? 'start'}-${p.to ?? p.printedOn}.${ext}`;
    return attachment(p.locale, { 'zh-CN': `储蓄存折-${rest}`, en: `passbook-${rest}` });
  };
  const sendPdf = async (reply: FastifyReply, p: Passbook) =>
    reply.type('application/pdf').header('content-disposition', filename(p, 'pdf')).header('cache-control', 'no-store').send(await renderPassbook(p));
  const sendXlsx = (request: FastifyRequest, reply: FastifyReply, p: Passbook) => {
    const out = new PassThrough();
    writePassbookWorkbook(p, out).catch((err: unknown) => {
      request.log.error({ err }, 'passbook workbook failed');
      out.destroy(err instanceof Error ? err : new Error(String(err)));
    });
    return reply.type(XLSX).header('content-disposition', filename(p, 'xlsx')).header('cache-control', 'no-store').send(out);
  };
  app.get('/api/ledger/me/statement.pdf', { config: { heavyRead: true }, schema: { tags, operationId: 'downloadMyPassbookPdf', summary: 'My passbook for a period as a PDF (储蓄存折)', querystring: PassbookQuery, response: { 200: binary('application/pdf', 'The passbook') } } }, async (request, reply) => {
    const { lang, ...q } = request.query;
    return sendPdf(reply, await svc().myPassbook(requireActor(request), q, locale(request, lang)));
  });
  app.get('/api/ledger/me/statement.xlsx', { config: { heavyRead: true }, schema: { tags, operationId: 'downloadMyPassbookXlsx', summary: 'My passbook for a period as an Excel workbook', querystring: PassbookQuery, response: { 200: binary(XLSX, 'The passbook') } } }, async (request, reply) => {
    const { lang, ...q } = request.query;
    return sendXlsx(request, reply, await svc().myPassbook(requireActor(request), q, locale(request, lang)));
  });
  app.get('/api/ledger/volunteers/:id/statement.pdf', { config: { heavyRead: true }, schema: { tags, operationId: 'downloadVolunteerPassbookPdf', summary: 'A volunteer’s passbook as a PDF (staff over them; the read is audited)', params: IdParams, querystring: PassbookQuery, response: { 200: binary('application/pdf', 'The passbook'), ...noVolunteer } } }, async (request, reply) => {
    const { lang, ...q } = request.query;
    return sendPdf(reply, await svc().passbookFor(staff(request), request.params.id, q, locale(request, lang), 'pdf'));
  });
  app.get('/api/ledger/volunteers/:id/statement.xlsx', { config: { heavyRead: true }, schema: { tags, operationId: 'downloadVolunteerPassbookXlsx', summary: 'A volunteer’s passbook as an Excel workbook (staff over them; the read is audited)', params: IdParams, querystring: PassbookQuery, response: { 200: binary(XLSX, 'The passbook'), ...noVolunteer } } }, async (request, reply) => {
    const { lang, ...q } = request.query;
    return sendXlsx(request, reply, await svc().passbookFor(staff(request), request.params.id, q, locale(request, lang), 'xlsx'));
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
