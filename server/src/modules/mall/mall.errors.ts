import { defineErrors } from '../../platform/errors/catalogue.js';

export const mallError = defineErrors({
  'mall.item_not_found': { status: 404, 'zh-CN': '兑换物品不存在', en: 'No such item' },
  'mall.redemption_not_found': { status: 404, 'zh-CN': '兑换记录不存在', en: 'No such redemption' },
  'mall.code_not_found': { status: 404, 'zh-CN': '取货码无效，请核对后重新输入', en: 'No redemption has this pickup code: check it and try again' },
  'mall.not_provider': { status: 403, 'zh-CN': '只有提供该物品的社区或共建单位可以办理', en: 'Only the community or partner unit offering the item may do this' },
  'mall.bad_provider': { status: 400, 'zh-CN': '提供方无效：社区管理员以本社区名义上架，共建单位联系人以本单位名义上架', en: 'Not a provider you may act for: a community admin offers for their community, a partner unit’s contact for their unit' },
  'mall.bad_validity': { status: 400, 'zh-CN': '有效期无效：结束日期不能早于开始日期或今天', en: 'The validity is not valid: it ends on or after it starts, and not before today' },
  'mall.bad_photo': { status: 400, 'zh-CN': '图片无效，请重新上传', en: 'A picture is not valid: upload it again' },
  'mall.item_inactive': { status: 409, 'zh-CN': '该物品已下架', en: 'This item is no longer offered' },
  'mall.not_valid_now': { status: 409, 'zh-CN': '该物品不在兑换有效期内（{from} 至 {to}）', en: 'This item can be redeemed from {from} to {to} only' },
  'mall.out_of_stock': { status: 409, 'zh-CN': '库存不足', en: 'Not enough left in stock' },
  'mall.over_limit': { status: 409, 'zh-CN': '超出每人限兑数量（{limit}）', en: 'Over the limit per person ({limit})' },
  'mall.key_taken': { status: 409, 'zh-CN': '请求编号已被使用，请刷新后重试', en: 'This request key was used for another redemption: reload and try again' },
  'mall.not_pending': { status: 409, 'zh-CN': '该兑换已{status}，不能再办理', en: 'This redemption is {status} already' },
});

export type MallErrorCode = Parameters<typeof mallError>[0];
