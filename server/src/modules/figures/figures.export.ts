import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { translate, type Locale } from '../../platform/i18n/i18n.js';
import type { FiguresService } from './figures.service.js';
import type { GroupBy } from './figures.schemas.js';
import { placeText } from '../../platform/scope/place.js';

type Workbook = Awaited<ReturnType<FiguresService['forExport']>>;

/** The rows of the overdue sheet at most; the page lists the rest. */
export const EXPORT_OVERDUE_CAP = 5000;

const words: Record<Locale, { ranking: string; overdue: string; period: string; place: string; total: string; none: Record<GroupBy, string>; group: Record<GroupBy, string>; rankHeaders: string[]; overdueHeaders: string[] }> = {
  'zh-CN': {
    ranking: '办理考核排名',
    overdue: '超期清单',
    period: '统计周期',
    place: '统计范围',
    total: '合计',
    none: { street: '未归属街道', community: '未归属社区', grid: '未归属网格', team: '未派单到服务队' },
    group: { street: '街道', community: '社区', grid: '网格', team: '服务队' },
    rankHeaders: ['排名', '名称', '新增需求', '受理数', '响应时长中位数(小时)', '响应时长平均(小时)', '办结数', '有期限办结数', '按时办结数', '按时办结率', '评价数', '满意数', '满意率', '重办办结数', '重办率', '当前超期', '24小时内到期'],
    overdueHeaders: ['编号', '标题', '状态', '紧急程度', '区域', '服务队', '办理期限', '超期(小时)'],
  },
  en: {
    ranking: 'Ranking',
    overdue: 'Overdue',
    period: 'Period',
    place: 'Area',
    total: 'Total',
    none: { street: 'In no street', community: 'In no community', grid: 'In no grid', team: 'Not dispatched to a team' },
    group: { street: 'Street', community: 'Community', grid: 'Grid', team: 'Team' },
    rankHeaders: ['Rank', 'Name', 'Received', 'Accepted', 'Median response (h)', 'Mean response (h)', 'Completed', 'Completed with deadline', 'On time', 'On-time rate', 'Ratings', 'Satisfied', 'Satisfaction rate', 'Completed after reopening', 'Reopen rate', 'Overdue now', 'Due within 24 h'],
    overdueHeaders: ['Number', 'Title', 'Status', 'Severity', 'Place', 'Team', 'Deadline', 'Hours overdue'],
  },
};

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const shanghai = (iso: string) => new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
const percent = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(1)}%`);
const hours = (h: number | null) => (h === null ? '' : Math.round(h * 10) / 10);

type Row = Workbook['summary']['totals'];
const figureCells = (f: Row) => [
  f.received, f.accepted, hours(f.responseMedianHours), hours(f.responseMeanHours), f.completed, f.withDeadline, f.onTime, percent(f.onTimeRate),
  f.rated, f.satisfied, percent(f.satisfactionRate), f.reopened, percent(f.reopenRate), f.overdue, f.dueSoon,
];

/**
 * The figures as an .xlsx, streamed into `out`: the ranking (a row per group and the total) and the
 * overdue list. Words in the reader's language, never codes; times in Asia/Shanghai.
 */
export async function writeFiguresWorkbook(data: Workbook, locale: Locale, out: Writable): Promise<void> {
  const w = words[locale];
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  // exceljs's archiver (untyped) reports a broken download here; with no listener the process would die of it
  (book as unknown as { zip: NodeJS.EventEmitter }).zip.on('error', (err: Error) => out.destroy(err));
  const { summary, overdue } = data;

  const ranking = book.addWorksheet(w.ranking, { views: [{ state: 'frozen', ySplit: 3 }] });
  // no header in the columns: the first rows say what the sheet counts, the headers come third
  ranking.columns = w.rankHeaders.map((_header, i) => ({ width: i === 1 ? 24 : 12 }));
  ranking.getRow(1).values = [w.period, `${summary.from} — ${summary.to}`, w.place, summary.regionName, w.group[summary.groupBy]];
  ranking.getRow(1).commit();
  ranking.getRow(2).commit();
  ranking.getRow(3).values = w.rankHeaders;
  ranking.getRow(3).commit();
  for (const g of summary.groups) ranking.addRow([g.rank, g.name === null ? w.none[summary.groupBy] : g.parentName ? `${g.parentName} · ${g.name}` : g.name, ...figureCells(g)]).commit();
  ranking.addRow(['', w.total, ...figureCells(summary.totals)]).commit();
  ranking.commit();

  const list = book.addWorksheet(w.overdue, { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = w.overdueHeaders.map((header, i) => ({ header, width: i === 1 ? 30 : 16 }));
  list.getRow(1).commit();
  for (const n of overdue) {
    list
      .addRow([n.number, n.title, translate(locale, `needs.status.${n.status}`), translate(locale, `needs.severity.${n.severity}`), placeText(n.place, n.regionName), n.teamName ?? '', shanghai(n.deadlineAt), n.hoursPast])
      .commit();
  }
  list.commit();
  await book.commit();
}
