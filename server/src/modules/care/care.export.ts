import type { Writable } from 'node:stream';
import { writeSheet } from '../../platform/http/xlsx-stream.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { RecipientItem } from './care.list.js';

const headers: Record<Locale, string[]> = {
  'zh-CN': ['姓名', '称呼', '性别', '出生年份', '关爱类别', '住址', '门牌', '联系电话', '监护人', '与本人关系', '监护人电话', '服务需求', '结对志愿者', '结对方式', '定期服务', '最近走访', '最近情况', '状态'],
  en: ['Name', 'Called', 'Gender', 'Born', 'Kinds of care', 'Home', 'Door', 'Phone', 'Guardian', 'Relation', 'Guardian’s phone', 'Needs', 'Paired volunteers', 'Pairing', 'Recurring services', 'Last visit', 'Latest condition', 'Status'],
};

const words: Record<Locale, Record<string, string>> = {
  'zh-CN': { male: '男', female: '女', good: '良好', attention: '需关注', urgent: '紧急', active: '在册', archived: '已销档', p0: '未结对', p1: '一对一', p2: '二对一', p3: '三对一', never: '从未走访' },
  en: { male: 'Male', female: 'Female', good: 'Good', attention: 'Needs attention', urgent: 'Urgent', active: 'Active', archived: 'Archived', p0: 'Not paired', p1: 'One to one', p2: 'Two to one', p3: 'Three to one', never: 'Never visited' },
};

const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The list of people under care as an .xlsx (关爱对象台账): words, never codes; phones masked as on
 * screen; risk notes and ID numbers left out (a full look at one is an audited act of its own).
 */
export function writeCareWorkbook(pages: AsyncIterable<RecipientItem[]>, locale: Locale, out: Writable): Promise<number> {
  const w = words[locale];
  return writeSheet(out, locale === 'en' ? 'People under care' : '关爱对象台账', headers[locale], pages, (r) => [
    r.name, r.callName, r.gender ? w[r.gender] : '', r.birthYear ?? '', r.types.map((k) => (locale === 'en' ? k.nameEn : k.name)).join('、'), r.place.text, r.address, r.phone ?? '',
    r.guardian?.name ?? '', r.guardian?.relation ?? '', r.guardian?.phone ?? '', r.needs, r.pairedNames.join('、'), w[`p${Math.min(r.paired, 3)}`], r.activePlans,
    r.lastVisitAt ? day(r.lastVisitAt) : w.never, r.lastCondition ? w[r.lastCondition] : '', w[r.status],
  ]);
}
