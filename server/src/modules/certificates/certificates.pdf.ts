import { cjkDocument } from '../../platform/http/pdf.js';
import QRCode from 'qrcode';
import { formatCode } from './certificates.code.js';
import type { CertificateSnapshot } from './certificates.table.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

/*
 * The certificate as a PDF (A4), drawn from the snapshot alone, so the same certificate always gives
 * the same document. Chinese text uses Noto Sans SC (思源黑体, OFL) from the npm package
 * @embedpdf/fonts-sc — `npm install` brings it, pdfkit embeds the subset of glyphs used. The code is set
 * in Courier so it reads (and copies) exactly as typed on the verification page.
 */

export type CertificateDocument = CertificateSnapshot & { code: string; from: string; to: string; totalHours: number; serviceCount: number; issuedAt: Date };

export const hoursText = (h: number) => String(Math.round(h * 100) / 100);
const chineseDate = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const ROW = 20;
const COLS = [
  { key: 'n', title: '序号', width: 40, align: 'center' as const },
  { key: 'day', title: '服务日期', width: 90, align: 'center' as const },
  { key: 'title', title: '服务项目', width: 283, align: 'left' as const },
  { key: 'hours', title: '时长（小时）', width: 70, align: 'right' as const },
];

export async function renderCertificate(c: CertificateDocument): Promise<Buffer> {
  // one weight only: pdfkit parses the font for each document, and a second weight doubles the time
  const { doc, bytes: done } = cjkDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    info: { Title: `${c.districtName}志愿服务记录证明`, Author: c.districtName, Subject: formatCode(c.code), CreationDate: c.issuedAt, ModDate: c.issuedAt },
  });
  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  const bottom = PAGE.height - PAGE.margin - 30;

  // heading and statement
  doc.font('cjk').fontSize(22).text(`${c.districtName}`, left, PAGE.margin, { width, align: 'center' });
  doc.font('cjk').fontSize(26).text('志愿服务记录证明', { width, align: 'center' });
  doc.moveDown(1);
  doc.font('cjk').fontSize(12);
  const field = (label: string, value: string) => doc.text(`${label}：${value}`, { width });
  field('姓名', c.name);
  field('志愿者编号', c.number);
  field('所在社区', c.communityName);
  field('证明期间', `${chineseDate(c.from)} 至 ${chineseDate(c.to)}`);
  field('服务次数', `${c.serviceCount} 次`);
  field('累计志愿服务时长', `${hoursText(c.totalHours)} 小时`);
  doc.moveDown(0.6);
  doc.text(
    `兹证明 ${c.name}（志愿者编号 ${c.number}）于 ${chineseDate(c.from)} 至 ${chineseDate(c.to)} 期间参加志愿服务 ${c.serviceCount} 次，经核实的志愿服务时长累计 ${hoursText(c.totalHours)} 小时。服务明细如下。`,
    { width, lineGap: 4 },
  );
  doc.moveDown(0.8);

  // the services, on as many pages as they need; the table header repeats on each
  let y = doc.y;
  const header = () => {
    doc.font('cjk').fontSize(10);
    let x = left;
    doc.rect(left, y, width, ROW).fill('#eeeeee').fillColor('black');
    for (const col of COLS) {
      doc.text(col.title, x + 4, y + 5, { width: col.width - 8, align: col.align, lineBreak: false });
      x += col.width;
    }
    y += ROW;
    doc.font('cjk').fontSize(10);
  };
  const fit = (text: string, w: number) => {
    if (doc.widthOfString(text) <= w) return text;
    let cut = text;
    while (cut.length > 1 && doc.widthOfString(`${cut}…`) > w) cut = cut.slice(0, -1);
    return `${cut}…`;
  };
  header();
  if (c.lines.length === 0) {
    doc.text('本期间内无经核实的志愿服务记录', left, y + 5, { width, align: 'center' });
    y += ROW;
  }
  c.lines.forEach((line, i) => {
    if (y + ROW > bottom) {
      doc.addPage();
      y = PAGE.margin;
      header();
    }
    const cells = [String(i + 1), line.servedOn, line.title, hoursText(line.hours)];
    let x = left;
    COLS.forEach((col, k) => {
      doc.text(fit(cells[k]!, col.width - 8), x + 4, y + 5, { width: col.width - 8, align: col.align, lineBreak: false });
      x += col.width;
    });
    doc.moveTo(left, y + ROW).lineTo(left + width, y + ROW).lineWidth(0.5).strokeColor('#cccccc').stroke();
    y += ROW;
  });
  doc.font('cjk').fontSize(10).text(`合计：${c.serviceCount} 次，${hoursText(c.totalHours)} 小时`, left, y + 6, { width, align: 'right' });
  y += ROW + 10;

  // issuer, date, code and QR: kept together on the last page
  const QR = 96;
  if (y + QR + 20 > bottom) {
    doc.addPage();
    y = PAGE.margin;
  }
  const qr = QRCode.create(c.verifyUrl, { errorCorrectionLevel: 'M' }).modules;
  const cell = QR / qr.size;
  for (let r = 0; r < qr.size; r++) for (let k = 0; k < qr.size; k++) if (qr.data[r * qr.size + k]) doc.rect(left + width - QR + k * cell, y + r * cell, cell, cell);
  doc.fillColor('black').fill();
  const textWidth = width - QR - 16;
  doc.font('cjk').fontSize(11).text(`出具单位：${c.districtName}`, left, y, { width: textWidth });
  doc.text(`出具日期：${chineseDate(shanghaiDay(c.issuedAt))}`, { width: textWidth });
  doc.text('验证码：', { width: textWidth, continued: true }).font('Courier-Bold').text(formatCode(c.code));
  doc.font('cjk').fontSize(9).fillColor('#555555').text(`扫描右侧二维码或访问以下地址核验本证明：`, { width: textWidth });
  doc.font('Courier').text(c.verifyUrl, { width: textWidth });
  doc.fillColor('black');

  // page numbers and the code on every page
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    doc.page.margins.bottom = 0; // the footer sits in the margin: no new page for it
    doc.font('cjk').fontSize(8).fillColor('#777777');
    doc.text(`第 ${p - range.start + 1} 页 / 共 ${range.count} 页   验证码 ${formatCode(c.code)}`, left, PAGE.height - PAGE.margin - 10, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
