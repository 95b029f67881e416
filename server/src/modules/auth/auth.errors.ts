import { defineErrors } from '../../platform/errors/catalogue.js';

// The guard's codes (auth.unauthenticated, auth.forbidden …) and the password policy's live in platform/auth/auth.errors.ts.
export const authError = defineErrors({
  'auth.invalid_credentials': { status: 401, 'zh-CN': '手机号或密码错误', en: 'Wrong phone number or password' },
  'auth.locked': { status: 429, 'zh-CN': '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试', en: 'Too many failed logins; the account is locked for {minutes} minutes' },
  'auth.disabled': { status: 403, 'zh-CN': '账号已停用，请联系管理员', en: 'This account is disabled; contact an administrator' },
  'auth.wrong_password': { status: 400, 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  'auth.password_same': { status: 400, 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
});
