import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requirePermission } from '../../platform/auth/auth-plugin.js';
import { errorResponse } from '../../platform/errors/error-responses.js';
import { binary, IdParams, StringEnum } from '../../platform/http/schemas.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import { importError } from './volunteers.import.errors.js';
import { MAX_SHEET_BYTES, readVolunteerSheet, volunteerTemplate } from './volunteers.import.sheet.js';
import { attachment } from '../../platform/http/attachment.js';

const tags = ['volunteers'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const notFound = { 404: errorResponse(404, 'No such import in the caller’s scope (volunteers.import.not_found)') };

export const ImportStatus = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  state: StringEnum(['queued', 'checking', 'refused', 'importing', 'done', 'failed'] as const),
  totalRows: Type.Integer({ description: 'Rows of the sheet (empty rows left out)' }),
  checkedRows: Type.Integer(),
  importedRows: Type.Integer({ description: 'Registrations created or activated (when done)' }),
  skippedRows: Type.Integer({ description: 'Rows of people already active (or suspended) volunteers: left as they are' }),
  createdAccounts: Type.Integer({ description: 'New resident accounts among the imported' }),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  problems: Type.Array(Type.Object({ row: Type.Integer(), column: Type.String({ description: 'The column’s head in the reader’s language' }), reason: Type.String({ description: 'In the reader’s language' }) }), {
    description: 'Every problem of a refused sheet, by row (as numbered in the sheet) and column',
  }),
  skipped: Type.Array(Type.Object({ row: Type.Integer(), reason: Type.String() })),
});

/** Excel import of volunteers: the template, the upload (checked and imported by a job), its progress and error report. */
export async function volunteersImportRoutes(app: AppInstance) {
  const svc = () => app.services.volunteers;
  // the admins of a community and above register volunteers in bulk, within their own subtree
  const importer = (request: Parameters<typeof requirePermission>[0]) => requirePermission(request, 'accounts.manage');

  app.get(
    '/api/volunteers/import-template',
    { schema: { tags, operationId: 'downloadVolunteerImportTemplate', summary: 'The Excel template for importing volunteers, in the reader’s language, with a sheet of the communities in scope', response: { 200: binary(XLSX, 'The template workbook') } } },
    async (request, reply) => {
      const actor = importer(request);
      const locale = pickLocale(request.headers['accept-language']);
      const book = await volunteerTemplate(locale, await svc().importCommunities(actor));
      return reply.type(XLSX).header('content-disposition', attachment(locale, { 'zh-CN': '志愿者导入模板.xlsx', en: 'volunteer-import-template.xlsx' })).send(book);
    },
  );

  app.post(
    '/api/volunteer-imports',
    {
      schema: {
        tags,
        operationId: 'importVolunteers',
        summary: 'Upload a sheet of volunteers (multipart field "file"): a job checks every row, then imports all in one transaction or none; poll the import for progress and problems',
        consumes: ['multipart/form-data'],
        response: {
          202: ImportStatus,
          400: errorResponse(400, 'Not an .xlsx, a missing column, no rows or too many (volunteers.import.*); field `file`'),
          413: errorResponse(413, 'The sheet is too large (volunteers.import.too_large)'),
        },
      },
    },
    async (request, reply) => {
      const actor = importer(request);
      if (!request.isMultipart()) throw importError('volunteers.import.not_xlsx', { field: 'file' });
      const part = await request.file({ limits: { fileSize: MAX_SHEET_BYTES + 1, files: 1 } });
      if (!part) throw importError('volunteers.import.not_xlsx', { field: 'file' });
      const bytes = await part.toBuffer().catch(() => {
        throw importError('volunteers.import.too_large', { field: 'file', params: { limit: MAX_SHEET_BYTES / 1024 / 1024 } });
      });
      const rows = await readVolunteerSheet(bytes);
      return reply.status(202).send(await svc().startImport(actor, part.filename || 'volunteers.xlsx', rows, pickLocale(request.headers['accept-language'])));
    },
  );

  app.get(
    '/api/volunteer-imports/:id',
    { schema: { tags, operationId: 'getVolunteerImport', summary: 'An import’s progress (rows checked, imported, skipped) and, when refused, every problem by row and column', params: IdParams, response: { 200: ImportStatus, ...notFound } } },
    async (request) => svc().importStatus(importer(request), request.params.id, pickLocale(request.headers['accept-language'])),
  );

  app.get(
    '/api/volunteer-imports/:id/report',
    { schema: { tags, operationId: 'downloadVolunteerImportReport', summary: 'The per-row error report: the uploaded rows with a column of problems, bad rows highlighted', params: IdParams, response: { 200: binary(XLSX, 'The report workbook'), ...notFound } } },
    async (request, reply) => {
      const actor = importer(request);
      const locale = pickLocale(request.headers['accept-language']);
      const book = await svc().importReport(actor, request.params.id, locale);
      const id = request.params.id.slice(0, 8);
      return reply.type(XLSX).header('content-disposition', attachment(locale, { 'zh-CN': `志愿者导入问题报告-${id}.xlsx`, en: `volunteer-import-report-${id}.xlsx` })).header('cache-control', 'no-store').send(book);
    },
  );
}
