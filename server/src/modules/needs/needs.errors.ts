import { defineErrors } from '../../platform/errors/catalogue.js';
import { registerMessages } from '../../platform/i18n/i18n.js';
import { needStatuses } from './needs.lifecycle.js';

const statusZh: Record<(typeof needStatuses)[number], string> = {
  submitted: '已点单', verifying: '核实中', accepted: '已受理', rejected: '不予受理', merged: '已合并', dispatched: '已派单',
  pooled: '待抢单', taken: '已接单', claimed: '已领单', in_service: '服务中', completed: '已结单', rated: '已评价',
  closed: '已办结', reopened: '重办', cancelled: '已撤销', escalated: '已吹哨',
};
const statusEn: Record<(typeof needStatuses)[number], string> = {
  submitted: 'submitted', verifying: 'being verified', accepted: 'accepted', rejected: 'rejected', merged: 'merged', dispatched: 'dispatched',
  pooled: 'open for grabbing', taken: 'taken by a team', claimed: 'claimed', in_service: 'in service', completed: 'completed', rated: 'rated',
  closed: 'closed', reopened: 'reopened', cancelled: 'cancelled', escalated: 'escalated',
};
const prefixed = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [`needs.status.${k}`, v]));

export const needsError = defineErrors({
  'needs.not_found': { status: 404, 'zh-CN': '需求不存在', en: 'No such need' },
  'needs.illegal_transition': { status: 409, 'zh-CN': '当前状态为「{status}」，不能执行此操作', en: 'The order is {status}; this action is not possible now' },
  'needs.not_allowed': { status: 403, 'zh-CN': '您无权对该需求执行此操作', en: 'You may not do this to this need' },
  'needs.already_taken': { status: 409, 'zh-CN': '手慢了，该单已被领完', en: 'Already taken: every slot of this order is filled' },
  'needs.already_yours': { status: 409, 'zh-CN': '您已领取该单', en: 'You already hold this order' },
  'needs.task_limit': { status: 409, 'zh-CN': '您当前进行中的任务已达上限（{limit} 单），请先完成后再领单', en: 'You already have {limit} open tasks; finish one before claiming more' },
  'needs.ruling_pending': { status: 409, 'zh-CN': '该单已两次退单，需由街道审定承接队伍', en: 'Declined twice: the street must rule which team takes it' },
  'needs.no_ruling_pending': { status: 409, 'zh-CN': '该单无需街道审定', en: 'This order needs no ruling' },
  'needs.ruled_must_take': { status: 409, 'zh-CN': '街道已审定由本队承接，不能退单', en: 'The street ruled that your team takes this order; it cannot be declined' },
  'needs.not_checked_in': { status: 409, 'zh-CN': '请先签到再结单', en: 'Check in before closing the order' },
  'needs.already_checked_in': { status: 409, 'zh-CN': '您已签到', en: 'You have checked in already' },
  'needs.rating_window_open': { status: 409, 'zh-CN': '评价期（3 天）未满，暂不能由社区确认', en: 'The 3-day rating window is still open' },
  'needs.not_a_team_order': { status: 409, 'zh-CN': '该单未派给服务队', en: 'This order is not dispatched to a team' },
  'needs.not_a_pool_order': { status: 409, 'zh-CN': '该单不在抢单池中', en: 'This order is not in the pool' },
  'needs.not_for_board': { status: 409, 'zh-CN': '诉求和一人一策工单不在社区公示栏展示', en: 'Grievances and care-plan orders are never shown on the public board' },
  'needs.reason_required': { status: 400, 'zh-CN': '请填写原因', en: 'Give a reason' },
  'needs.bad_reason': { status: 400, 'zh-CN': '请选择有效的退单原因', en: 'Choose a valid decline reason' },
  'needs.team_required': { status: 400, 'zh-CN': '请选择服务队', en: 'Choose a team' },
  'needs.not_a_member': { status: 400, 'zh-CN': '该志愿者不是本队成员', en: 'This volunteer is not a member of the team' },
  'needs.volunteer_required': { status: 400, 'zh-CN': '请选择志愿者', en: 'Choose a volunteer' },
  'needs.summary_required': { status: 400, 'zh-CN': '结单需填写服务纪实', en: 'Closing needs a service summary' },
  'needs.photo_required': { status: 400, 'zh-CN': '结单需上传至少一张照片', en: 'Closing needs at least one photo' },
  'needs.idempotency_key_taken': { status: 409, 'zh-CN': '该提交编号已被使用，请重新提交', en: 'This submission key is already in use; submit again' },
  'needs.bad_photo': { status: 400, 'zh-CN': '照片无效或不是您上传的', en: 'A photo is invalid or was not uploaded by you' },
  'needs.rating_required': { status: 400, 'zh-CN': '请给出 1–5 星评价', en: 'Give 1–5 stars' },
  'needs.merge_target': { status: 400, 'zh-CN': '请选择要合并到的需求', en: 'Choose the need to merge into' },
  'needs.merge_target_closed': { status: 409, 'zh-CN': '目标需求已结束，不能再合并进去', en: 'That need is finished; nothing can be merged into it' },
  'needs.requester_required': { status: 400, 'zh-CN': '代录需求须填写求助人姓名', en: 'Enter the requester’s name' },
  'needs.channel_for_staff': { status: 400, 'zh-CN': '请选择来源渠道', en: 'Choose the channel' },
  'needs.place_not_home': { status: 400, 'zh-CN': '请选择社区、网格或楼栋', en: 'Choose a community, grid or building' },
  'needs.answer_required': { status: 400, 'zh-CN': '请回答：{question}', en: 'Please answer: {question}' },
  'needs.bad_window': { status: 400, 'zh-CN': '期望结束时间不能早于开始时间', en: 'The wanted end cannot be before the start' },
  'needs.window_past': { status: 400, 'zh-CN': '期望时间已经过去，请重新选择', en: 'That wanted time is already over; choose another' },
  'needs.export_too_large': { status: 413, 'zh-CN': '符合条件的需求超过 {max} 条，无法一次导出，请按时间或区域缩小范围后分批导出', en: 'More than {max} needs match these filters, too many for one export; narrow them by date or place and export in parts' },
});

