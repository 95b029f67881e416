import { registerMessages } from '../../platform/i18n/i18n.js';

/** Texts of the messages the auth module queues for people (templates `notify.<code>`, see platform/notify). */
registerMessages({
  'zh-CN': {
    // a person's name in registration (the common label for `name` is 名称)
    'field.auth.name': '姓名',
    'notify.auth.sms_code': '【连心】您的验证码是 {code}，{minutes} 分钟内有效。请勿告诉他人。',
    'notify.auth.register_existing': '【连心】有人尝试用您的手机号注册账号。如果是您本人，请直接用原密码登录；忘记密码请联系所在社区重置。如非本人操作，请忽略本短信。',
  },
  en: {
    'field.auth.name': 'name',
    'notify.auth.sms_code': '[Lianxin] Your verification code is {code}, valid for {minutes} minutes. Do not tell it to anyone.',
    'notify.auth.register_existing':
      '[Lianxin] Someone tried to register an account with your phone number. If it was you, log in with your existing password, or ask your community to reset it. If not, ignore this message.',
  },
});
