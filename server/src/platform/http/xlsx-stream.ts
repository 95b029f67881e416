import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/*
 * Streamed Excel downloads (exports of any size in little memory): a workbook writer on the reply's
 * stream, and back-pressure between pages of rows.
 */

export class ExportAborted extends Error {
  constructor() {
    super('export aborted: the download was closed');
  }
}

/** Waits while the reader is behind, so a slow download holds at most a page in memory. */
export async function readerCaughtUp(out: Writable): Promise<void> {
  if (out.destroyed) throw new ExportAborted();
  if (!out.writableNeedDrain) return;
  const ac = new AbortController();
  try {
    await Promise.race([once(out, 'drain', { signal: ac.signal }), once(out, 'close', { signal: ac.signal })]);
  } finally {
    ac.abort();
  }
  if (out.destroyed) throw new ExportAborted();
}

/**
 * A streaming workbook into `out`: each committed row is zipped at once and kept nowhere. No styles
 * and no shared strings — both grow with the sheet (styles were a fifth of the CPU of an export).
 */
export function streamingWorkbook(out: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  // exceljs's archiver (untyped) reports a broken download here; with no listener the process would die of it
  (book as unknown as { zip: NodeJS.EventEmitter }).zip.on('error', (err: Error) => out.destroy(err));
  return book;
}

/**
 * One sheet with a frozen header, its rows from `pages` (each page's rows committed, then the reader
 * waited for), into `out`: the shape of every list's workbook. Answers the number of rows written.
 */
export async function writeSheet<T>(out: Writable, sheetName: string, headers: readonly string[], pages: AsyncIterable<T[]>, cells: (row: T) => unknown[], width = 14): Promise<number> {
  const book = streamingWorkbook(out);
  // the header stays frozen in view instead of bold: the streaming workbook has no styles
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header) => ({ header, width }));
  sheet.getRow(1).commit();
  let written = 0;
  for await (const page of pages) {
    for (const row of page) sheet.addRow(cells(row)).commit();
    written += page.length;
    await readerCaughtUp(out);
  }
  sheet.commit();
  await book.commit();
  return written;
}
