import { defineErrors } from '../../platform/errors/catalogue.js';
import { registerMessages } from '../../platform/i18n/i18n.js';

/** A sheet refused as a whole (not a workbook, no such column …): answered at upload with the field `file`. */
export const importError = defineErrors({
  'volunteers.import.not_xlsx': { status: 400, 'zh-CN': '请上传 Excel（.xlsx）文件，可先下载模板', en: 'Upload an Excel (.xlsx) file; download the template first' },
  'volunteers.import.too_large': { status: 413, 'zh-CN': '表格文件不能超过 {limit} MB', en: 'The sheet may not exceed {limit} MB' },
  'volunteers.import.unpacked_too_large': { status: 413, 'zh-CN': '表格内容过大（解压后超过 {limit} MB），请删去多余的工作表和图片', en: 'The sheet holds too much (over {limit} MB unpacked); remove other worksheets and pictures' },
  'volunteers.import.missing_column': { status: 400, 'zh-CN': '表头缺少「{column}」列，请使用模板', en: 'The header has no “{column}” column; use the template' },
  'volunteers.import.empty': { status: 400, 'zh-CN': '表格中没有志愿者', en: 'The sheet lists no volunteers' },
  'volunteers.import.too_many_rows': { status: 400, 'zh-CN': '一次最多导入 {max} 行，请分成几个表格', en: 'At most {max} rows per import; split the sheet' },
  'volunteers.import.not_found': { status: 404, 'zh-CN': '导入记录不存在', en: 'No such import' },
});

/** Why one row (one cell) is bad, or why a row was skipped: words for the answer and the error report. */
export const rowReasons = {
  required: ['必填', 'Required'],
  too_long: ['最多 {max} 个字', 'At most {max} characters'],
  bad_phone: ['不是有效的手机号（11 位数字，以 1 开头）', 'Not a valid mobile number (11 digits starting with 1)'],
  duplicate_in_file: ['与第 {other} 行重复', 'The same as row {other}'],
  phone_elsewhere: ['该手机号已在其他区县注册', 'This phone is registered in another district'],
  bad_id_number: ['身份证号无效（18 位，校验位不符）', 'Not a valid ID number (18 characters, check digit)'],
  id_number_taken: ['该身份证号已属于其他账号', 'This ID number belongs to another account'],
  bad_gender: ['应为“男”或“女”', 'Must be 男 (male) or 女 (female)'],
  bad_birth_year: ['应为 1920–{max} 之间的年份', 'Must be a year from 1920 to {max}'],
  bad_political_status: ['应为 群众、共青团员、中共党员 或 预备党员', 'Must be 群众, 共青团员, 中共党员 or 预备党员 (masses, league, party, probationary member)'],
  bad_yes_no: ['应为“是”或“否”', 'Must be 是 (yes) or 否 (no)'],
  in_service_party_only: ['只有中共党员（含预备党员）可登记为在职党员', 'Only party members (or probationary members) can be in-service party members'],
  work_unit_required: ['在职党员请填写工作单位', 'An in-service party member gives their work unit'],
  unknown_community: ['没有名称或编码为“{value}”的社区', 'No community is named or coded “{value}”'],
  community_out_of_scope: ['“{value}”不在您管理的范围内', '“{value}” is outside the area you manage'],
  unknown_home: ['“{value}”不是该社区内的网格或楼栋', '“{value}” is no grid or building of that community'],
  lives_elsewhere: ['该手机号的居民住在其他社区，请核对所在社区', 'The resident with this phone lives in another community; check the community'],
  bad_skills: ['技能用顿号“、”分隔，最多 20 项，每项最多 20 个字', 'Skills are separated by “、”: at most 20, each at most 20 characters'],
  bad_availability: ['服务时段应写成“周六 08:30-11:30;周日 14:00-17:00”，开始早于结束', 'Availability is written “周六 08:30-11:30;周日 14:00-17:00” (or “Sat 08:30-11:30”), start before end'],
  bad_radius: ['服务半径应为 100–50000 之间的整数（米）', 'The service radius is a whole number of metres from 100 to 50000'],
  already_registered: ['已是在册志愿者，跳过', 'Already a registered volunteer: skipped'],
  suspended: ['该志愿者暂停服务中，未作更改', 'The volunteer is suspended: not changed'],
} as const satisfies Record<string, readonly [string, string]>;
export type RowReason = keyof typeof rowReasons;

export const reasonKey = (reason: RowReason) => `volunteers.import.row.${reason}`;

registerMessages({
  'zh-CN': Object.fromEntries(Object.entries(rowReasons).map(([k, [zh]]) => [reasonKey(k as RowReason), zh])),
  en: Object.fromEntries(Object.entries(rowReasons).map(([k, [, en]]) => [reasonKey(k as RowReason), en])),
});
