import ExcelJS from 'exceljs';
import type { Locale } from '../../platform/i18n/i18n.js';
import { translate } from '../../platform/i18n/i18n.js';

type Row = {
  number: string;
  kind: string;
  categoryName: string | null;
  categoryNameEn: string | null;
  title: string;
  status: string;
  severity: string;
  channel: string;
  regionName: string;
  requesterName: string;
  teamName: string | null;
  createdAt: string;
  acceptedAt: string | null;
  deadlineAt: string | null;
  completedAt: string | null;
  rating: number | null;
};

const shanghai = (iso: string | null) =>
  iso ? new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short', hour12: false }).format(new Date(iso)) : '';

const headers: Record<Locale, string[]> = {
  'zh-CN': ['编号', '类型', '分类', '标题', '状态', '紧急程度', '渠道', '区域', '求助人', '服务队', '提交时间', '受理时间', '办理期限', '结单时间', '评分'],
  en: ['Number', 'Kind', 'Category', 'Title', 'Status', 'Severity', 'Channel', 'Place', 'Requester', 'Team', 'Submitted', 'Accepted', 'Deadline', 'Completed', 'Rating'],
};

/** The needs list (台账) as an Excel workbook, times in Asia/Shanghai, states in the reader's language. */
export async function needsWorkbook(rows: Row[], locale: Locale): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(locale === 'en' ? 'Needs' : '需求台账');
  sheet.addRow(headers[locale]).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([
      r.number, r.kind, locale === 'en' ? r.categoryNameEn : r.categoryName, r.title, translate(locale, `needs.status.${r.status}`), r.severity, r.channel,
      r.regionName, r.requesterName, r.teamName ?? '', shanghai(r.createdAt), shanghai(r.acceptedAt), shanghai(r.deadlineAt), shanghai(r.completedAt), r.rating ?? '',
    ]);
  }
  sheet.columns.forEach((c) => (c.width = 16));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
