import ExcelJS from 'exceljs';
import { declaredUnzippedSize } from './zip-size.js';

/*
 * Reading an uploaded workbook's first sheet into rows of text by column: what every Excel import
 * (volunteers, people under care) does before it checks a row. The heads may be written in either
 * language, with a required-marker, spaces or full-width brackets; rows that hold nothing are skipped.
 */

/** What makes a whole sheet unreadable; each import names it with its own error code. */
export type SheetRefusal = 'not_xlsx' | 'unpacked_too_large' | 'missing_column' | 'too_many_rows' | 'empty';

/** What a sheet may unpack to: a 5,000-row sheet is a few MB; more is pictures, other sheets or a zip bomb. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

export type SheetColumns<K extends string> = {
  /** Each column's heads as written (both languages and any aliases), by column key. */
  heads: ReadonlyMap<string, K>;
  required: readonly K[];
  maxRows: number;
  /** The import's own error for a refused sheet (field `file`); `column` is the missing one, `max` the limit. */
  refuse: (why: SheetRefusal, params?: { column?: K; max?: number; limit?: number }) => Error;
};

/** A head as written: without a required-marker or spaces, any case, full-width brackets and slashes as half-width. */
export const normalHead = (head: string) => head.replace(/[*＊\s]/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/／/g, '/').replace(/’/g, "'").toLowerCase();

/** The lookup of heads an import recognises: each column's heads normalised. */
export function headsOf<K extends string>(columns: Record<K, readonly string[]>, aliases: Record<string, K> = {}): Map<string, K> {
  return new Map([
    ...(Object.keys(columns) as K[]).flatMap((k) => columns[k].map((h) => [normalHead(h), k] as const)),
    ...Object.entries(aliases).map(([h, k]) => [normalHead(h), k as K] as const),
  ]);
}

/** Reads the first worksheet into rows of text by column key, with each row's number in the sheet. */
export async function readSheetRows<K extends string>(bytes: Buffer, columns: SheetColumns<K>): Promise<{ row: number; cells: Record<string, string> }[]> {
  // the workbook reader unpacks everything in memory: what the archive says it holds is checked first
  if ((declaredUnzippedSize(bytes) ?? 0) > MAX_UNPACKED_BYTES) throw columns.refuse('unpacked_too_large', { limit: MAX_UNPACKED_BYTES / 1024 / 1024 });
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw columns.refuse('not_xlsx');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw columns.refuse('not_xlsx');
  const at = new Map<K, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const key = columns.heads.get(normalHead(cellText(cell.value)));
    if (key && !at.has(key)) at.set(key, col);
  });
  for (const column of columns.required) if (!at.has(column)) throw columns.refuse('missing_column', { column });
  const rows: { row: number; cells: Record<string, string> }[] = [];
  // only the rows that hold something: a sheet with formatting on its last row (1,048,576) counts
  // that many, and walking them all one by one kept the server busy for a minute
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if (r === 1) return;
    const cells: Record<string, string> = {};
    for (const [key, col] of at) cells[key] = cellText(row.getCell(col).value);
    if (Object.values(cells).every((v) => v === '')) return;
    if (rows.length >= columns.maxRows) throw columns.refuse('too_many_rows', { max: columns.maxRows });
    rows.push({ row: r, cells });
  });
  if (rows.length === 0) throw columns.refuse('empty');
  return rows;
}

/** A cell as trimmed text (rich text, formulas and hyperlinks by their visible value; whole numbers without ".0"). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((p) => p.text).join('').trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    // a hyperlink's text may itself be rich text
    if ('text' in value) return typeof value.text === 'object' ? cellText(value.text as ExcelJS.CellValue) : String(value.text).trim();
    return '';
  }
  return String(value).trim();
}
