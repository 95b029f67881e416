import { defineErrors } from '../../platform/errors/catalogue.js';

export const ledgerError = defineErrors({
  'ledger.insufficient_points': { status: 409, 'zh-CN': '积分余额不足', en: 'Not enough points' },
  'ledger.insufficient_hours': { status: 409, 'zh-CN': '时间银行余额不足', en: 'Not enough hours in the time bank' },
  'ledger.insufficient_held': { status: 409, 'zh-CN': '冻结余额不足，该笔已处理', en: 'Nothing held for this any more: it was settled already' },
  'ledger.not_found': { status: 404, 'zh-CN': '账户或记账凭证不存在', en: 'No such account or posting' },
  'ledger.already_reversed': { status: 409, 'zh-CN': '该笔记账已冲正', en: 'This posting was reversed already' },
  'ledger.not_reversible': { status: 409, 'zh-CN': '兑换和时间银行支取按各自流程退还，不能直接冲正', en: 'Redemptions and time-bank withdrawals are refunded through their own steps, not reversed' },
  'ledger.rule_not_found': { status: 404, 'zh-CN': '积分规则不存在', en: 'No such points rule' },
  'ledger.rule_not_manual': { status: 400, 'zh-CN': '该规则由系统自动执行，不能手工加减分', en: 'This rule is applied automatically, not by hand' },
  'ledger.rule_code_taken': { status: 409, 'zh-CN': '已有相同编号的规则', en: 'A rule with this code exists already' },
  'ledger.bad_effective_from': { status: 400, 'zh-CN': '生效日期不能早于今天，也不能早于该规则当前版本的生效日期', en: 'A change takes effect today or later, and after the running version began' },
  'ledger.bad_points': { status: 400, 'zh-CN': '分值无效：加分规则须为正数，扣分规则须为负数，最多两位小数', en: 'Points are not valid: positive to award, negative to deduct, at most two decimals' },
  'ledger.bad_amount': { status: 400, 'zh-CN': '数额无效：须为非零数字，最多两位小数', en: 'The amount is not valid: a non-zero number with at most two decimals' },
  'ledger.bad_period': { status: 400, 'zh-CN': '时间范围无效：开始日期须早于结束日期，最长一年', en: 'The period is not valid: from before to, a year at most' },
  'ledger.withdrawal_not_found': { status: 404, 'zh-CN': '服务换服务记录不存在', en: 'No such time-bank withdrawal' },
  'ledger.beneficiary_required': { status: 400, 'zh-CN': '为家人申请时须填写家人的姓名和关系', en: 'For a family member, give their name and how they are related' },
  'ledger.not_volunteer': { status: 404, 'zh-CN': '志愿者不存在', en: 'No such volunteer' },
});

export type LedgerErrorCode = Parameters<typeof ledgerError>[0];
