/**
 * The phone pages' budgets (issue 13): `npm run bench:budgets` (builds server/ and web/ first when
 * their sources changed). Starts the built product on a fresh data folder with the small demo
 * district (e2e/support/server.ts) and drives the system Chromium (playwright-core):
 *  1. JS per phone route < 300 KB gzip. The routes are the web app's own (every feature manifest's
 *     `phone` slots, web/src/app/features.ts), so a new page is measured without being listed here.
 *     Each route is opened cold in a fresh browser context (empty cache, service worker blocked), as
 *     the demo account the manifests show it to (a tab's or a service tile's `roles`, else the demo
 *     volunteer; the public pages signed out); every same-origin script it fetched (the entry chunk,
 *     its static imports, the route's lazy chunks, the catalogues) is gzipped here with node:zlib at
 *     the default level, so the figure does not depend on the server's compression. The desk's first
 *     page is measured the same way for comparison (no budget).
 *  2. First load < 3 s on a throttled network: the phone login page (signed out) and the phone home
 *     /h5 (signed in), cold cache, 3 runs each, median: first contentful paint and the page's content
 *     on screen (an element of it laid out), beside the same page unthrottled in the same run (the
 *     ceiling) and, for information, on DevTools' slowest preset.
 * Exits 1 when a budget is missed. BENCH_CPU=4 adds Chromium's CPU throttling (off by default: the
 * host's CPU is shared and its load varies), BENCH_RUNS sets the runs, BENCH_VERBOSE=1 lists every
 * route's chunks, BENCH_WATERFALL=1 prints every request of each throttled load (asked, answered, done,
 * bytes on the wire, encoding), BENCH_PARTS=js,desk,load,3g picks parts. Loopback only, bounded in time.
 *
 * What keeps the first load fast (docs/ARCHITECTURE.md, bench:budgets): on Slow 4G each request costs
 * 562 ms, the line carries 180 KB/s and Chromium opens six connections (HTTP/1.1), so both the bytes and
 * the number of files after the HTML count. The server sends brotli-11 copies built by vite; app/boot.ts
 * asks for the first page's chunk, words and session as soon as its own small chunk has arrived (while
 * React and the kit still download); antd-mobile is split into the first pages' components and the
 * rest; small shared modules join the frame or the entry chunk; the phone frame's catalogues are one
 * file; icons never hold a page back. Check a change with BENCH_WATERFALL=1 BENCH_PARTS=load BENCH_RUNS=1.
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.js';
import { startServer } from '../e2e/support/server.js';
import { deskLogin, phoneLogin, sessionOptions } from '../e2e/support/sessions.js';
import { fixedAccounts } from '../server/src/demo/fixed-accounts.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const JS_BUDGET_KB = 300;
const LOAD_BUDGET_MS = 3000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CPU_RATE = Number(process.env.BENCH_CPU ?? 1);
const VERBOSE = process.env.BENCH_VERBOSE === '1';
/** BENCH_WATERFALL=1: every request of each throttled first load, when it was asked for, answered and done (the critical path). */
const WATERFALL = process.env.BENCH_WATERFALL === '1';
/** Parts to run (default all): `js` (JS per route), `desk`, `load` (first loads), `3g` (the first loads on DevTools' "3G" too, for information); BENCH_ROUTES: a RegExp picking routes. */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'js,desk,load,3g').split(','));
const ROUTE_FILTER = new RegExp(process.env.BENCH_ROUTES ?? '');
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/*
 * Network profiles, as Chrome DevTools defines them (devtools-frontend, front_end/core/sdk/
 * NetworkManager.ts; the same figures as Lighthouse's mobile default, core/config/constants.js
 * `mobileSlow4G`, whose adjustment factors 3.75 for RTT and 0.9 for throughput turn the target
 * figures into what request-level throttling must apply):
 *  - "Slow 4G" (Slow4GConditions; called "Fast 3G" until May 2024, crbug.com/342406608): ~1.6 Mbps
 *    down = 1.6e6 / 8 × 0.9 = 180,000 B/s, 750 kbps up = 84,375 B/s, 150 ms RTT × 3.75 = 562.5 ms.
 *    This is the "throttled 3G" of the budget: the profile Lighthouse and DevTools long called 3G,
 *    the usual meaning of "loads in 3 s on 3G".
 *  - "3G" (Slow3GConditions; "Slow 3G" before May 2024): 500 kbps × 0.8 = 50,000 B/s both ways,
 *    400 ms RTT × 5 = 2000 ms per request. Shown for information only: with 2 s added to every
 *    request, no page that needs its HTML, its script and one API answer can show in 3 s.
 */
