import { registerMessages } from '../../platform/i18n/i18n.js';

/*
 * The inbox words of this module's messages, registered as modules/notifications does its own:
 * `inbox.<type>.title` / `.body`, and the SMS text `notify.inbox.<type>` (the body behind the signature).
 */
const words = {
  'zh-CN': {
    'partners.behind': ['在职党员服务时长提醒', '您 {year} 年已参加志愿服务 {hours} 小时，在职党员每年应不少于 {minimum} 小时，请就近认领岗位或报名社区活动。'],
    'partners.unitBehind': ['本单位党员服务时长提醒', '「{subject}」有 {count} 名在职党员 {year} 年服务时长未达到 {minimum} 小时，请督促他们到居住社区报到服务。'],
  },
  en: {
    'partners.behind': ['Your service hours this year', 'You have served {hours} h in {year}; in-service party members serve at least {minimum} h a year. Claim a post or sign up for a community activity near you.'],
    'partners.unitBehind': ['Members behind this year', '{count} in-service party members of “{subject}” have served under {minimum} h in {year}: encourage them to serve where they live.'],
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
