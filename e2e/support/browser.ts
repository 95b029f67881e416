import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The system Chromium, headless, with everything that phones home switched off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const screenshotDir = path.resolve(import.meta.dirname, '../screenshots');

/** Full-page screenshot into e2e/screenshots/ (gitignored), for a human to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

export const DEMO_PASSWORD = 'Lianxin@2026';

/** The demo accounts the seed always creates, all in street 1 / community 1 (server/src/demo). */
export const demo = {
  districtAdmin: '13800000000',
  communityAdmin: '13800000002',
  teamLeader: '13800000004',
  volunteer: '13800000005',
  resident: '13800000006',
} as const;
