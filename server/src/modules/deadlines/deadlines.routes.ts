import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requirePermission, requireRole } from '../../platform/auth/auth-plugin.js';
import { errorResponse, regionNotFound } from '../../platform/errors/error-responses.js';
import { binary, IdParams, Ok } from '../../platform/http/schemas.js';
import { deadlinesError } from './deadlines.errors.js';
import { calendarTemplate, readCalendarSheet } from './deadlines.import.js';
import { CalendarDay, CalendarQuery, CalendarYear, CreateRuleBody, DayParams, DeadlineRule, SetDayBody, UpdateRuleBody } from './deadlines.schemas.js';
import { attachment } from '../../platform/http/attachment.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

const tags = ['deadlines'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_SHEET_BYTES = 2 * 1024 * 1024;

export async function deadlinesRoutes(app: AppInstance) {
  const svc = () => app.services.deadlines;
  // rules: district admins everywhere, street admins inside their street; the calendar: district admins
  const ruleEditor = (request: Parameters<typeof requireRole>[0]) => requireRole(request, 'districtAdmin', 'streetAdmin');
  const calendarEditor = (request: Parameters<typeof requireRole>[0]) => requireRole(request, 'districtAdmin');

  app.get('/api/deadline-rules', { schema: { tags, operationId: 'listDeadlineRules', summary: 'The 2310 windows that concern me: my subtree’s rules and those above it (staff)', response: { 200: Type.Array(DeadlineRule) } } }, async (request) =>
    svc().listRules(requirePermission(request, 'regions.read')),
  );

  app.post(
    '/api/deadline-rules',
    { schema: { tags, operationId: 'createDeadlineRule', summary: 'Add a window for a severity in a subtree and/or category (district admins; street admins in their street)', body: CreateRuleBody, response: { 201: DeadlineRule, ...regionNotFound } } },
    async (request, reply) => {
      const actor = ruleEditor(request);
      const id = await svc().createRule(actor, request.body);
      return reply.status(201).send(await svc().ruleView(actor, id));
    },
  );

  app.patch('/api/deadline-rules/:id', { schema: { tags, operationId: 'updateDeadlineRule', summary: 'Change a rule’s window; needs already accepted keep their deadline', params: IdParams, body: UpdateRuleBody, response: { 200: DeadlineRule } } }, async (request) => {
    const actor = ruleEditor(request);
    await svc().updateRule(actor, request.params.id, request.body);
    return svc().ruleView(actor, request.params.id);
  });

  app.delete('/api/deadline-rules/:id', { schema: { tags, operationId: 'deleteDeadlineRule', summary: 'Remove a rule (the district-wide ones stay)', params: IdParams, response: { 200: Ok } } }, async (request) => {
    await svc().deleteRule(ruleEditor(request), request.params.id);
    return { ok: true };
  });

  app.get('/api/calendar', { schema: { tags, operationId: 'getCalendar', summary: 'A year of the holiday calendar: the days off (放假) and make-up working days (调休上班) (staff)', querystring: CalendarQuery, response: { 200: CalendarYear } } }, async (request) => {
    const actor = requirePermission(request, 'regions.read');
    const year = request.query.year ?? Number(shanghaiDay(app.deps.clock.now()).slice(0, 4));
    return { year, days: await svc().calendarYear(actor.districtId, year) };
  });

  app.put('/api/calendar/days', { schema: { tags, operationId: 'setCalendarDay', summary: 'Mark a day off or a make-up working day (district admins)', body: SetDayBody, response: { 200: CalendarDay } } }, async (request) =>
    svc().setDay(calendarEditor(request), request.body),
  );

  app.delete('/api/calendar/days/:day', { schema: { tags, operationId: 'clearCalendarDay', summary: 'Return a day to the ordinary week (district admins)', params: DayParams, response: { 200: Ok } } }, async (request) => {
    await svc().clearDay(calendarEditor(request), request.params.day);
    return { ok: true };
  });

  app.get('/api/calendar/template', { schema: { tags, operationId: 'downloadCalendarTemplate', summary: 'The Excel template for importing a calendar (日期, 类型, 名称)', response: { 200: binary(XLSX, 'The template workbook') } } }, async (request, reply) => {
    calendarEditor(request);
    return reply.type(XLSX).header('content-disposition', attachment(pickLocale(request.headers['accept-language']), { 'zh-CN': '节假日日历导入模板.xlsx', en: 'calendar-template.xlsx' })).send(await calendarTemplate());
  });

  app.post(
    '/api/calendar/import',
    {
      schema: {
        tags,
        operationId: 'importCalendar',
        summary: 'Import days from an Excel sheet (multipart field "file"): every row is checked, all are written or none; an error names the row and column',
        consumes: ['multipart/form-data'],
        response: { 200: Type.Object({ imported: Type.Integer() }), 400: errorResponse(400, 'A bad sheet: `message` names the row and column, `details.errors` lists every bad cell (deadlines.import.*)'), 413: errorResponse(413, 'The sheet is larger than 2 MB (deadlines.import.too_large)') },
      },
    },
    async (request) => {
      const actor = calendarEditor(request);
      if (!request.isMultipart()) throw deadlinesError('deadlines.import.not_xlsx', { field: 'file' });
      const part = await request.file({ limits: { fileSize: MAX_SHEET_BYTES + 1, files: 1 } });
      if (!part) throw deadlinesError('deadlines.import.not_xlsx', { field: 'file' });
      const bytes = await part.toBuffer().catch(() => {
        throw deadlinesError('deadlines.import.too_large', { field: 'file' });
      });
      return svc().importDays(actor, await readCalendarSheet(bytes));
    },
  );
}