type Conditions = { title: string; downloadThroughput: number; uploadThroughput: number; latency: number };
const SLOW_4G: Conditions = { title: 'DevTools "Slow 4G" (ex-"Fast 3G")', downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9, latency: 150 * 3.75 };
const SLOW_3G: Conditions = { title: 'DevTools "3G" (ex-"Slow 3G")', downloadThroughput: (500 * 1000) / 8 * 0.8, uploadThroughput: (500 * 1000) / 8 * 0.8, latency: 400 * 5 };

/** The part of a feature manifest (web/src/app/feature.ts) this bench reads. */
type Entry = { path?: string; roles?: readonly string[]; volunteer?: true };
type Manifest = {
  name: string;
  phone?: Partial<Record<'public' | 'signedIn' | 'member', { path?: string; index?: true }[]>>;
  phoneTabs?: Entry[];
  phoneServices?: Entry[];
};

type Route = { pattern: string; feature: string; slot: string; phone: string | null };
type Measured = { route: Route; url: string; landed: string; chunks: Map<string, number>; kb: number; placeholder: boolean };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const kb = (bytes: number) => bytes / 1024;
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The demo account holding `role` (server/src/demo/fixed-accounts.ts). */
function phoneOf(role: string): string {
  // the account whose first role it is (the demo volunteer, not the leader who also volunteers), else any holder
  const account = fixedAccounts.find((a) => a.roles[0] === role) ?? fixedAccounts.find((a) => (a.roles as readonly string[]).includes(role));
  if (!account) throw new Error(`no demo account holds the role ${role}`);
  return account.phone;
}

/** Every phone route of the web app, with the demo account that would open it. */
async function phoneRoutes(): Promise<Route[]> {
  // imported at run time from the web app's sources (tsx runs them): manifests import nothing but types and loaders
  const { features } = (await import(pathToFileURL(path.join(ROOT, 'web/src/app/features.ts')).href)) as { features: Manifest[] };
  const entries = features.flatMap((f) => [...(f.phoneTabs ?? []), ...(f.phoneServices ?? [])]);
  const volunteer = phoneOf('volunteer');
  const routes: Route[] = [];
  for (const feature of features) {
    for (const [slot, list] of Object.entries(feature.phone ?? {})) {
      for (const r of list ?? []) {
        const pattern = r.index ? '/h5' : `/h5/${r.path}`;
        // who the manifests show this page to: a tab's or a tile's roles, or volunteers
        const entry = entries.find((e) => e.path === pattern && e.roles?.length);
        const phone = slot === 'public' ? null : entry?.roles ? phoneOf(entry.roles[0]!) : volunteer;
        routes.push({ pattern, feature: feature.name, slot, phone });
      }
    }
  }
  return routes;
}

/** Where a route's `:id` comes from: the first item of this list as its visitor sees it (default `/api/<path before :id>`). */
const idSources: Record<string, string> = {
  '/h5/mall/:id': '/api/mall/items',
  '/h5/mall/redemptions/:id': '/api/mall/redemptions?mine=true',
  '/h5/teams/:id': '/api/teams/joined',
};

async function concreteUrl(context: BrowserContext, pattern: string): Promise<{ url: string; placeholder: boolean }> {
  if (!pattern.includes(':id')) return { url: pattern, placeholder: false };
  const source = idSources[pattern] ?? `/api/${pattern.slice('/h5/'.length, pattern.indexOf('/:id'))}`;
  const res = await context.request.get(source);
  const body = res.ok() ? ((await res.json()) as { id: string }[] | { items: { id: string }[] }) : [];
  const first = (Array.isArray(body) ? body : body.items)[0];
  return { url: pattern.replace(':id', first?.id ?? PLACEHOLDER_ID), placeholder: !first };
}

type State = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A phone (390×844, touch) or desk (1440×900) context as the e2e sessions open it: service worker blocked, cache empty. */
function newContext(browser: Browser, baseURL: string, device: 'phone' | 'desk', storageState?: State): Promise<BrowserContext> {
  return browser.newContext(sessionOptions(baseURL, device, { storageState }));
}

