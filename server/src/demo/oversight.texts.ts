import type { Satisfaction, SupervisionKind } from '../modules/oversight/oversight.policy.js';

/** Words of the demo's pauses, extensions, supervision and callbacks, as handlers and staff write them. */
export const pauseReasons = [
  '居民外出探亲，近几天不在家，无法上门',
  '老人住院治疗，出院后再安排服务',
  '需等待物业维修基金审批，暂停计时',
  '居民要求改期，等其回来后再上门',
  '涉及产权纠纷，需等待司法调解结果',
];
export const extensionReasons = [
  '所需配件需从厂家调货，预计还需两三天',
  '需协调物业和供水公司共同处理，时间较长',
  '志愿者人手不足，已联系邻近服务队支援',
  '居民希望周末上门，申请顺延',
  '天气原因无法户外作业，申请延期',
];
export const approvals = ['同意，请尽快办结', '情况属实，同意', '同意，注意与居民保持联系', '同意，办结后及时回访'];
export const refusals = ['可先电话联系居民另约时间，不予挂起', '该事项不复杂，请按原期限办结', '请先与物业沟通，暂不同意延期', '理由不充分，请按期办理'];

export const supervisionOutcomes: Record<Exclude<SupervisionKind, 'satisfactionCallback'>, string[]> = {
  phoneCallback: ['电话联系队长，答复明天上午上门', '电话询问进度，服务队已在协调人手', '已电话提醒承办队伍，要求今日内反馈'],
  writtenReminder: ['已下发书面催办单，要求两日内办结', '书面催办，责成服务队说明超期原因', '发出督办通知，抄送街道'],
  onSite: ['街道到现场督办，协调物业当场处理', '现场查看进度，明确责任人和完成时间', '现场督办，约定本周内完成'],
};

export const callbackWords: Record<Satisfaction, string[]> = {
  satisfied: ['居民表示很满意，感谢志愿者', '老人说服务很周到，希望以后还能来', '回访居民，问题已解决，满意'],
  basicallySatisfied: ['居民基本满意，希望下次能早点上门', '问题已解决，但等待时间偏长', '服务还行，个别细节需改进'],
  dissatisfied: ['居民不满意，认为问题没有彻底解决', '居民反映态度一般，已向服务队反馈', '回访不满意，已安排重新核实'],
};
