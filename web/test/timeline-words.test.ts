import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callText, expressionAt, serverSrc, sourceFiles } from './i18n/audit-codes';

// A need's timeline (desk and phone) names every step in words: each action the server can write
// on it — the order's own lifecycle actions, the needs module's side steps and every other
// module's recordOnTimeline(…) — must have words under event.<action> in zh-CN and en.
const locales = path.resolve(import.meta.dirname, '../src/features/needs/locales');
const eventWords = (lang: string) => (JSON.parse(readFileSync(path.join(locales, `${lang}.json`), 'utf8')) as { event: Record<string, unknown> }).event;

function timelineActions(): { actions: Set<string>; problems: string[] } {
  const actions = new Set<string>();
  const problems: string[] = [];
  const lifecycle = readFileSync(path.join(serverSrc, 'modules/needs/needs.lifecycle.ts'), 'utf8');
  const list = /export const needActions = \[([^\]]*)\]/.exec(lifecycle);
  if (!list) problems.push('needs.lifecycle.ts: needActions not found');
  else for (const m of list[1]!.matchAll(/'([A-Za-z]+)'/g)) actions.add(m[1]!);

  for (const file of sourceFiles(serverSrc)) {
    const source = readFileSync(file, 'utf8');
    const where = path.relative(serverSrc, file);
    // the order's transitions and side steps (needs module) and every other module's recordOnTimeline
    const calls = [...source.matchAll(/\b(?:recordOnTimeline|appendSideEvent|insertNeedEvent|appendNeedEvent|updateAndLog)\(/g)].filter((m) => !/function\s+$/.test(source.slice(Math.max(0, m.index - 20), m.index)));
    for (const m of calls) {
      const call = callText(source, m.index + m[0].length - 1);
      for (const a of call.matchAll(/\baction:/g)) {
        const expr = expressionAt(call, a.index + a[0].length);
        const literals = [...expr.matchAll(/'([A-Za-z]+)'/g)].map((l) => l[1]!);
        const stepsRef = /^steps\[[^\]]+\]\.(\w+)$/.exec(expr);
        if (literals.length) literals.forEach((l) => actions.add(l));
        else if (stepsRef) {
          // oversight's steps table: { pause: { ask: 'pauseAsk', … }, extension: { … } }
          const table = /const steps = (\{[^;]*\}) as const;/.exec(source);
          if (!table) problems.push(`${where}: steps table not found`);
          else for (const v of table[1]!.matchAll(new RegExp(`${stepsRef[1]}: '([A-Za-z]+)'`, 'g'))) actions.add(v[1]!);
        } else if (!/^(?:action|entry\.action|e\.action|input\.action)$/.test(expr)) problems.push(`${where}: timeline action ${expr} is not a literal the check can read`);
      }
    }
  }
  return { actions, problems };
}

describe('need timeline words', () => {
  const { actions, problems } = timelineActions();

  it('reads every timeline step in the server source', () => {
    expect(problems).toEqual([]);
    for (const a of ['submit', 'dispatch', 'grab', 'whistle', 'reportIn', 'supervise', 'pauseAsk', 'extendRefuse', 'resume']) expect(actions).toContain(a);
  });

  it.each(['zh-CN', 'en'])('every step has words in %s', (lang) => {
    const words = eventWords(lang);
    expect([...actions].filter((a) => typeof words[a] !== 'string')).toEqual([]);
  });
});
