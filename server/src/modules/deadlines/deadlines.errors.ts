import { defineErrors } from '../../platform/errors/catalogue.js';

/*
 * Import errors name the sheet's row (as Excel numbers it, the header being row 1) and its column
 * header, so the person fixing the sheet finds the cell; `details.errors` lists every bad cell.
 */
export const deadlinesError = defineErrors({
  'deadlines.rule.not_found': { status: 404, 'zh-CN': '期限规则不存在', en: 'No such deadline rule' },
  'deadlines.rule_exists': { status: 409, 'zh-CN': '该区域、分类和等级已有期限规则，请直接修改', en: 'A rule for this region, category and severity exists already; edit it instead' },
  'deadlines.default_rule': { status: 409, 'zh-CN': '全区通用规则不能删除，可以修改时限', en: 'The district-wide rule cannot be deleted; change its window instead' },
  'deadlines.region_required': { status: 400, 'zh-CN': '请选择本辖区内的区域：街道管理员只能为本街道设置规则', en: 'Choose a region: a street admin sets rules for their own street only' },
  'deadlines.category_not_found': { status: 400, 'zh-CN': '分类不存在', en: 'No such category' },
  'deadlines.day.not_found': { status: 404, 'zh-CN': '该日期没有节假日或调休设置', en: 'This day has no holiday or make-up workday set' },
  'deadlines.import.not_xlsx': { status: 400, 'zh-CN': '请上传 Excel（.xlsx）文件，可先下载模板', en: 'Upload an Excel (.xlsx) file; download the template first' },
  'deadlines.import.too_large': { status: 413, 'zh-CN': '表格文件不能超过 2 MB', en: 'The sheet may not exceed 2 MB' },
  'deadlines.import.missing_column': { status: 400, 'zh-CN': '表头缺少「{column}」列，请使用模板', en: 'The header has no “{column}” column; use the template' },
  'deadlines.import.empty': { status: 400, 'zh-CN': '表格中没有日期', en: 'The sheet lists no days' },
  'deadlines.import.too_many_rows': { status: 400, 'zh-CN': '一次最多导入 {max} 行', en: 'At most {max} rows per import' },
  'deadlines.import.bad_date': { status: 400, 'zh-CN': '第{row}行「{column}」不是有效日期（例如 2027-01-01）', en: 'Row {row}, column “{column}”: not a valid date (e.g. 2027-01-01)' },
  'deadlines.import.bad_kind': { status: 400, 'zh-CN': '第{row}行「{column}」应为“放假”或“调休上班”', en: 'Row {row}, column “{column}”: must be 放假 (holiday) or 调休上班 (make-up workday)' },
  'deadlines.import.bad_name': { status: 400, 'zh-CN': '第{row}行「{column}」必填，最多40个字', en: 'Row {row}, column “{column}”: required, at most 40 characters' },
  'deadlines.import.duplicate_day': { status: 400, 'zh-CN': '第{row}行「{column}」与第{other}行是同一天', en: 'Row {row}, column “{column}”: the same day as row {other}' },
});

export type DeadlinesErrorCode = Parameters<typeof deadlinesError>[0];
