import type { Locator, Page } from 'playwright-core';

/**
 * A phone page once nothing on it says aria-busy any more: its cards' data on its way (CardLoading),
 * a count or a list being read, a line's room kept. What arrives late takes its room above what was
 * already drawn, so a tap aimed before then can land on whatever moved under it: CI lost a tap so on
 * 我的 (bcfff72). Tap after this.
 */
export async function settledPage(page: Page, testId: string): Promise<Locator> {
  const root = page.getByTestId(testId);
  await root.waitFor();
  await page.waitForFunction((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    return el !== null && el.getAttribute('aria-busy') !== 'true' && el.querySelector('[aria-busy=true]') === null;
  }, testId);
  return root;
}

/** The phone home once its cards are in (they stand above the service tiles): `settledPage`. */
export const settledHome = (page: Page): Promise<Locator> => settledPage(page, 'h5-home');
