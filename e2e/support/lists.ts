import type { Locator, Page, Request, Response, Route } from 'playwright-core';

/** Which list request: the API path and the query parameters it must carry (null: must not carry). */
export type ListMatch = { path: string; params: Record<string, string | null> };

export function matchesList(url: string, { path, params }: ListMatch): boolean {
  const parsed = new URL(url);
  return parsed.pathname === path && Object.entries(params).every(([key, value]) => parsed.searchParams.get(key) === value);
}

/** The answer to exactly this list query; start waiting before the click that asks for it. */
export function listResponse(page: Page, match: ListMatch): Promise<Response> {
  return page.waitForResponse((response) => matchesList(response.url(), match));
}

/** Whether a list table (antd puts aria-* on its <table> element) is waiting for an answer. */
export const tableBusy = (table: Locator) => table.locator('table').first().getAttribute('aria-busy');

/**
 * A list table once it shows the answer for the query on screen: the app marks it aria-busy while
 * that answer (or a refresh of it) is on its way.
 */
export async function settledTable(table: Locator): Promise<Locator> {
  await table.locator('table[aria-busy=false]').first().waitFor();
  return table;
}

export type HeldList = {
  /** The held request, once the page has asked for it. */
  requested: Promise<Request>;
  /** Lets the server's answer through to the page. */
  release(): void;
  /** What became of the held request: answered, or aborted by the page before the answer came. */
  settled: Promise<'answered' | 'aborted'>;
};

/**
 * Holds the server's answer to the first request matching `match` until `release()`: the test,
 * not a timer, decides which of two overlapping answers reaches the page first.
 */
export async function holdList(page: Page, match: ListMatch): Promise<HeldList> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let onRequest!: (request: Request) => void;
  const requested = new Promise<Request>((resolve) => (onRequest = resolve));
  let onSettled!: (outcome: 'answered' | 'aborted') => void;
  const settled = new Promise<'answered' | 'aborted'>((resolve) => (onSettled = resolve));
  let taken = false;

  const handler = async (route: Route) => {
    if (taken || !matchesList(route.request().url(), match)) return route.fallback();
    taken = true;
    const request = route.request();
    page.on('requestfailed', (failed) => failed === request && onSettled('aborted'));
    page.on('requestfinished', (finished) => finished === request && onSettled('answered'));
    onRequest(request);
    const response = await route.fetch();
    await released;
    // a request the page has aborted meanwhile can no longer be answered
    await route.fulfill({ response }).catch(() => onSettled('aborted'));
  };
  await page.route((url) => url.pathname === match.path, handler);
  return { requested, release, settled };
}

/**
 * A phone page once its lists show every page (the phone's counterpart of `settledTable`). An
 * antd-mobile InfiniteScroll asks for its next page only when its footer comes near the screen, and
 * says "加载中" until then; a full-page capture taken at first paint shows that placeholder at the end of
 * any list longer than a page. Scrolls each such footer into view until it says there is no more,
 * waits for the lists to be idle (aria-busy false), and scrolls back to the top. Fails when a footer
 * still says "加载中" after `withinMs` (a list that never ends).
 */
export async function settledPhoneLists(page: Page, { withinMs = 30_000 }: { withinMs?: number } = {}): Promise<void> {
  // idle: no list waiting for an answer, nor showing its first-load spinner (role=status) in place of its rows
  const idle = () => page.waitForFunction(() => document.querySelector('[aria-busy=true], .lx-h5-list-loading, .lx-h5-inbox-loading') === null);
  const waiting = page.locator('.adm-infinite-scroll').filter({ has: page.locator('.adm-dot-loading') });
  const until = Date.now() + withinMs;
  await idle();
  while ((await waiting.count()) > 0) {
    if (Date.now() > until) throw new Error(`a phone list still says "${await waiting.first().textContent()}" after ${withinMs / 1000} s of scrolling to its end`);
    await waiting.first().scrollIntoViewIfNeeded();
    // the next page is asked for on the scroll event; give the request a moment to start, then wait for its answer
    await page.waitForTimeout(200);
    await idle();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
