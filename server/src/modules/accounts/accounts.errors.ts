import { registerMessages } from '../../platform/i18n/i18n.js';

registerMessages({
  'zh-CN': {
    'accounts.not_found': '账号不存在',
    'accounts.phone_taken': '该手机号已注册',
    'accounts.role_not_grantable': '无权授予角色：{role}',
    'accounts.outranks_you': '不能管理权限高于自己的账号',
    'accounts.cannot_disable_self': '不能停用自己的账号',
    'accounts.invalid_id_number': '身份证号格式或校验位不正确',
    'accounts.register_region': '请选择所在社区、网格或楼栋',
    'accounts.reveal_forbidden': '无权查看完整信息',
  },
  en: {
    'accounts.not_found': 'No such account',
    'accounts.phone_taken': 'This phone number is already registered',
    'accounts.role_not_grantable': 'You may not grant the role {role}',
    'accounts.outranks_you': 'You may not manage an account that outranks yours',
    'accounts.cannot_disable_self': 'You cannot disable your own account',
    'accounts.invalid_id_number': 'The ID number is malformed or its check digit is wrong',
    'accounts.register_region': 'Choose your community, grid or building',
    'accounts.reveal_forbidden': 'You may not see the full value',
  },
});
