import { defineErrors } from '../../platform/errors/catalogue.js';

export const volunteersError = defineErrors({
  'volunteers.not_found': { status: 404, 'zh-CN': '志愿者不存在', en: 'No such volunteer' },
  'volunteers.not_registered': { status: 404, 'zh-CN': '您还没有申请成为志愿者', en: 'You have not applied to be a volunteer' },
  'volunteers.already_registered': { status: 409, 'zh-CN': '您已是注册志愿者，无需重复申请', en: 'You are a registered volunteer already' },
  'volunteers.not_active': { status: 403, 'zh-CN': '只有在册的志愿者可以这样做；如已被暂停服务，请查看原因或申诉', en: 'Only an active registered volunteer may do this; if you are suspended, see why or appeal' },
  'volunteers.wrong_status': { status: 409, 'zh-CN': '该志愿者当前状态为“{status}”，不能这样操作', en: 'The volunteer is “{status}”: this cannot be done now' },
  'volunteers.reason_required': { status: 400, 'zh-CN': '请填写原因', en: 'Give a reason' },
  'volunteers.no_community': { status: 400, 'zh-CN': '您的住址不在任何社区内，请先在“我的”中修改所在社区', en: 'Your home is in no community: set your community first' },
  'volunteers.bad_availability': { status: 400, 'zh-CN': '服务时段无效：星期应为 1–7，开始时间早于结束时间', en: 'Availability is invalid: weekday 1–7, start before end' },
  'volunteers.bad_photo': { status: 400, 'zh-CN': '照片无效，请重新上传', en: 'The photo is not valid; upload it again' },
  'volunteers.work_unit_required': { status: 400, 'zh-CN': '在职党员请填写工作单位', en: 'An in-service party member gives their work unit' },
  'volunteers.bad_work_unit': { status: 400, 'zh-CN': '所选工作单位不存在或已停用，请重新选择或直接填写单位名称', en: 'The chosen work unit does not exist or is retired: choose again or type its name' },
  'volunteers.in_service_party_only': { status: 400, 'zh-CN': '只有中共党员（含预备党员）可登记为在职党员', en: 'Only party members (or probationary members) can be in-service party members' },
  'volunteers.bad_prefix': { status: 400, 'zh-CN': '编号前缀只能是 1–8 位大写字母、数字或连字符', en: 'The number prefix is 1–8 capital letters, digits or hyphens' },
});

export type VolunteersErrorCode = Parameters<typeof volunteersError>[0];
