import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../../app.types.js';
import { requireRole } from '../../platform/auth/auth-plugin.js';
import { adminRoles } from '../../platform/auth/roles.js';
import { errorResponse } from '../../platform/errors/error-responses.js';
import { attachment } from '../../platform/http/attachment.js';
import { binary, StringEnum } from '../../platform/http/schemas.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import { careError } from './care.errors.js';
import { careTemplate, MAX_SHEET_BYTES, readCareSheet, type SheetRow } from './care.import.sheet.js';

const tags = ['care'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const CareImportOutcome = Type.Object({
  fileName: Type.String(),
  /** done: every row imported; refused: some rows are bad and nothing was imported */
  state: StringEnum(['done', 'refused'] as const),
  totalRows: Type.Integer({ description: 'Rows of the sheet (empty rows left out)' }),
  importedRows: Type.Integer({ description: 'People registered (every row when done, none when refused)' }),
  problems: Type.Array(Type.Object({ row: Type.Integer(), column: Type.String({ description: 'The column’s head in the reader’s language' }), reason: Type.String({ description: 'In the reader’s language' }) }), {
    description: 'Every problem of a refused sheet, by row (as numbered in the sheet) and column',
  }),
});

/** Excel import of people under care: the template and the upload (checked, then imported whole or not at all). */
export async function careImportRoutes(app: AppInstance) {
  const svc = () => app.services.care;
  // admins register people under care (as POST /api/care-recipients); each row's place must be one they run
  const importer = (request: Parameters<typeof requireRole>[0]) => requireRole(request, ...adminRoles);

  app.get(
    '/api/care-recipients/import-template',
    { schema: { tags, operationId: 'downloadCareImportTemplate', summary: 'The Excel template for importing people under care, in the reader’s language, with a sheet of the communities and kinds of care the caller may use (admins)', response: { 200: binary(XLSX, 'The template workbook') } } },
    async (request, reply) => {
      const actor = importer(request);
      const locale = pickLocale(request.headers['accept-language']);
      const { communities, kinds } = await svc().importChoices(actor);
      const book = await careTemplate(locale, communities, kinds);
      return reply.type(XLSX).header('content-disposition', attachment(locale, { 'zh-CN': '关爱对象导入模板.xlsx', en: 'care-import-template.xlsx' })).send(book);
    },
  );

  app.post(
    '/api/care-recipients/import',
    {
      schema: {
        tags,
        operationId: 'importCareRecipients',
        summary: 'Upload a sheet of people under care (multipart field "file"): every row is checked, then all are registered in one transaction, or none and every problem is listed by row and column (admins; audited)',
        consumes: ['multipart/form-data'],
        response: {
          200: CareImportOutcome,
          400: errorResponse(400, 'Not an .xlsx, a missing column, no rows or too many (care.import.*); field `file`'),
          409: errorResponse(409, 'An ID number or place of the sheet changed while it was imported: nothing imported (care.import.changed)'),
          413: errorResponse(413, 'The sheet is too large (care.import.too_large)'),
        },
      },
    },
    async (request) => {
      const actor = importer(request);
      const { fileName, rows } = await uploadedSheet(request);
      return svc().importSheet(actor, fileName, rows, pickLocale(request.headers['accept-language']));
    },
  );

  app.post(
    '/api/care-recipients/import/report',
    {
      schema: {
        tags,
        operationId: 'downloadCareImportReport',
        summary: 'The per-row error report of a sheet (the same upload again: nothing is kept of it): its rows with a column of problems, bad rows highlighted; nothing is imported (admins)',
        consumes: ['multipart/form-data'],
        response: { 200: binary(XLSX, 'The report workbook'), 400: errorResponse(400, 'As the import (care.import.*); field `file`'), 413: errorResponse(413, 'The sheet is too large (care.import.too_large)') },
      },
    },
    async (request, reply) => {
      const actor = importer(request);
      const locale = pickLocale(request.headers['accept-language']);
      const { rows } = await uploadedSheet(request);
      const book = await svc().importReport(actor, rows, locale);
      return reply.type(XLSX).header('content-disposition', attachment(locale, { 'zh-CN': '关爱对象导入问题报告.xlsx', en: 'care-import-report.xlsx' })).header('cache-control', 'no-store').send(book);
    },
  );
}

/** The one file of a multipart upload read into rows; anything else is a 4xx naming `file`. */
async function uploadedSheet(request: FastifyRequest): Promise<{ fileName: string; rows: SheetRow[] }> {
  if (!request.isMultipart()) throw careError('care.import.not_xlsx', { field: 'file' });
  const part = await request.file({ limits: { fileSize: MAX_SHEET_BYTES + 1, files: 1 } });
  if (!part) throw careError('care.import.not_xlsx', { field: 'file' });
  const bytes = await part.toBuffer().catch(() => {
    throw careError('care.import.too_large', { field: 'file', params: { limit: MAX_SHEET_BYTES / 1024 / 1024 } });
  });
  return { fileName: part.filename || 'care.xlsx', rows: await readCareSheet(bytes) };
}
