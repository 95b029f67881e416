import { defineErrors } from '../../platform/errors/catalogue.js';

export const teamsError = defineErrors({
  'teams.partner_unit_required': { status: 400, 'zh-CN': '结对共建队伍请选择结对的共建单位', en: 'A paired team names the partner unit it is paired with' },
  'teams.not_found': { status: 404, 'zh-CN': '志愿服务队不存在', en: 'No such team' },
  'teams.leader_only': { status: 403, 'zh-CN': '只有队长或辖区管理员可以处理入队申请', en: 'Only the team’s leader or the admins over it decide join requests' },
  'teams.volunteers_only': { status: 403, 'zh-CN': '只有在册志愿者可以申请加入志愿服务队', en: 'Only registered volunteers may ask to join a team' },
  'teams.not_community': { status: 400, 'zh-CN': '所属社区须为辖区内的社区（村）', en: 'The home must be a community (village) in your area' },
  'teams.module_required': { status: 400, 'zh-CN': '智囊团须选择领域（法律、心理、医疗、就业或综合）', en: 'A think tank needs its field (legal, mental, medical, employment or general)' },
  'teams.module_forbidden': { status: 400, 'zh-CN': '只有智囊团可以设置领域', en: 'Only a think tank has a field' },
  'teams.unknown_category': { status: 400, 'zh-CN': '服务类别“{category}”不存在', en: 'No need category “{category}”' },
  'teams.leader_not_found': { status: 400, 'zh-CN': '队长账号不存在、已停用或不在您的辖区内', en: 'The leader’s account does not exist, is disabled or is outside your area' },
  'teams.person_not_found': { status: 400, 'zh-CN': '该账号不存在、已停用或不在您的辖区内', en: 'This account does not exist, is disabled or is outside your area' },
  'teams.not_volunteer': { status: 400, 'zh-CN': '该账号不是在册志愿者', en: 'This person is not a registered volunteer' },
  'teams.name_taken': { status: 409, 'zh-CN': '本社区已有同名的志愿服务队', en: 'This community has a team of this name already' },
  'teams.dissolved': { status: 409, 'zh-CN': '该志愿服务队已解散', en: 'This team is dissolved' },
  'teams.has_open_orders': { status: 409, 'zh-CN': '该队还有 {count} 个未办结的工单，请办结或改派后再解散', en: 'The team still holds {count} open orders: close or redispatch them before dissolving it' },
  'teams.already_member': { status: 409, 'zh-CN': '已是该队队员', en: 'Already a member of this team' },
  'teams.not_member': { status: 409, 'zh-CN': '不是该队队员', en: 'Not a member of this team' },
  'teams.leader_stays': { status: 409, 'zh-CN': '队长不能退出或被移出，请先更换队长', en: 'The leader cannot leave or be removed: change the leader first' },
  'teams.leader_must_be_member': { status: 400, 'zh-CN': '新队长须是本队队员', en: 'The new leader must be a member of the team' },
  'teams.request_open': { status: 409, 'zh-CN': '您已申请加入该队，请等待队长处理', en: 'You asked to join this team already: wait for the leader’s answer' },
  'teams.request_not_found': { status: 404, 'zh-CN': '入队申请不存在', en: 'No such join request' },
  'teams.request_decided': { status: 409, 'zh-CN': '该申请已处理', en: 'This request was decided already' },
});

export type TeamsErrorCode = Parameters<typeof teamsError>[0];
