import { defineErrors } from '../../platform/errors/catalogue.js';
import { registerMessages } from '../../platform/i18n/i18n.js';

export const accountsError = defineErrors({
  'accounts.not_found': { status: 404, 'zh-CN': '账号不存在', en: 'No such account' },
  'accounts.phone_taken': { status: 409, 'zh-CN': '该手机号已注册', en: 'This phone number is already registered' },
  'accounts.role_not_grantable': { status: 403, 'zh-CN': '无权授予角色：{role}', en: 'You may not grant the role {role}' },
  'accounts.outranks_you': { status: 403, 'zh-CN': '不能管理权限高于自己的账号', en: 'You may not manage an account that outranks yours' },
  'accounts.cannot_disable_self': { status: 400, 'zh-CN': '不能停用自己的账号', en: 'You cannot disable your own account' },
  'accounts.invalid_id_number': { status: 400, 'zh-CN': '身份证号格式或校验位不正确', en: 'The ID number is malformed or its check digit is wrong' },
  'accounts.register_region': { status: 400, 'zh-CN': '请选择所在社区、网格或楼栋', en: 'Choose your community, grid or building' },
  'accounts.id_number_taken': { status: 409, 'zh-CN': '该身份证号已被其他账号使用', en: 'Another account has this ID number' },
  'accounts.reveal_forbidden': { status: 403, 'zh-CN': '无权查看完整信息', en: 'You may not see the full value' },
});

// a person's name in this resource's requests (the common label for `name` is 名称)
registerMessages({ 'zh-CN': { 'field.accounts.name': '姓名' }, en: { 'field.accounts.name': 'name' } });
