import { defineErrors } from '../../platform/errors/catalogue.js';

// The guard's codes (auth.unauthenticated, auth.forbidden …) and the password policy's live in platform/auth/auth.errors.ts.
export const authError = defineErrors({
  'auth.invalid_credentials': { status: 401, 'zh-CN': '手机号或密码错误', en: 'Wrong phone number or password' },
  'auth.locked': { status: 429, 'zh-CN': '从此处登录失败次数过多，已暂时锁定，请 {minutes} 分钟后再试或请管理员解锁', en: 'Too many failed logins from here; locked for {minutes} minutes, or ask an administrator to unlock' },
  'auth.slow_down': { status: 429, 'zh-CN': '该账号近期登录失败次数过多，请 {seconds} 秒后再试', en: 'Too many recent failed logins on this account; try again in {seconds} seconds' },
  'auth.disabled': { status: 403, 'zh-CN': '账号已停用，请联系管理员', en: 'This account is disabled; contact an administrator' },
  'auth.wrong_password': { status: 400, 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  'auth.sms_code_too_soon': { status: 429, 'zh-CN': '验证码发送过于频繁，请稍后再试', en: 'Codes were sent too often; try again later' },
  'auth.sms_code_wrong': { status: 400, 'zh-CN': '验证码不正确', en: 'The verification code is wrong' },
  'auth.sms_code_expired': { status: 400, 'zh-CN': '验证码已失效，请重新获取', en: 'The verification code has expired; ask for a new one' },
  'auth.privacy_consent': { status: 400, 'zh-CN': '请阅读并同意最新的隐私政策', en: 'Read and agree to the current privacy policy' },
  'auth.password_same': { status: 400, 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
});
