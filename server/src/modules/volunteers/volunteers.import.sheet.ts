import ExcelJS from 'exceljs';
import { headsOf, readSheetRows } from '../../platform/http/xlsx-read.js';
import { errorReport as sheetErrorReport } from '../../platform/http/xlsx-report.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { importError } from './volunteers.import.errors.js';
import type { ImportedRow } from './volunteers.import.table.js';

/*
 * The volunteer import's sheets: reading an upload into rows of text, the template to fill in, and
 * the per-row error report (the rows as uploaded with a column of problems, bad rows highlighted).
 */

export const MAX_IMPORT_ROWS = 5000;
export const MAX_SHEET_BYTES = 5 * 1024 * 1024;

/** The columns, in template order, with their heads in both languages (an upload may use either). */
export const importColumns = {
  name: ['姓名', 'Name'],
  phone: ['手机号', 'Phone'],
  idNumber: ['身份证号', 'ID number'],
  gender: ['性别', 'Gender'],
  birthYear: ['出生年份', 'Birth year'],
  politicalStatus: ['政治面貌', 'Political status'],
  inService: ['在职党员', 'In-service party member'],
  workUnit: ['工作单位', 'Work unit'],
  community: ['所在社区', 'Community'],
  home: ['住址（网格/楼栋）', 'Home (grid/building)'],
  skills: ['技能', 'Skills'],
  availability: ['服务时段', 'Availability'],
  serviceRadiusM: ['服务半径（米）', 'Service radius (m)'],
} as const;
export type ImportColumn = keyof typeof importColumns;
export const columnKeys = Object.keys(importColumns) as ImportColumn[];
const required: ImportColumn[] = ['name', 'phone', 'community'];

export const columnLabel = (locale: Locale, column: string) => importColumns[column as ImportColumn]?.[locale === 'en' ? 1 : 0] ?? column;

const columnByHead = headsOf(importColumns);

/** Reads the first worksheet into rows of text by column; a sheet refused as a whole throws (field `file`). */
export function readVolunteerSheet(bytes: Buffer): Promise<ImportedRow[]> {
  return readSheetRows(bytes, {
    heads: columnByHead,
    required,
    maxRows: MAX_IMPORT_ROWS,
    refuse: (why, params) => importError(`volunteers.import.${why}`, { field: 'file', params: why === 'missing_column' ? { column: importColumns[params!.column!][0] } : why === 'too_many_rows' ? { max: params!.max! } : why === 'unpacked_too_large' ? { limit: params!.limit! } : {} }),
  });
}

const politicalWords = { 'zh-CN': ['群众', '共青团员', '中共党员', '预备党员'], en: ['群众 (masses)', '共青团员 (league member)', '中共党员 (party member)', '预备党员 (probationary member)'] };

const guide = {
  'zh-CN': {
    sheet: '志愿者',
    lists: '可选值',
    communities: '所在社区（名称或编码）',
    code: '编码',
    political: '政治面貌',
    notes: '说明',
    lines: [
      '姓名、手机号、所在社区必填；其余可空。',
      '同一手机号已有账号的居民，补全其空缺信息并登记为志愿者；新手机号开通居民账号，本人可用短信验证码重设密码后登录。',
      '在职党员填“是”时，政治面貌须为中共党员或预备党员，并填写工作单位。',
      '技能用顿号“、”分隔；服务时段如“周六 08:30-11:30;周日 14:00-17:00”；服务半径单位为米，空则为 1000。',
      '任何一行有误则整表不导入，并给出逐行错误报告。',
    ],
    example: ['王小明', '13800000000', '', '男', '1985', '中共党员', '是', '区卫健委', '', '', '助老、理发', '周六 08:30-11:30;周日 14:00-17:00', '1000'],
  },
  en: {
    sheet: 'Volunteers',
    lists: 'Values',
    communities: 'Community (name or code)',
    code: 'Code',
    political: 'Political status',
    notes: 'Notes',
    lines: [
      'Name, phone and community are required; the rest may be empty.',
      'A phone that already has an account: the person’s empty details are filled in and they are registered; a new phone gets a resident account, whose owner logs in after resetting the password by SMS.',
      'In-service party member “是” (yes) needs political status 中共党员 or 预备党员 and a work unit.',
      'Skills are separated by “、”; availability like “周六 08:30-11:30;周日 14:00-17:00” (or “Sat 08:30-11:30;Sun 14:00-17:00”); the radius is in metres, 1000 when empty.',
      'If any row is bad nothing is imported, and a per-row error report is offered.',
    ],
    example: ['王小明', '13800000000', '', '男', '1985', '中共党员', '是', 'District Health Commission', '', '', '助老、理发', 'Sat 08:30-11:30;Sun 14:00-17:00', '1000'],
  },
} as const;

/** The template: heads in the reader's language, one example row, and a sheet of the valid communities and words. */
export async function volunteerTemplate(locale: Locale, communities: { name: string; code: string }[]): Promise<Buffer> {
  const g = guide[locale];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(g.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  // every column as text, so a phone or an ID number is never turned into a number
  sheet.columns = columnKeys.map((k) => ({ header: columnLabel(locale, k), key: k, width: k === 'availability' ? 34 : 14, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  const example: string[] = [...g.example];
  example[columnKeys.indexOf('community')] = communities[0]?.name ?? '';
  sheet.addRow(example);
  const lastRow = MAX_IMPORT_ROWS + 1;
  const col = (k: ImportColumn) => sheet.getColumn(columnKeys.indexOf(k) + 1).letter;
  const list = (k: ImportColumn, values: string) => {
    for (let r = 2; r <= Math.min(lastRow, 1001); r++) sheet.getCell(`${col(k)}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [values] };
  };
  list('gender', '"男,女"');
  list('politicalStatus', '"群众,共青团员,中共党员,预备党员"');
  list('inService', '"是,否"');

  const lists = book.addWorksheet(g.lists);
  lists.columns = [
    { header: g.communities, width: 24 },
    { header: g.code, width: 12 },
    { header: g.political, width: 28 },
    { header: g.notes, width: 100 },
  ];
  lists.getRow(1).font = { bold: true };
  const height = Math.max(communities.length, politicalWords[locale].length, g.lines.length);
  for (let i = 0; i < height; i++) lists.addRow([communities[i]?.name ?? '', communities[i]?.code ?? '', politicalWords[locale][i] ?? '', g.lines[i] ?? '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The per-row error report (platform/http/xlsx-report.ts) in this import's columns. */
export const errorReport = (locale: Locale, rows: ImportedRow[], problems: { row: number; column: string; text: string }[]) => sheetErrorReport(locale, { keys: columnKeys, label: columnLabel }, rows, problems);
