import type { Writable } from 'node:stream';
import { streamingWorkbook } from '../../platform/http/xlsx-stream.js';
import { ruleOf, type Passbook } from './ledger.passbook-pdf.js';
import { passbookWords } from './ledger.words.js';

/** The passbook as an .xlsx: the same lines as the PDF, words in the reader's language, amounts as numbers. */
export async function writePassbookWorkbook(p: Passbook, out: Writable): Promise<void> {
  const w = passbookWords[p.locale];
  const book = streamingWorkbook(out);
  const sheet = book.addWorksheet(w.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const c = w.columns;
  sheet.columns = [
    { header: c.day, width: 12 },
    { header: c.kind, width: 8 },
    { header: c.source, width: 14 },
    { header: c.memo, width: 30 },
    { header: c.rule, width: 20 },
    { header: c.unit, width: 8 },
    { header: c.amount, width: 10 },
    { header: c.balance, width: 10 },
  ];
  sheet.getRow(1).commit();
  for (const l of p.lines) sheet.addRow([l.effectiveOn, w.kinds[l.kind], w.sources[l.source], l.memo, ruleOf(l, p.locale), w.units[l.unit], l.amount, l.balance]).commit();
  sheet.commit();
  await book.commit();
}
