import type { Writable } from 'node:stream';
import { writeSheet } from '../../platform/http/xlsx-stream.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { VolunteerItem } from './volunteers.read.js';
import { placeText } from '../../platform/scope/place.js';

const headers: Record<Locale, string[]> = {
  'zh-CN': ['志愿者编号', '姓名', '手机号', '性别', '出生年份', '政治面貌', '在职党员', '工作单位', '所在社区', '住址', '技能', '状态', '认证时长(小时)', '星级', '申请时间'],
  en: ['Number', 'Name', 'Phone', 'Gender', 'Born', 'Political status', 'In-service party member', 'Work unit', 'Community', 'Home', 'Skills', 'Status', 'Verified hours', 'Stars', 'Applied'],
};

const words: Record<Locale, Record<string, string>> = {
  'zh-CN': { male: '男', female: '女', masses: '群众', league: '共青团员', party: '中共党员', probationary: '预备党员', applied: '待审核', active: '在册', refused: '未通过', suspended: '暂停服务', left: '已退出', yes: '是', no: '否' },
  en: { male: 'Male', female: 'Female', masses: 'Masses', league: 'League member', party: 'Party member', probationary: 'Probationary member', applied: 'Applied', active: 'Active', refused: 'Refused', suspended: 'Suspended', left: 'Left', yes: 'Yes', no: 'No' },
};

const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

/** The registry as an .xlsx (words, never codes; phones masked as on screen), streamed page by page. */
export function writeVolunteersWorkbook(pages: AsyncIterable<VolunteerItem[]>, locale: Locale, out: Writable): Promise<number> {
  const w = words[locale];
  return writeSheet(out, locale === 'en' ? 'Volunteers' : '志愿者名册', headers[locale], pages, (v) => [
    v.number ?? '', v.name, v.phone, v.gender ? (w[v.gender] ?? '') : '', v.birthYear ?? '', w[v.politicalStatus] ?? '', v.inService ? w.yes : w.no, v.workUnit ?? '',
    v.communityName, placeText(v.place, v.regionName), v.skills.join('、'), w[v.status] ?? '', v.verifiedHours, '★'.repeat(v.stars), day(v.appliedAt),
  ]);
}
