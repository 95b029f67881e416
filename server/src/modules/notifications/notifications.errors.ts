import { defineErrors } from '../../platform/errors/catalogue.js';

export const notificationsError = defineErrors({
  'notifications.sms_unavailable': { status: 503, 'zh-CN': '短信服务未配置，暂时无法发送验证码，请联系管理员', en: 'No SMS service is configured, so no code can be sent; contact the administrator' },
  'notifications.not_found': { status: 404, 'zh-CN': '消息不存在', en: 'No such message' },
});
