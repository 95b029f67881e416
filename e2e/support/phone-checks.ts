import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/*
 * What every phone page must pass, for the specs that check their pages: axe-core finds no serious or
 * critical violation, large-text mode has no text under 18 px, and nothing scrolls sideways.
 */

// evaluated through the browser's debugging protocol: the product's CSP (script-src 'self') rightly refuses an injected <script>
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** axe-core's serious and critical violations on the page as it is, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
}

/** Visible text under 18 px: an element holding text of its own, shown on screen, with its computed size. */
export function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!own) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      const size = parseFloat(style.fontSize);
      if (size < 18) found.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} "${el.textContent!.trim().slice(0, 20)}" ${size}px`);
    }
    return found;
  });
}

/**
 * What reaches past the right edge of the window (390 px): the page scrolling sideways, or text that
 * runs out of sight (an ancestor that clips it hides the scroll, not the loss).
 */
export function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const found: string[] = root.scrollWidth > root.clientWidth ? [`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`] : [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!own || box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.position === 'fixed') continue;
      if (box.right > root.clientWidth + 1) found.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} "${el.textContent!.trim().slice(0, 20)}" ends at ${Math.round(box.right)} px`);
    }
    return found.slice(0, 10);
  });
}
