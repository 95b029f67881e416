import { registerMessages } from '../../platform/i18n/i18n.js';

registerMessages({
  'zh-CN': {
    'auth.unauthenticated': '请先登录',
    'auth.forbidden': '无权进行此操作',
    'auth.invalid_credentials': '手机号或密码错误',
    'auth.locked': '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
    'auth.disabled': '账号已停用，请联系管理员',
    'auth.must_change_password': '请先修改初始密码',
    'auth.wrong_password': '当前密码不正确',
    'auth.password_same': '新密码不能与当前密码相同',
    'auth.password_too_short': '密码至少 8 位',
    'auth.password_too_long': '密码最多 64 位',
    'auth.password_too_simple': '密码需包含大写字母、小写字母、数字、符号中的至少三类',
    'auth.password_too_common': '密码过于常见，请换一个',
    'auth.password_contains_phone': '密码不能包含手机号',
  },
  en: {
    'auth.unauthenticated': 'Please log in first',
    'auth.forbidden': 'You are not allowed to do this',
    'auth.invalid_credentials': 'Wrong phone number or password',
    'auth.locked': 'Too many failed logins; the account is locked for {minutes} minutes',
    'auth.disabled': 'This account is disabled; contact an administrator',
    'auth.must_change_password': 'Please change your initial password first',
    'auth.wrong_password': 'The current password is wrong',
    'auth.password_same': 'The new password must differ from the current one',
    'auth.password_too_short': 'The password needs at least 8 characters',
    'auth.password_too_long': 'The password may have at most 64 characters',
    'auth.password_too_simple': 'Use at least three of: upper case, lower case, digits, symbols',
    'auth.password_too_common': 'This password is too common',
    'auth.password_contains_phone': 'The password must not contain the phone number',
  },
});
