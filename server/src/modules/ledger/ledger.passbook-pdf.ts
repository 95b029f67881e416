import { cjkDocument } from '../../platform/http/pdf.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { Unit } from './ledger.enums.js';
import type { StatementLine } from './ledger.statements.js';
import { amountText, passbookWords, signedText } from './ledger.words.js';

/** A passbook as printed: whose it is, the period, its balances and every line, oldest first. */
export type Passbook = {
  locale: Locale;
  name: string;
  number: string | null;
  communityName: string | null;
  from: string | null;
  to: string | null;
  opening: Record<Unit, number>;
  closing: Record<Unit, number>;
  /** Oldest first. */
  lines: StatementLine[];
  printedOn: string;
};

const PAGE = { width: 595.28, height: 841.89, margin: 40 };
const ROW = 18;

/** The rule's name in the reader's language, or nothing. */
export const ruleOf = (l: StatementLine, locale: Locale) => (locale === 'en' ? (l.ruleNameEn ?? l.ruleName) : l.ruleName) ?? '';

/** The passbook (储蓄存折) as an A4 PDF: a table of lines, the header repeated on every page, page numbers. */
export async function renderPassbook(p: Passbook): Promise<Buffer> {
  const w = passbookWords[p.locale];
  const { doc, bytes: done } = cjkDocument({ size: 'A4', margin: PAGE.margin, bufferPages: true, info: { Title: `${w.title} ${p.name}`, Author: 'Lianxin' } });
  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  const bottom = PAGE.height - PAGE.margin - 24;
  const cols = [
    { title: w.columns.day, width: 62, align: 'left' as const },
    { title: w.columns.kind, width: 122, align: 'left' as const },
    { title: w.columns.memo, width: 125, align: 'left' as const },
    { title: w.columns.rule, width: 92, align: 'left' as const },
    { title: w.columns.amount, width: 57, align: 'right' as const },
    { title: w.columns.balance, width: width - 62 - 122 - 125 - 92 - 57, align: 'right' as const },
  ];
  const fit = (text: string, max: number) => {
    if (doc.widthOfString(text) <= max) return text;
    let cut = text;
    while (cut.length > 1 && doc.widthOfString(`${cut}…`) > max) cut = cut.slice(0, -1);
    return `${cut}…`;
  };
  const balances = (b: Record<Unit, number>) => `${amountText(b.hours)} ${w.units.hours} · ${amountText(b.points)} ${w.units.points}`;

  doc.font('cjk').fontSize(20).text(w.title, left, PAGE.margin, { width, align: 'center' });
  doc.moveDown(0.6);
  doc.fontSize(11);
  doc.text(`${w.name}：${p.name}${p.number ? `    ${w.number}：${p.number}` : ''}${p.communityName ? `    ${w.community}：${p.communityName}` : ''}`, { width });
  doc.text(`${w.period}：${p.from || p.to ? `${p.from ?? '…'} ${w.to} ${p.to ?? '…'}` : w.all}    ${w.printed}：${p.printedOn}`, { width });
  doc.text(`${w.opening}：${balances(p.opening)}    ${w.closing}：${balances(p.closing)}`, { width });
  doc.moveDown(0.6);

  let y = doc.y;
  const header = () => {
    doc.fontSize(9);
    doc.rect(left, y, width, ROW).fill('#eeeeee').fillColor('black');
    let x = left;
    for (const col of cols) {
      doc.text(col.title, x + 3, y + 4, { width: col.width - 6, align: col.align, lineBreak: false });
      x += col.width;
    }
    y += ROW;
  };
  header();
  if (p.lines.length === 0) {
    doc.text(w.none, left, y + 4, { width, align: 'center' });
    y += ROW;
  }
  for (const l of p.lines) {
    if (y + ROW > bottom) {
      doc.addPage();
      y = PAGE.margin;
      header();
    }
    const unit = w.units[l.unit];
    const cells = [l.effectiveOn, `${w.sources[l.source]}·${w.kinds[l.kind]}`, l.memo, ruleOf(l, p.locale), `${signedText(l.amount)} ${unit}`, `${amountText(l.balance)} ${unit}`];
    let x = left;
    cols.forEach((col, k) => {
      doc.text(fit(cells[k]!, col.width - 6), x + 3, y + 4, { width: col.width - 6, align: col.align, lineBreak: false });
      x += col.width;
    });
    doc.moveTo(left, y + ROW).lineTo(left + width, y + ROW).lineWidth(0.5).strokeColor('#cccccc').stroke();
    y += ROW;
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.page.margins.bottom = 0; // the footer sits in the margin: no new page for it
    doc.font('cjk').fontSize(8).fillColor('#555555').text(w.page(i + 1, range.count), left, PAGE.height - PAGE.margin - 10, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
