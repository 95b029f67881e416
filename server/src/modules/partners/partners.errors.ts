import { defineErrors } from '../../platform/errors/catalogue.js';
import { registerMessages } from '../../platform/i18n/i18n.js';

export const partnersError = defineErrors({
  'partners.pair_unit_not_found': { status: 400, 'zh-CN': '结对的共建单位不存在或已停用', en: 'The partner unit to pair with does not exist or is retired' },
  'partners.not_found': { status: 404, 'zh-CN': '共建单位不存在', en: 'No such partner unit' },
  'partners.member_not_found': { status: 404, 'zh-CN': '在职党员不存在', en: 'No such in-service party member' },
  'partners.bad_community': { status: 400, 'zh-CN': '共建社区须是您辖区内的社区', en: 'A paired community must be a community within your area' },
  'partners.contact_required': { status: 400, 'zh-CN': '请选择联系人账号，或填写新联系人的姓名和手机号', en: 'Pick a contact account, or give the new contact’s name and phone' },
  'partners.not_behind': { status: 409, 'zh-CN': '该党员今年的服务时长已达到要求，无需提醒', en: 'This member has reached this year’s minimum: no reminder needed' },
  'partners.reminded_today': { status: 409, 'zh-CN': '今天已经提醒过该党员，请明天再试', en: 'This member was reminded today already: try again tomorrow' },
});

export type PartnersErrorCode = Parameters<typeof partnersError>[0];

// a person's name in this resource's requests (the common label for `name` is 名称)
registerMessages({ 'zh-CN': { 'field.partner-units.contact.name': '联系人姓名' }, en: { 'field.partner-units.contact.name': 'contact’s name' } });
