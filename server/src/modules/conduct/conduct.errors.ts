import { defineErrors } from '../../platform/errors/catalogue.js';

export const conductError = defineErrors({
  'conduct.not_found': { status: 404, 'zh-CN': '负面言行记录不存在', en: 'No such conduct incident' },
  'conduct.entry_not_found': { status: 404, 'zh-CN': '负面清单条目不存在', en: 'No such entry of the negative list' },
  'conduct.review_not_found': { status: 404, 'zh-CN': '待核查事项不存在', en: 'No such item to review' },
  'conduct.entry_inactive': { status: 400, 'zh-CN': '该条目已停用或不存在，请重新选择', en: 'This entry is deactivated or missing: choose another' },
  'conduct.entry_title_taken': { status: 409, 'zh-CN': '已有同名条目', en: 'An entry of this title exists already' },
  'conduct.not_a_volunteer': { status: 409, 'zh-CN': '该人员不是在册或暂停中的志愿者，不能记录负面言行', en: 'This person is not an active or suspended volunteer: no incident can be recorded' },
  'conduct.occurred_in_future': { status: 400, 'zh-CN': '发生时间不能晚于现在', en: 'When it happened cannot be in the future' },
  'conduct.bad_until': { status: 400, 'zh-CN': '暂停截止日期须晚于今天', en: 'The suspension must end after today' },
  'conduct.until_without_suspend': { status: 400, 'zh-CN': '未选择暂停服务时不能填写暂停截止日期', en: 'An end date needs a suspension' },
  'conduct.bad_photo': { status: 400, 'zh-CN': '照片无效，请重新上传', en: 'A photo is not valid; upload it again' },
  'conduct.not_yours': { status: 403, 'zh-CN': '只有本人可以对该记录提出申诉', en: 'Only the volunteer concerned may appeal' },
  'conduct.already_appealed': { status: 409, 'zh-CN': '每条记录只能申诉一次，该记录已申诉', en: 'An incident may be appealed once: this one was appealed already' },
  'conduct.not_appealing': { status: 409, 'zh-CN': '该记录当前没有待处理的申诉', en: 'This incident has no appeal waiting for a decision' },
  'conduct.not_decider': { status: 403, 'zh-CN': '申诉由记录人的上级处理：街道管理员或区管理员', en: 'An appeal is decided above the recorder: the street admin or the district admin' },
  'conduct.review_done': { status: 409, 'zh-CN': '该事项已核查', en: 'This item was reviewed already' },
});

export type ConductErrorCode = Parameters<typeof conductError>[0];
