import { defineErrors } from '../../platform/errors/catalogue.js';

export const notificationsError = defineErrors({
  'notifications.not_found': { status: 404, 'zh-CN': '消息不存在', en: 'No such message' },
});