/** The cookies (and local storage) of a demo account signed in through the phone's or the desk's login page. */
async function signIn(browser: Browser, baseURL: string, device: 'phone' | 'desk', phone: string): Promise<State> {
  const context = await newContext(browser, baseURL, device);
  try {
    const page = await context.newPage();
    if (device === 'phone') {
      await phoneLogin(page, phone);
      await page.waitForURL((u) => u.pathname !== '/h5/login', { timeout: 30_000 });
    } else {
      await deskLogin(page, phone);
      await page.waitForURL((u) => u.pathname !== '/login', { timeout: 30_000 });
    }
    await page.waitForLoadState('networkidle');
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** Opens `url` cold and gzips every same-origin script it fetched until the network is quiet. */
async function scriptsOf(browser: Browser, baseURL: string, device: 'phone' | 'desk', state: State | undefined, url: string): Promise<{ chunks: Map<string, number>; landed: string }> {
  const context = await newContext(browser, baseURL, device, state);
  try {
    const page = await context.newPage();
    const bodies = new Map<string, Promise<Buffer | null>>();
    page.on('response', (response) => {
      const at = new URL(response.url());
      if (at.origin !== baseURL) return;
      // modulepreload'ed chunks may be typed as "other" by the protocol: the .js name counts too
      if (response.request().resourceType() !== 'script' && !at.pathname.endsWith('.js')) return;
      if (!bodies.has(at.pathname)) bodies.set(at.pathname, response.body().catch(() => null));
    });
    await page.goto(url, { waitUntil: 'load' });
    // lazy chunks come after the data they depend on: wait until nothing moved for a while, twice
    await page.waitForLoadState('networkidle');
    await sleep(500);
    await page.waitForLoadState('networkidle');
    const chunks = new Map<string, number>();
    for (const [name, body] of bodies) {
      const bytes = await body;
      if (!bytes) throw new Error(`${url}: no body for ${name}`);
      chunks.set(name, zlib.gzipSync(bytes).length);
    }
    return { chunks, landed: new URL(page.url()).pathname };
  } finally {
    await context.close();
  }
}

const total = (chunks: Map<string, number>) => kb([...chunks.values()].reduce((a, b) => a + b, 0));
const chunkName = (p: string) => p.replace(/^\/assets\//, '').replace(/-[\w-]{8}\.js$/, '.js');

function printChunks(chunks: Map<string, number>, indent = '      ') {
  for (const [name, size] of [...chunks].sort((a, b) => b[1] - a[1])) console.log(`${indent}${kb(size).toFixed(1).padStart(6)} KB  ${chunkName(name)}`);
}

type LoadTimes = { fcp: number; content: number };

/** One cold load of `url` under `conditions` (null: unthrottled): FCP and when `selector` was first laid out, in ms from navigation start. */
async function firstLoad(browser: Browser, baseURL: string, state: State | undefined, url: string, selector: string, conditions: Conditions | null): Promise<LoadTimes> {
  const context = await newContext(browser, baseURL, 'phone', state);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (conditions) {
      const { title: _title, ...figures } = conditions;
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...figures });
    }
    if (CPU_RATE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
    // the requests, for BENCH_WATERFALL: asked (s), first byte (r), done (d), bytes on the wire
    const requests = new Map<string, { url: string; s: number; r?: number; d?: number; bytes?: number; encoding?: string }>();
    if (WATERFALL && conditions === SLOW_4G) {
      cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, s: e.timestamp }));
      cdp.on('Network.responseReceived', (e) => {
        const r = requests.get(e.requestId);
        if (r) Object.assign(r, { r: e.timestamp, encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] });
      });
      cdp.on('Network.loadingFinished', (e) => {
        const r = requests.get(e.requestId);
        if (r) Object.assign(r, { d: e.timestamp, bytes: e.encodedDataLength });
      });
    }
    // Injected through the debugging protocol, so the product's CSP does not apply to it. A string,
    // not a function: tsx compiles this file keeping function names (a call to its __name helper in
    // every arrow function), which the page does not have; a function here threw at once, and
    // "content" fell back to when Playwright's polling saw the element, up to half a second late.
    await page.addInitScript(`(() => {
      const sel = ${JSON.stringify(selector)};
      const seen = () => {
        const el = document.querySelector(sel);
        if (window.__lxContentAt === undefined && el && el.getBoundingClientRect().height > 0) window.__lxContentAt = performance.now();
        return window.__lxContentAt !== undefined;
      };
      const observer = new MutationObserver(() => seen() && observer.disconnect());
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    })()`);
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await page.locator(selector).first().waitFor({ state: 'visible', timeout: 120_000 });
    const times = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      // no fallback: a measure that did not run must show, not pass for a late one
      content: (window as unknown as { __lxContentAt?: number }).__lxContentAt ?? Number.NaN,
    }));
    if (WATERFALL && conditions === SLOW_4G) {
      const start = Math.min(...[...requests.values()].map((r) => r.s));
      const at = (t?: number) => (t === undefined ? '   -  ' : ((t - start) * 1000).toFixed(0).padStart(6));
      console.log(`    ${url}: fcp ${times.fcp.toFixed(0)} ms, content ${times.content.toFixed(0)} ms (navigation start ≈ the first request)`);
      for (const r of [...requests.values()].sort((a, b) => a.s - b.s)) {
        console.log(`      ${at(r.s)} ${at(r.r)} ${at(r.d)}  ${String(r.bytes ?? '-').padStart(7)} B ${(r.encoding ?? '').padEnd(5)} ${r.url.replace(baseURL, '').replace(/^\/assets\//, '')}`);
      }
    }
    return times;
  } finally {
    await context.close();
  }
}

