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
