import ExcelJS from 'exceljs';
import type { Locale } from '../i18n/i18n.js';

const badRow: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDECEA' } };
const badCell: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8B4AE' } };

/** An import's columns as its error report shows them: the keys in sheet order and each one's head in the reader's language. */
export type ReportColumns = { keys: readonly string[]; label: (locale: Locale, key: string) => string };

/**
 * An import's per-row error report (volunteers, people under care): every uploaded row as it was, with
 * a last column of its problems in the reader's language; a bad row is tinted and its bad cells marked.
 */
export async function errorReport(locale: Locale, columns: ReportColumns, rows: readonly { row: number; cells: Record<string, string> }[], problems: { row: number; column: string; text: string }[]): Promise<Buffer> {
  const { keys, label } = columns;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(locale === 'en' ? 'Error report' : '错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: locale === 'en' ? 'Row' : '行号', width: 8 },
    ...keys.map((k) => ({ header: label(locale, k), width: 14, style: { numFmt: '@' } })),
    { header: locale === 'en' ? 'Problems' : '问题', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  const byRow = new Map<number, { column: string; text: string }[]>();
  for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  for (const r of rows) {
    const found = byRow.get(r.row) ?? [];
    const line = sheet.addRow([r.row, ...keys.map((k) => r.cells[k] ?? ''), found.map((p) => `${label(locale, p.column)}：${p.text}`).join('；')]);
    if (found.length === 0) continue;
    line.eachCell({ includeEmpty: true }, (cell) => (cell.fill = badRow));
    for (const p of found) {
      const i = keys.indexOf(p.column);
      if (i >= 0) line.getCell(i + 2).fill = badCell;
    }
    line.getCell(keys.length + 2).font = { color: { argb: 'FFC0392B' } };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
