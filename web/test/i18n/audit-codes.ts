import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every audit action and object type the server can record, read from its source like a lint:
 * each `audit.record(` / `audit.recordAnonymous(` call (and the webhooks `audited(` helper) is cut
 * out by matching brackets, and its `action:` and `objectType:` expressions are read. A string
 * literal is taken as it is; a conditional takes both branches; a template must be listed in
 * `templates` below with the values it can take, so a new one fails until someone names its words.
 */
export const serverSrc = path.resolve(import.meta.dirname, '../../../server/src');

/** The values each templated action can take (keyed by the template text as written in the source). */
export const templates: Record<string, readonly string[]> = {
  // needs.transitions.ts: one per lifecycle action (needs.lifecycle.ts needActions)
  'needs.${action}': ['verify', 'accept', 'reject', 'merge', 'dispatch', 'pool', 'take', 'decline', 'rule', 'assign', 'grab', 'checkIn', 'complete', 'rate', 'reopen', 'close', 'confirm', 'cancel', 'escalate', 'reply'].map((a) => `needs.${a}`),
  'whistles.${step}': ['whistles.reportIn', 'whistles.part'],
  // webhooks.service.ts audited(actor, '<action>', …)
  'webhooks.${action}': ['webhooks.create', 'webhooks.update', 'webhooks.delete', 'webhooks.rotate_secret', 'webhooks.test'],
  // volunteers.policy.ts registryMoves the staff make
  'volunteers.${move}': ['approve', 'refuse', 'suspend', 'reinstate', 'leave', 'reapply'].map((m) => `volunteers.${m}`),
  "oversight.${callback ? 'callback' : 'supervise'}": ['oversight.callback', 'oversight.supervise'],
  // oversight.policy.ts changeKinds × approve/refuse
  'oversight.${change.kind}_${verdict}': ['oversight.pause_approve', 'oversight.pause_refuse', 'oversight.extension_approve', 'oversight.extension_refuse'],
  'oversight.${input.kind}_ask': ['oversight.pause_ask', 'oversight.extension_ask'],
  'conduct.entry.${action}': ['conduct.entry.create', 'conduct.entry.update'],
  // conduct.policy.ts appealOutcomes
  'conduct.appeal.${input.outcome}': ['conduct.appeal.upheld', 'conduct.appeal.dismissed'],
  // activities.hours.ts Decision
  'activities.hours.${item.decision}': ['activities.hours.approve', 'activities.hours.adjust', 'activities.hours.decline'],
  "accounts.${status === 'disabled' ? 'disable' : 'enable'}": ['accounts.disable', 'accounts.enable'],
};

export function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !full.includes(`${path.sep}test${path.sep}`)) yield full;
  }
}

/** The text of a call from its opening bracket to the matching closing one. */
export function callText(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) return source.slice(open, i + 1);
    }
  }
  return source.slice(open);
}

/** The expression after `key:` up to the comma or bracket that ends it (quotes and templates kept whole). */
export function expressionAt(call: string, from: number): string {
  let depth = 0;
  for (let i = from; i < call.length; i++) {
    const c = call[i]!;
    if (c === "'" || c === '`' || c === '"') {
      i = call.indexOf(c, i + 1);
      if (i < 0) break;
    } else if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      if (depth === 0) return call.slice(from, i).trim();
      depth--;
    } else if (c === ',' && depth === 0) return call.slice(from, i).trim();
  }
  return call.slice(from).trim();
}

/** The codes one `key: <expression>` can produce; a template not in `templates` is reported. */
function values(call: string, key: string, where: string, problems: string[]): string[] {
  const found: string[] = [];
  for (const m of call.matchAll(new RegExp(`\\b${key}:`, 'g'))) {
    const expr = expressionAt(call, m.index + m[0].length);
    const template = /^`([^`]*)`$/.exec(expr);
    if (template) {
      const known = templates[template[1]!];
      if (known) found.push(...known);
      else problems.push(`${where}: ${key} \`${template[1]}\` is a template not listed in web/test/i18n/audit-codes.ts`);
      continue;
    }
    const literals = [...expr.matchAll(/'([^']+)'/g)].map((l) => l[1]!);
    if (literals.length && /^(?:'[^']*'|[^'?]+\?\s*'[^']*'\s*:\s*'[^']*')$/.test(expr)) found.push(...literals);
    else problems.push(`${where}: ${key} ${expr} is not a literal the check can read`);
  }
  return found;
}

export function serverAuditCodes(): { actions: Set<string>; objectTypes: Set<string>; detailKeys: Set<string>; problems: string[] } {
  const detailKeys = new Set<string>();
  const actions = new Set<string>();
  const objectTypes = new Set<string>();
  const problems: string[] = [];
  for (const file of sourceFiles(serverSrc)) {
    const source = readFileSync(file, 'utf8');
    const where = path.relative(serverSrc, file);
    for (const m of source.matchAll(/\baudit\.record(?:Anonymous)?\(|\baudited\(actor,\s*'([a-z_]+)'/g)) {
      if (m[1]) {
        actions.add(`webhooks.${m[1]}`);
        continue;
      }
      const call = callText(source, m.index + m[0].length - 1);
      values(call, 'action', where, problems).forEach((a) => actions.add(a));
      values(call, 'objectType', where, problems).forEach((o) => objectTypes.add(o));
      // the names of the details written out in the call (spread fields such as a patch are not read)
      const details = /\bdetails:\s*\{/.exec(call);
      if (details) for (const k of callText(call, details.index + details[0].length - 1).matchAll(/[{,]\s*([A-Za-z]+)(?=\s*[:,}])/g)) detailKeys.add(k[1]!);
    }
  }
  return { actions, objectTypes, detailKeys, problems };
}
