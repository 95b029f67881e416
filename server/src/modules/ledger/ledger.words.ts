import type { Locale } from '../../platform/i18n/i18n.js';
import type { PostingKind, PostingSource, Unit } from './ledger.enums.js';

/** The passbook's words in the reader's language (PDF and Excel): never a raw code. */
export type PassbookWords = {
  title: string;
  sheet: string;
  name: string;
  number: string;
  community: string;
  period: string;
  all: string;
  to: string;
  opening: string;
  closing: string;
  printed: string;
  none: string;
  columns: { day: string; kind: string; source: string; memo: string; rule: string; unit: string; amount: string; balance: string };
  kinds: Record<PostingKind, string>;
  sources: Record<PostingSource, string>;
  units: Record<Unit, string>;
  page: (n: number, of: number) => string;
};

export const passbookWords: Record<Locale, PassbookWords> = {
  'zh-CN': {
    title: '时间银行储蓄存折',
    sheet: '储蓄存折',
    name: '姓名',
    number: '志愿者编号',
    community: '所在社区',
    period: '期间',
    all: '全部',
    to: '至',
    opening: '期初余额',
    closing: '期末余额',
    printed: '打印日期',
    none: '本期间内没有记账',
    columns: { day: '日期', kind: '业务', source: '来源', memo: '摘要', rule: '规则', unit: '单位', amount: '发生额', balance: '余额' },
    kinds: { earn: '存入', spend: '支取', adjust: '调整', reverse: '冲回', expire: '过期' },
    sources: { order: '服务订单', activity: '志愿活动', rule: '积分规则', redemption: '积分兑换', appeal: '申诉更正', manual: '人工更正', withdrawal: '服务换服务', conduct: '行为记录' },
    units: { hours: '小时', points: '积分' },
    page: (n, of) => `第 ${n} 页 / 共 ${of} 页`,
  },
  en: {
    title: 'Time bank passbook',
    sheet: 'Passbook',
    name: 'Name',
    number: 'Volunteer number',
    community: 'Community',
    period: 'Period',
    all: 'All',
    to: 'to',
    opening: 'Opening balance',
    closing: 'Closing balance',
    printed: 'Printed',
    none: 'Nothing was posted in this period',
    columns: { day: 'Date', kind: 'Entry', source: 'Source', memo: 'Details', rule: 'Rule', unit: 'Unit', amount: 'Amount', balance: 'Balance' },
    kinds: { earn: 'Earned', spend: 'Spent', adjust: 'Adjusted', reverse: 'Returned', expire: 'Expired' },
    sources: { order: 'Service order', activity: 'Volunteer activity', rule: 'Points rule', redemption: 'Mall redemption', appeal: 'Appeal', manual: 'Correction', withdrawal: 'Service for service', conduct: 'Conduct record' },
    units: { hours: 'hours', points: 'points' },
    page: (n, of) => `Page ${n} of ${of}`,
  },
};

/** 1.5 → "1.5", 10 → "10": at most two decimals, no trailing zeros. */
export const amountText = (n: number) => String(Math.round(n * 100) / 100);
/** A signed amount: "+1.5", "-10". */
export const signedText = (n: number) => (n > 0 ? `+${amountText(n)}` : amountText(n));
