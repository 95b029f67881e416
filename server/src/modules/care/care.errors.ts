import { defineErrors } from '../../platform/errors/catalogue.js';
import { registerMessages } from '../../platform/i18n/i18n.js';

export const careError = defineErrors({
  'care.not_found': { status: 404, 'zh-CN': '关爱对象不存在', en: 'No such person under care' },
  'care.plan_not_found': { status: 404, 'zh-CN': '关爱计划不存在', en: 'No such care plan' },
  'care.type_not_found': { status: 404, 'zh-CN': '关爱类别不存在', en: 'No such kind of care' },
  'care.forbidden': { status: 403, 'zh-CN': '只有该关爱对象所在社区的管理员可以进行此操作', en: 'Only the admins over this person’s community may do this' },
  'care.bad_type': { status: 400, 'zh-CN': '关爱类别不存在或已停用：{code}', en: 'No such active kind of care: {code}' },
  'care.type_code_taken': { status: 409, 'zh-CN': '关爱类别编码已存在', en: 'This kind of care’s code exists already' },
  'care.place_not_home': { status: 400, 'zh-CN': '住址须选到社区、网格或楼栋', en: 'Pick a community, grid or building as the home' },
  'care.invalid_id_number': { status: 400, 'zh-CN': '身份证号码不正确', en: 'This ID number is not valid' },
  'care.id_number_taken': { status: 409, 'zh-CN': '该身份证号码已登记为关爱对象', en: 'A person with this ID number is registered already' },
  'care.archived': { status: 409, 'zh-CN': '该关爱对象已销档', en: 'This person’s record is archived' },
  'care.too_many_paired': { status: 400, 'zh-CN': '每位关爱对象最多结对 {max} 名志愿者', en: 'At most {max} volunteers look after one person' },
  'care.not_a_volunteer': { status: 400, 'zh-CN': '结对的须是本区在册志愿者', en: 'Pair only active volunteers of the district' },
  'care.bad_day_of': { status: 400, 'zh-CN': '每周/隔周请选星期一至星期日，每月请选 1–28 日', en: 'Pick a weekday (1–7) for weekly or biweekly, a day 1–28 for monthly' },
  'care.bad_period': { status: 400, 'zh-CN': '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  'care.bad_category': { status: 400, 'zh-CN': '服务类别不存在或已停用', en: 'No such active category' },
  'care.category_asks': { status: 400, 'zh-CN': '该服务类别有必答问题，定期服务无法自动生成工单，请换一个类别', en: 'This category asks questions an order must answer: a plan cannot order it on its own; pick another' },
  'care.visit_too_old': { status: 400, 'zh-CN': '走访时间不能早于一年前', en: 'A visit cannot be logged for more than a year ago' },
  'care.plan_stopped': { status: 409, 'zh-CN': '该计划已停止', en: 'This plan is stopped' },
  'care.not_a_service_day': { status: 400, 'zh-CN': '{day} 不是该计划的服务日', en: '{day} is not one of this plan’s days' },
  'care.day_passed': { status: 400, 'zh-CN': '该服务日的时间已过', en: 'This day’s service time has passed' },
  'care.visit_in_future': { status: 400, 'zh-CN': '走访时间不能晚于现在', en: 'A visit cannot be logged for a time still to come' },
  'care.reveal_forbidden': { status: 403, 'zh-CN': '无权查看完整信息', en: 'You may not see this in full' },
  // an import refused as a whole (answered at upload, naming the field `file`); its rows' problems are below
  'care.import.not_xlsx': { status: 400, 'zh-CN': '请上传 Excel（.xlsx）文件，可先下载模板', en: 'Upload an Excel (.xlsx) file; download the template first' },
  'care.import.too_large': { status: 413, 'zh-CN': '表格文件不能超过 {limit} MB', en: 'The sheet may not exceed {limit} MB' },
  'care.import.unpacked_too_large': { status: 413, 'zh-CN': '表格内容过大（解压后超过 {limit} MB），请删去多余的工作表和图片', en: 'The sheet holds too much (over {limit} MB unpacked); remove other worksheets and pictures' },
  'care.import.missing_column': { status: 400, 'zh-CN': '表头缺少「{column}」列，请使用模板', en: 'The header has no “{column}” column; use the template' },
  'care.import.empty': { status: 400, 'zh-CN': '表格中没有关爱对象', en: 'The sheet lists no people under care' },
  'care.import.too_many_rows': { status: 400, 'zh-CN': '一次最多导入 {max} 行，请分成几个表格', en: 'At most {max} rows per import; split the sheet' },
  'care.import.changed': { status: 409, 'zh-CN': '导入期间有人登记了表中的身份证号或调整了地点，未导入任何一行，请重新上传', en: 'An ID number of the sheet was registered, or a place changed, while it was imported: nothing was imported; upload it again' },
});

export type CareErrorCode = Parameters<typeof careError>[0];

/** Why one cell of an imported row is bad: words for the reply (the reader's language). */
export const importReasons = {
  required: ['必填', 'Required'],
  too_long: ['最多 {max} 个字', 'At most {max} characters'],
  bad_phone: ['不是有效的手机号（11 位数字，以 1 开头）', 'Not a valid mobile number (11 digits starting with 1)'],
  bad_id_number: ['身份证号无效（18 位，校验位不符）', 'Not a valid ID number (18 characters, check digit)'],
  duplicate_in_file: ['与第 {other} 行重复', 'The same as row {other}'],
  id_number_registered: ['该身份证号已登记为关爱对象', 'A person with this ID number is registered already'],
  bad_gender: ['应为“男”或“女”', 'Must be 男 (male) or 女 (female)'],
  bad_birth_year: ['应为 1900–{max} 之间的年份', 'Must be a year from 1900 to {max}'],
  unknown_community: ['没有名称或编码为“{value}”的社区', 'No community is named or coded “{value}”'],
  community_out_of_scope: ['“{value}”不在您管理的范围内', '“{value}” is outside the area you manage'],
  unknown_home: ['“{value}”不是该社区内的网格或楼栋', '“{value}” is no grid or building of that community'],
  unknown_kind: ['没有名为“{value}”的关爱类别（或已停用）', 'No active kind of care is named “{value}”'],
  too_many_kinds: ['最多 {max} 个关爱类别', 'At most {max} kinds of care'],
  guardian_required: ['填写监护人电话或关系时，请填写监护人姓名', 'Give the guardian’s name with their phone or relation'],
} as const satisfies Record<string, readonly [string, string]>;
export type ImportReason = keyof typeof importReasons;
export const importReasonKey = (reason: ImportReason) => `care.import.row.${reason}`;
registerMessages({
  'zh-CN': Object.fromEntries(Object.entries(importReasons).map(([k, [zh]]) => [importReasonKey(k as ImportReason), zh])),
  en: Object.fromEntries(Object.entries(importReasons).map(([k, [, en]]) => [importReasonKey(k as ImportReason), en])),
});

// the fields of a person's record and plan as staff call them (a message names the field it is about)
const labels = {
  name: ['姓名', 'name'], callName: ['称呼', 'how to address them'], typeCodes: ['关爱类别', 'kinds of care'], birthYear: ['出生年份', 'year of birth'], gender: ['性别', 'gender'],
  guardianName: ['监护人姓名', 'guardian’s name'], guardianRelation: ['与监护人关系', 'relation to the guardian'], guardianPhone: ['监护人电话', 'guardian’s phone'], address: ['门牌', 'door'],
  needs: ['服务需求', 'needs'], riskNotes: ['风险提示', 'risk notes'], volunteerIds: ['结对志愿者', 'paired volunteers'], reason: ['原因', 'reason'], field: ['字段', 'field'],
  title: ['服务名称', 'service'], details: ['服务内容', 'details'], frequency: ['频次', 'frequency'], dayOf: ['服务日', 'day'], startTime: ['开始时间', 'start time'],
  durationMinutes: ['服务时长（分钟）', 'duration (minutes)'], startsOn: ['开始日期', 'first day'], endsOn: ['结束日期', 'last day'], dueOn: ['服务日期', 'day of service'],
  kind: ['方式', 'kind'], condition: ['情况', 'condition'], summary: ['走访记录', 'notes'], visitedAt: ['走访时间', 'time of the visit'], categoryId: ['服务类别', 'category'],
} as const;
const scoped = (locale: 0 | 1) => Object.fromEntries(['care-recipients', 'care-plans', 'care-types'].flatMap((scope) => Object.entries(labels).map(([k, v]) => [`field.${scope}.${k}`, v[locale]])));
registerMessages({ 'zh-CN': scoped(0), en: scoped(1) });