const who = (phone: string | null) => (phone ? (fixedAccounts.find((a) => a.phone === phone)?.roles.join('+') ?? phone) : 'signed out');

/** 1. JS per phone route; false when one is over budget. */
async function jsPerRoute(browser: Browser, base: string, routes: Route[], states: Map<string, State>): Promise<boolean> {
  const measured: Measured[] = [];
  for (const route of routes) {
    const state = route.phone ? states.get(route.phone) : undefined;
    let url = route.pattern;
    let placeholder = false;
    if (route.pattern.includes(':id')) {
      const context = await newContext(browser, base, 'phone', state);
      ({ url, placeholder } = await concreteUrl(context, route.pattern));
      await context.close();
    }
    const { chunks, landed } = await scriptsOf(browser, base, 'phone', state, url);
    measured.push({ route, url, landed, chunks, kb: total(chunks), placeholder });
  }
  let allOk = true;
  console.log(`\n== JS per phone route: gzip (node:zlib, default level) of every script a cold first visit fetches; budget ${JS_BUDGET_KB} KB ==`);
  console.log(`  ${'route'.padEnd(28)}${'visitor'.padEnd(22)}${'KB gzip'.padStart(8)}  budget  chunks`);
  for (const m of measured) {
    const ok = m.kb < JS_BUDGET_KB;
    allOk &&= ok;
    const notes = [m.landed !== m.url ? `landed on ${m.landed}` : '', m.placeholder ? 'no item to open: a made-up id' : ''].filter(Boolean).join('; ');
    console.log(`  ${m.route.pattern.padEnd(28)}${who(m.route.phone).padEnd(22)}${m.kb.toFixed(1).padStart(8)}  ${String(JS_BUDGET_KB).padStart(6)}  ${String(m.chunks.size).padStart(6)}  ${verdict(ok)}${notes ? `  (${notes})` : ''}`);
    if (VERBOSE) printChunks(m.chunks);
  }
  const heaviest = measured.reduce((a, b) => (b.kb > a.kb ? b : a));
  console.log(`  heaviest: ${heaviest.route.pattern} ${heaviest.kb.toFixed(1)} KB; its chunks of 2 KB or more:`);
  printChunks(new Map([...heaviest.chunks].filter(([, size]) => size >= 2048)));
  const deskKit = [...new Set(measured.flatMap((m) => [...m.chunks.keys()]))].filter((s) => s.includes('/desk-kit-'));
  console.log(`  the back office's antd (desk-kit) on a phone route: ${deskKit.length ? `YES (${measured.filter((m) => [...m.chunks.keys()].some((k) => deskKit.includes(k))).map((m) => m.route.pattern).join(', ')})` : 'never'}`);
  return allOk;
}

