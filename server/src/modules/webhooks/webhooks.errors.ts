import { defineErrors } from '../../platform/errors/catalogue.js';

export const webhooksError = defineErrors({
  'webhooks.not_found': { status: 404, 'zh-CN': '推送地址不存在', en: 'No such webhook' },
  'webhooks.delivery_not_found': { status: 404, 'zh-CN': '推送记录不存在', en: 'No such delivery' },
  'webhooks.url_invalid': { status: 400, 'zh-CN': '请填写以 http:// 或 https:// 开头的完整地址', en: 'Enter a full address starting with http:// or https://' },
  'webhooks.url_credentials': { status: 400, 'zh-CN': '地址中不能包含用户名或密码，请用签名密钥校验来源', en: 'The address may not contain a user name or password; verify the sender by its signature instead' },
  'webhooks.url_private': {
    status: 400,
    'zh-CN': '不能推送到内网、本机或保留地址，请填写可从互联网访问的地址',
    en: 'The address may not be a private, loopback or reserved one; enter an address reachable on the internet',
  },
  'webhooks.event_unknown': { status: 400, 'zh-CN': '未知的事件类型：{types}', en: 'Unknown event types: {types}' },
  'webhooks.not_redeliverable': { status: 409, 'zh-CN': '只有失败的推送可以重新推送', en: 'Only a failed delivery can be sent again' },
  'webhooks.disabled': { status: 409, 'zh-CN': '推送地址已停用，请先启用', en: 'The webhook is switched off; switch it on first' },
});

export type WebhooksErrorCode = Parameters<typeof webhooksError>[0];
