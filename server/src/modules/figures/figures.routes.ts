import { PassThrough } from 'node:stream';
import type { AppInstance } from '../../app.types.js';
import { requireRole } from '../../platform/auth/auth-plugin.js';
import { staffRoles } from '../../platform/auth/roles.js';
import { regionNotFound } from '../../platform/errors/error-responses.js';
import { binary, Page } from '../../platform/http/schemas.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import { EXPORT_OVERDUE_CAP, writeFiguresWorkbook } from './figures.export.js';
import { OverdueItem, OverdueQuery, Summary, SummaryQuery } from './figures.schemas.js';
import { attachment } from '../../platform/http/attachment.js';

const tags = ['figures'];
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function figuresRoutes(app: AppInstance) {
  const svc = () => app.services.figures;
  // staff only, each over their own subtree (a region filter outside it is a 404)
  const staff = (request: Parameters<typeof requireRole>[0]) => requireRole(request, ...staffRoles);

  app.get(
    '/api/figures/summary',
    { schema: { tags, operationId: 'getFiguresSummary', summary: 'Response time, on-time rate, satisfaction, reopen rate and overdue counts for a period, per group and in total (办理考核)', querystring: SummaryQuery, response: { 200: Summary, ...regionNotFound } } },
    async (request) => svc().summary(staff(request), request.query),
  );

  app.get(
    '/api/figures/overdue',
    { schema: { tags, operationId: 'listOverdueNeeds', summary: 'Open needs past their deadline (most overdue first), or due within 24 hours', querystring: OverdueQuery, response: { 200: Page(OverdueItem), ...regionNotFound } } },
    async (request) => svc().overdue(staff(request), request.query),
  );

  app.get(
    '/api/figures/export',
    { config: { heavyRead: true }, schema: { tags, operationId: 'exportFigures', summary: 'The ranking and the overdue list as an Excel workbook (audited)', querystring: SummaryQuery, response: { 200: binary(xlsx, 'The workbook'), ...regionNotFound } } },
    async (request, reply) => {
      const data = await svc().forExport(staff(request), request.query, EXPORT_OVERDUE_CAP);
      const locale = pickLocale(request.headers['accept-language']);
      const out = new PassThrough();
      writeFiguresWorkbook(data, locale, out).catch((err: unknown) => {
        // the headers are gone by now: all that is left is to cut the download short
        request.log.error({ err }, 'figures export failed');
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      return reply
        .type(xlsx)
        .header('content-disposition', attachment(locale, { 'zh-CN': `统计分析-${data.summary.from}-${data.summary.to}.xlsx`, en: `figures-${data.summary.from}-${data.summary.to}.xlsx` }))
        .header('cache-control', 'no-store')
        .send(out);
    },
  );
}