/** The back office's login and first page, for comparison (no budget). */
async function deskPages(browser: Browser, base: string) {
  const admin = phoneOf('communityAdmin');
  const state = await signIn(browser, base, 'desk', admin);
  console.log('\n== the back office, for comparison (no budget) ==');
  for (const [label, url, s] of [['desk login /login (signed out)', '/login', undefined], [`desk first page / (${who(admin)})`, '/', state]] as const) {
    const { chunks } = await scriptsOf(browser, base, 'desk', s, url);
    console.log(`  ${label.padEnd(50)}${total(chunks).toFixed(1).padStart(8)} KB gzip  ${chunks.size} chunks`);
    if (VERBOSE) printChunks(chunks);
  }
}

/** 2. First loads on a throttled network; false when one is over budget. */
async function firstLoads(browser: Browser, base: string, volunteer: State): Promise<boolean> {
  const pages = [
    { label: 'phone login /h5/login (signed out)', url: '/h5/login', selector: '[data-testid=h5-login-submit]', state: undefined },
    { label: 'phone home /h5 (the demo volunteer signed in)', url: '/h5', selector: '[data-testid=h5-home] .lx-h5-service', state: volunteer },
  ];
  let allOk = true;
  console.log(`\n== first load, cold cache, ${RUNS} runs each, median (the runs in brackets); CPU ${CPU_RATE > 1 ? `throttled ×${CPU_RATE}` : 'not throttled'} ==`);
  console.log(`  budget profile ${SLOW_4G.title}: ${SLOW_4G.downloadThroughput} B/s down, ${SLOW_4G.uploadThroughput} B/s up, ${SLOW_4G.latency} ms per request; budget ${LOAD_BUDGET_MS / 1000} s`);
  console.log(`  "content": the page's element laid out (login: the submit button; home: the service tiles, after the session)`);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  for (const p of pages) {
    const runs = async (conditions: Conditions | null) => {
      const all: LoadTimes[] = [];
      for (let i = 0; i < RUNS; i++) all.push(await firstLoad(browser, base, p.state, p.url, p.selector, conditions));
      return { fcp: median(all.map((t) => t.fcp)), content: median(all.map((t) => t.content)), all };
    };
    const fast = await runs(null);
    const budget = await runs(SLOW_4G);
    const slow = PARTS.has('3g') ? await runs(SLOW_3G) : { fcp: Number.NaN, content: Number.NaN, all: [] };
    const each = (xs: LoadTimes[], k: keyof LoadTimes) => xs.map((t) => (t[k] / 1000).toFixed(2)).join(' / ');
    console.log(`  ${p.label}`);
    for (const k of ['fcp', 'content'] as const) {
      const ok = budget[k] < LOAD_BUDGET_MS;
      allOk &&= ok;
      console.log(
        `    ${k === 'fcp' ? 'first contentful paint' : 'content on screen     '}  Slow 4G ${s(budget[k])} (${each(budget.all, k)})  budget ${LOAD_BUDGET_MS / 1000} s ${verdict(ok)}   unthrottled ceiling ${s(fast[k])}   DevTools "3G" ${s(slow[k])} (info)`,
      );
    }
  }
  return allOk;
}

async function main() {
  const loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  const routes = (await phoneRoutes()).filter((r) => ROUTE_FILTER.test(r.pattern));
  const server = await startServer();
  const browser = await launchBrowser({ full: true });
  let ok = true;
  try {
    const base = server.baseUrl;
    console.log(`server ${base} (small demo district), Chromium ${browser.version()}, ${routes.length} phone routes from the feature manifests`);
    // sign in once per demo account the routes need
    const states = new Map<string, State>();
    const volunteer = phoneOf('volunteer');
    for (const phone of new Set([volunteer, ...routes.map((r) => r.phone).filter((p): p is string => p !== null)])) states.set(phone, await signIn(browser, base, 'phone', phone));
    if (PARTS.has('js') && routes.length) ok = (await jsPerRoute(browser, base, routes, states)) && ok;
    if (PARTS.has('desk')) await deskPages(browser, base);
    if (PARTS.has('load')) ok = (await firstLoads(browser, base, states.get(volunteer)!)) && ok;
  } finally {
    await browser.close();
    await server.stop();
    console.log(`\n(node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAtStart} at the start, ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end)`);
  }
  if (!ok) {
    console.log('A BUDGET IS MISSED (OVER above)');
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
