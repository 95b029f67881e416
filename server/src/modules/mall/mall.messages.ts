import { registerMessages } from '../../platform/i18n/i18n.js';

/*
 * The inbox words of the mall's messages, registered as modules/notifications does its own:
 * `inbox.<type>.title` / `.body`, and the SMS text `notify.inbox.<type>`.
 */
const words = {
  'zh-CN': {
    'mall.confirmed': ['兑换已领取', '您兑换的「{subject}」×{quantity} 已领取，消费 {points} 积分。'],
    'mall.expired': ['兑换已过期', '您兑换的「{subject}」×{quantity} 超过领取期限未领取，{points} 积分已退回。'],
  },
  en: {
    'mall.confirmed': ['Redemption picked up', 'You picked up “{subject}” ×{quantity} for {points} points.'],
    'mall.expired': ['Redemption expired', '“{subject}” ×{quantity} was not picked up in time: your {points} points are back.'],
  },
} as const;

const signature = { 'zh-CN': '【连心】', en: '[Lianxin] ' } as const;

registerMessages(
  Object.fromEntries(
    (['zh-CN', 'en'] as const).map((locale) => [
      locale,
      Object.fromEntries(Object.entries(words[locale]).flatMap(([type, [title, body]]) => [[`inbox.${type}.title`, title], [`inbox.${type}.body`, body], [`notify.inbox.${type}`, `${signature[locale]}${body}`]])),
    ]),
  ) as Parameters<typeof registerMessages>[0],
);
