/*
 * Draws the PNG icons phones ask for (Android 192 and 512, a maskable 512, Apple's 180) from
 * web/public/favicon.svg with the headless Chromium the browser tests use, into web/public/icons/.
 * Run after changing the SVG: `npx tsx web/scripts/make-icons.ts`; the PNGs are committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
const svg = readFileSync(`${publicDir}favicon.svg`, 'utf8');
// maskable: the launcher crops to its own shape, so the mark sits inside the middle 80 % on a full square
const maskable = svg.replace('viewBox="0 0 64 64"', 'viewBox="-8 -8 80 80"').replace('<rect width="64" height="64" rx="14"', '<rect x="-8" y="-8" width="80" height="80"');
// Apple draws no transparency: the rounded corners are its own
const square = svg.replace('rx="14"', 'rx="0"');

const icons = [
  { file: 'icon-192.png', size: 192, svg },
  { file: 'icon-512.png', size: 512, svg },
  { file: 'maskable-512.png', size: 512, svg: maskable },
  { file: 'apple-touch-icon-180.png', size: 180, svg: square },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `)}</body></html>`);
    writeFileSync(`${publicDir}icons/${icon.file}`, await page.screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}