/** An error code of the needs catalogue (the lifecycle's refusals are built from their reason). */
export type NeedsErrorCode = Parameters<typeof needsError>[0];

// State names (used in messages as "@needs.status.<status>") and field labels: not errors.
registerMessages({
  'zh-CN': {
    ...prefixed(statusZh),
    'field.kind': '类型',
    'field.categoryId': '分类',
    'field.title': '标题',
    'field.description': '描述',
    'field.photos': '照片',
    'field.address': '地址',
    'field.slots': '所需志愿者人数',
    'field.severity': '紧急程度',
    'field.channel': '来源渠道',
    'field.requesterName': '求助人姓名',
    'field.requesterPhone': '求助人电话',
    'field.note': '说明',
    'field.reasonCode': '退单原因',
    'field.teamId': '服务队',
    'field.volunteerId': '志愿者',
    'field.targetId': '合并目标',
    'field.summary': '服务纪实',
    'field.rating': '评分',
    'field.solved': '是否解决',
    'field.wantedTo': '期望结束时间',
  },
  en: {
    ...prefixed(statusEn),
    'field.kind': 'kind',
    'field.categoryId': 'category',
    'field.title': 'title',
    'field.description': 'description',
    'field.photos': 'photos',
    'field.address': 'address',
    'field.slots': 'volunteers needed',
    'field.severity': 'severity',
    'field.channel': 'channel',
    'field.requesterName': 'requester name',
    'field.requesterPhone': 'requester phone',
    'field.note': 'note',
    'field.reasonCode': 'decline reason',
    'field.teamId': 'team',
    'field.volunteerId': 'volunteer',
    'field.targetId': 'merge target',
    'field.summary': 'summary',
    'field.rating': 'rating',
    'field.solved': 'solved',
    'field.wantedTo': 'wanted end',
  },
});
