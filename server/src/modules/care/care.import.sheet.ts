import ExcelJS from 'exceljs';
import { headsOf, readSheetRows } from '../../platform/http/xlsx-read.js';
import { errorReport as sheetErrorReport } from '../../platform/http/xlsx-report.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { careError } from './care.errors.js';

/*
 * The care import's sheets (关爱对象批量导入): reading an upload into rows of text, and the template
 * to fill in. The limits and the reading rules are the volunteer import's (volunteers.import.sheet.ts),
 * so an office that has filled one sheet knows the other.
 */

export const MAX_IMPORT_ROWS = 5000;
export const MAX_SHEET_BYTES = 5 * 1024 * 1024;
/** Kinds of care one person may have (the create form's limit, care.schemas `Codes`). */
export const MAX_KINDS = 6;

/** One row of an uploaded sheet: its cells as text by column key, and its row number in the sheet. */
export type SheetRow = { row: number; cells: Record<string, string> };

/** The columns, in template order, with their heads in both languages (an upload may use either). */
export const importColumns = {
  name: ['姓名', 'Name'],
  callName: ['称呼', 'Call name'],
  gender: ['性别', 'Gender'],
  birthYear: ['出生年份', 'Birth year'],
  idNumber: ['身份证号', 'ID number'],
  phone: ['电话', 'Phone'],
  community: ['所在社区', 'Community'],
  home: ['网格/楼栋', 'Grid/building'],
  address: ['门牌', 'Door'],
  kinds: ['关爱类别', 'Kinds of care'],
  guardianName: ['监护人', 'Guardian'],
  guardianRelation: ['与监护人关系', 'Relation to the guardian'],
  guardianPhone: ['监护人电话', 'Guardian’s phone'],
  needs: ['需求', 'Needs'],
  riskNotes: ['风险提示', 'Risk notes'],
} as const;
export type ImportColumn = keyof typeof importColumns;
export const columnKeys = Object.keys(importColumns) as ImportColumn[];
const required: ImportColumn[] = ['name', 'community', 'kinds'];
/** Other heads offices write for the same column (the brief's 所在社区/网格, a phone called 手机号 …). */
const aliases: Record<string, ImportColumn> = { '所在社区/网格': 'community', 手机号: 'phone', 联系电话: 'phone', 监护人姓名: 'guardianName', 服务需求: 'needs', 住址: 'address' };

export const columnLabel = (locale: Locale, column: string) => importColumns[column as ImportColumn]?.[locale === 'en' ? 1 : 0] ?? column;

const columnByHead = headsOf(importColumns, aliases);

/** Reads the first worksheet into rows of text by column; a sheet refused as a whole throws (field `file`). */
export function readCareSheet(bytes: Buffer): Promise<SheetRow[]> {
  return readSheetRows(bytes, {
    heads: columnByHead,
    required,
    maxRows: MAX_IMPORT_ROWS,
    refuse: (why, params) => careError(`care.import.${why}`, { field: 'file', params: why === 'missing_column' ? { column: importColumns[params!.column!][0] } : why === 'too_many_rows' ? { max: params!.max! } : why === 'unpacked_too_large' ? { limit: params!.limit! } : {} }),
  });
}

const guide = {
  'zh-CN': {
    sheet: '关爱对象',
    lists: '可选值',
    communities: '所在社区（名称或编码）',
    code: '编码',
    kinds: '关爱类别',
    notes: '说明',
    lines: [
      '姓名、所在社区、关爱类别必填；其余可空。',
      '网格/楼栋填所在社区内的网格或楼栋名称（或编码），空则登记在社区。',
      `关爱类别填本表“关爱类别”列中的名称，多个用顿号“、”或逗号分隔，最多 ${MAX_KINDS} 个。`,
      '同一身份证号只能登记一次：与表内其他行或已登记的关爱对象重复的行会被指出。',
      '任何一行有误则整表不导入，并逐行列出错误。',
    ],
    example: ['王秀英', '王奶奶', '女', '1941', '', '13700000001', '', '', '3单元502', '鳏寡孤独、空巢老人', '王建国', '儿子', '13700000002', '每周探访，每月理发', '高血压，夜间易跌倒'],
  },
  en: {
    sheet: 'People under care',
    lists: 'Values',
    communities: 'Community (name or code)',
    code: 'Code',
    kinds: 'Kinds of care',
    notes: 'Notes',
    lines: [
      'Name, community and kinds of care are required; the rest may be empty.',
      'Grid/building: a grid or building of that community (name or code); empty, the person is registered in the community.',
      `Kinds of care: names from the “Kinds of care” column here, several separated by “、” or commas, at most ${MAX_KINDS}.`,
      'An ID number is registered once: a row repeating another row’s, or a registered person’s, is pointed out.',
      'If any row is bad nothing is imported, and every problem is listed by row.',
    ],
    example: ['王秀英', '王奶奶', '女', '1941', '', '13700000001', '', '', '3单元502', '鳏寡孤独、空巢老人', '王建国', '儿子', '13700000002', 'A visit every week, a haircut every month', 'High blood pressure; falls at night'],
  },
} as const;

/** The template: heads in the reader's language, one example row, and a sheet of the communities and kinds the importer may use. */
export async function careTemplate(locale: Locale, communities: { name: string; code: string }[], kinds: string[]): Promise<Buffer> {
  const g = guide[locale];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(g.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  // every column as text, so a phone or an ID number is never turned into a number
  sheet.columns = columnKeys.map((k) => ({ header: columnLabel(locale, k), key: k, width: ['needs', 'riskNotes', 'kinds'].includes(k) ? 28 : 14, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  const example: string[] = [...g.example];
  // the example names what this importer may use, so the template imports as it is
  example[columnKeys.indexOf('community')] = communities[0]?.name ?? '';
  example[columnKeys.indexOf('kinds')] = kinds.slice(0, 2).join('、');
  sheet.addRow(example);
  const gender = sheet.getColumn(columnKeys.indexOf('gender') + 1).letter;
  for (let r = 2; r <= 1001; r++) sheet.getCell(`${gender}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"男,女"'] };

  const lists = book.addWorksheet(g.lists);
  lists.columns = [
    { header: g.communities, width: 24 },
    { header: g.code, width: 12 },
    { header: g.kinds, width: 16 },
    { header: g.notes, width: 100 },
  ];
  lists.getRow(1).font = { bold: true };
  const height = Math.max(communities.length, kinds.length, g.lines.length);
  for (let i = 0; i < height; i++) lists.addRow([communities[i]?.name ?? '', communities[i]?.code ?? '', kinds[i] ?? '', g.lines[i] ?? '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The per-row error report (platform/http/xlsx-report.ts) in this import's columns. */
export const errorReport = (locale: Locale, rows: SheetRow[], problems: { row: number; column: string; text: string }[]) => sheetErrorReport(locale, { keys: columnKeys, label: columnLabel }, rows, problems);
