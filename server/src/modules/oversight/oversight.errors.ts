import { defineErrors } from '../../platform/errors/catalogue.js';

export const oversightError = defineErrors({
  'oversight.change.not_found': { status: 404, 'zh-CN': '挂起或延期申请不存在', en: 'No such pause or extension request' },
  'oversight.not_running': { status: 409, 'zh-CN': '该需求当前不在办理时限内（未受理或已结单）', en: 'This need’s deadline is not running (not accepted yet, or already completed)' },
  'oversight.open_request': { status: 409, 'zh-CN': '该需求已有待审批的申请或正在挂起，请先处理', en: 'This need already has a request waiting or a pause running' },
  'oversight.already_decided': { status: 409, 'zh-CN': '该申请已处理，请刷新页面', en: 'This request has been decided already; refresh the page' },
  'oversight.not_paused': { status: 409, 'zh-CN': '该需求当前没有挂起', en: 'This need is not paused' },
  'oversight.deadline_moved': { status: 409, 'zh-CN': '申请后办理期限已变化，请重新申请', en: 'The deadline changed since the request; ask again' },
  'oversight.reason_required': { status: 400, 'zh-CN': '请填写理由', en: 'Give a reason' },
  'oversight.extension_required': { status: 400, 'zh-CN': '请填写延期天数或新的办理期限', en: 'Give the extra days or the new deadline' },
  'oversight.deadline_not_later': { status: 400, 'zh-CN': '新的办理期限须晚于原期限和当前时间', en: 'The new deadline must be later than the current one and than now' },
  'oversight.deadline_too_far': { status: 400, 'zh-CN': '一次延期不能超过 {days} 天', en: 'An extension may add at most {days} days' },
  'oversight.resume_date': { status: 400, 'zh-CN': '预计恢复日期须在明天到 {days} 天之内', en: 'The expected resume date must be between tomorrow and {days} days from now' },
  'oversight.resume_date_passed': { status: 409, 'zh-CN': '预计恢复日期已过，请驳回后重新申请', en: 'The expected resume date has passed; refuse it and ask again' },
  'oversight.kind_not_now': { status: 409, 'zh-CN': '督办用于办理中的需求，满意度回访用于已结单的需求', en: 'Supervision is for needs being handled; a satisfaction callback comes after completion' },
  'oversight.outcome_required': { status: 400, 'zh-CN': '请填写督办结果或回访情况', en: 'Write down the outcome' },
  'oversight.satisfaction_required': { status: 400, 'zh-CN': '回访请选择满意度', en: 'Choose the satisfaction of the callback' },
  'oversight.date_out_of_range': { status: 400, 'zh-CN': '日期不能早于受理日，也不能晚于今天', en: 'The date may be neither before acceptance nor after today' },
});

export type OversightErrorCode = Parameters<typeof oversightError>[0];
