import type { Writable } from 'node:stream';
import { writeSheet } from '../../platform/http/xlsx-stream.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { ExportRow } from './needs.export-rows.js';
import { needLabels } from './needs.labels.js';
import { placeText } from '../../platform/scope/place.js';

const headers: Record<Locale, string[]> = {
  'zh-CN': ['编号', '类型', '分类', '标题', '状态', '紧急程度', '渠道', '区域', '求助人', '服务队', '提交时间', '受理时间', '办理期限', '结单时间', '评分'],
  en: ['Number', 'Kind', 'Category', 'Title', 'Status', 'Severity', 'Channel', 'Place', 'Requester', 'Team', 'Submitted', 'Accepted', 'Deadline', 'Completed', 'Rating'],
};

const SHANGHAI_OFFSET_MS = 8 * 3600_000; // China has one zone and no daylight saving
/** "2026-03-01 09:30" in Asia/Shanghai; by arithmetic, as Intl per cell was most of the CPU time. */
const shanghai = (iso: string | null) => (iso ? new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ') : '');

/**
 * Writes the needs ledger (台账) as an .xlsx into `out`, page by page: each row is committed as it
 * is added, so exceljs turns it into zipped XML at once and keeps none of it; shared strings stay off
 * (their table would grow with the sheet). Codes become words in the reader's language, times are
 * Asia/Shanghai. Answers the number of rows written.
 */
export function writeNeedsWorkbook(pages: AsyncIterable<ExportRow[]>, locale: Locale, out: Writable): Promise<number> {
  const label = needLabels(locale);
  return writeSheet(out, locale === 'en' ? 'Needs' : '需求台账', headers[locale], pages, (r) => [
    r.number, label.kind(r.kind), (locale === 'en' ? r.categoryNameEn : r.categoryName) ?? '', r.title, label.status(r.status, r.whistle), label.severity(r.severity),
    label.channel(r.channel), placeText(r.place, r.regionName), r.requesterName, r.teamName ?? '', shanghai(r.createdAt), shanghai(r.acceptedAt), shanghai(r.deadlineAt),
    shanghai(r.completedAt), r.rating ?? '',
  ], 16);
}
