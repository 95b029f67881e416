import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

let font: Buffer | undefined;
/** Noto Sans SC (思源黑体, OFL) from @embedpdf/fonts-sc, read once: pdfkit embeds only the glyphs a page uses. */
export function cjkFont(): Buffer {
  if (!font) {
    const require = createRequire(import.meta.url);
    font = readFileSync(join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf'));
  }
  return font;
}

/**
 * A new A4 document with the CJK font registered as `cjk`, and its bytes once `doc.end()` is called —
 * what every printed page of the product (certificates, passbooks) starts from.
 */
export function cjkDocument(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjkFont());
  return { doc, bytes };
}
