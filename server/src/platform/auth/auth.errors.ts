import { defineErrors } from '../errors/catalogue.js';

/** Codes of the session → actor guard (auth-plugin.ts). */
export const accessError = defineErrors({
  'auth.unauthenticated': { status: 401, 'zh-CN': '请先登录', en: 'Please log in first' },
  'auth.forbidden': { status: 403, 'zh-CN': '无权进行此操作', en: 'You are not allowed to do this' },
  'auth.must_change_password': { status: 403, 'zh-CN': '请先修改初始密码', en: 'Please change your initial password first' },
});

/** Codes of the password policy (password.ts): every place that sets a password answers them alike. */
export const passwordError = defineErrors({
  'auth.password_too_short': { status: 400, 'zh-CN': '密码至少 8 位', en: 'The password needs at least 8 characters' },
  'auth.password_too_long': { status: 400, 'zh-CN': '密码最多 64 位', en: 'The password may have at most 64 characters' },
  'auth.password_too_simple': { status: 400, 'zh-CN': '密码需包含大写字母、小写字母、数字、符号中的至少三类', en: 'Use at least three of: upper case, lower case, digits, symbols' },
  'auth.password_too_common': { status: 400, 'zh-CN': '密码过于常见，请换一个', en: 'This password is too common' },
  'auth.password_contains_phone': { status: 400, 'zh-CN': '密码不能包含手机号', en: 'The password must not contain the phone number' },
});

export type PasswordProblem = Parameters<typeof passwordError>[0];
