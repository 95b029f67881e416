import ExcelJS from 'exceljs';
import type { CalendarDay } from './deadlines.defaults.js';
import { isIsoDate, type DayKind } from './deadlines.policy.js';
import { deadlinesError, type DeadlinesErrorCode } from './deadlines.errors.js';

/** The sheet's columns, as the template heads them; a district's own sheet may order them freely. */
export const importColumns = { day: '日期', kind: '类型', name: '名称' } as const;
export const MAX_IMPORT_ROWS = 1000;

const kindWords: Record<string, DayKind> = { 放假: 'holiday', 休: 'holiday', 休息: 'holiday', holiday: 'holiday', 调休上班: 'workday', 上班: 'workday', 补班: 'workday', workday: 'workday' };

type CellError = { code: DeadlinesErrorCode; row: number; column: string; other?: number };

/**
 * Reads a calendar sheet (the first worksheet: 日期 | 类型 | 名称) into days, or throws the first bad
 * cell with every bad cell in `details.errors`: nothing is imported unless every row is good.
 */
export async function readCalendarSheet(bytes: Buffer): Promise<CalendarDay[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw deadlinesError('deadlines.import.not_xlsx', { field: 'file' });
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw deadlinesError('deadlines.import.not_xlsx', { field: 'file' });
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => header.set(text(cell.value), col));
  for (const column of Object.values(importColumns)) if (!header.has(column)) throw deadlinesError('deadlines.import.missing_column', { field: 'file', params: { column } });

  const days: CalendarDay[] = [];
  const errors: CellError[] = [];
  const seen = new Map<string, number>();
  // only the rows that hold something (a formatted last row makes rowCount 1,048,576)
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if (r === 1) return;
    const cell = (column: string) => row.getCell(header.get(column)!).value;
    if (Object.values(importColumns).every((c) => text(cell(c)) === '')) return;
    if (days.length + errors.length >= MAX_IMPORT_ROWS) throw deadlinesError('deadlines.import.too_many_rows', { field: 'file', params: { max: MAX_IMPORT_ROWS } });
    const day = dateOf(cell(importColumns.day));
    const kind = kindWords[text(cell(importColumns.kind)).toLowerCase()];
    const name = text(cell(importColumns.name));
    const before = errors.length;
    if (!day) errors.push({ code: 'deadlines.import.bad_date', row: r, column: importColumns.day });
    else if (seen.has(day)) errors.push({ code: 'deadlines.import.duplicate_day', row: r, column: importColumns.day, other: seen.get(day)! });
    if (!kind) errors.push({ code: 'deadlines.import.bad_kind', row: r, column: importColumns.kind });
    if (!name || [...name].length > 40) errors.push({ code: 'deadlines.import.bad_name', row: r, column: importColumns.name });
    if (errors.length > before) return;
    seen.set(day!, r);
    days.push({ day: day!, kind: kind!, name });
  });
  const [first] = errors;
  if (first) {
    throw deadlinesError(first.code, { field: 'file', params: { row: first.row, column: first.column, other: first.other ?? '' }, details: { errors: errors.map(({ code, row, column }) => ({ code, row, column })) } });
  }
  if (days.length === 0) throw deadlinesError('deadlines.import.empty', { field: 'file' });
  return days;
}

/** A cell as trimmed text (rich text and formulas by their visible value). */
function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((p) => p.text).join('').trim();
    if ('result' in value) return text(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
  }
  return String(value).trim();
}

/**
 * A date cell (Excel stores it as a day number; exceljs gives midnight UTC of that day) or a typed
 * date: 2027-01-01, 2027/1/1, 2027.1.1 or 2027年1月1日.
 */
function dateOf(value: ExcelJS.CellValue): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text(value));
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(day) ? day : undefined;
}

/** The template: the three columns, a drop-down on 类型, and two example rows to overwrite. */
export async function calendarTemplate(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('节假日');
  sheet.columns = [
    { header: importColumns.day, key: 'day', width: 14, style: { numFmt: '@' } },
    { header: importColumns.kind, key: 'kind', width: 12 },
    { header: importColumns.name, key: 'name', width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({ day: '2027-01-01', kind: '放假', name: '元旦' });
  sheet.addRow({ day: '2027-01-04', kind: '调休上班', name: '元旦调休' });
  for (let r = 2; r <= 201; r++) sheet.getCell(`B${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"放假,调休上班"'] };
  return Buffer.from(await book.xlsx.writeBuffer());
}
