import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zipOf } from '../../test/zip-bomb.js';
import { declaredUnzippedSize } from './zip-size.js';

describe('declaredUnzippedSize', () => {
  it('adds up what a zip says its entries unpack to, without unpacking them', () => {
    const bomb = zipOf(50 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(100_000);
    expect(declaredUnzippedSize(bomb)).toBe(50 * 1024 * 1024);
  });

  it('reads a real workbook, and tells no zip apart', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('a').addRow(['姓名', '所在社区']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const size = declaredUnzippedSize(bytes)!;
    expect(size).toBeGreaterThan(bytes.length);
    expect(size).toBeLessThan(100_000);
    expect(declaredUnzippedSize(Buffer.from('姓名,所在社区\n张三,光明社区'))).toBeUndefined();
    expect(declaredUnzippedSize(Buffer.alloc(0))).toBeUndefined();
  });
});
