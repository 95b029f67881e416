import { defineErrors } from '../../platform/errors/catalogue.js';

export const certificatesError = defineErrors({
  'certificates.not_found': { status: 404, 'zh-CN': '证明不存在', en: 'No such certificate' },
  'certificates.not_eligible': { status: 409, 'zh-CN': '只有已获得志愿者编号的在册或已退出志愿者可以开具服务记录证明', en: 'Only a numbered volunteer, active or left, can have a service record certificate' },
  'certificates.bad_period': { status: 400, 'zh-CN': '证明期间无效：开始日期不能晚于结束日期，结束日期不能晚于今天', en: 'The period is invalid: it starts no later than it ends, and ends no later than today' },
});
