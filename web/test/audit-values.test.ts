import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type Resource, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeWord, detailNamespaces, objectIdText, orderedDetails, readValue, valueText, type Vocabulary } from '../src/features/audit/audit.values';
import { catalogueDirs } from './i18n/catalogues';
import { serverSrc } from './i18n/audit-codes';

// An audit entry's details show words for every code they hold: each closed set of codes the server
// writes into details (read from its source) has a word per code in zh-CN and en, in the catalogue of
// the feature that owns the codes, and a detail value is read into words, never shown as the code.

/** The codes of `export const <name> = [ … ]` in a server file. */
function serverList(file: string, name: string): string[] {
  const source = readFileSync(path.join(serverSrc, file), 'utf8');
  const list = new RegExp(`export const ${name} = \\[([^\\]]*)\\]`).exec(source);
  if (!list) throw new Error(`${file}: ${name} not found`);
  return [...list[1]!.matchAll(/'([A-Za-z_]+)'/g)].map((m) => m[1]!);
}

const codeSets: [Vocabulary, string[]][] = [
  ['needStatus', serverList('modules/needs/needs.lifecycle.ts', 'needStatuses')],
  ['needKind', serverList('modules/needs/needs.enums.ts', 'needKinds')],
  ['channel', serverList('modules/needs/needs.enums.ts', 'channels')],
  ['severity', serverList('modules/needs/needs.enums.ts', 'severities')],
  ['needView', serverList('modules/needs/needs.enums.ts', 'needViews')],
  ['volunteerStatus', serverList('modules/volunteers/volunteers.policy.ts', 'volunteerStatuses')],
  ['political', serverList('modules/volunteers/volunteers.policy.ts', 'politicalStatuses')],
  ['supervisionKind', serverList('modules/oversight/oversight.policy.ts', 'supervisionKinds')],
  ['satisfaction', serverList('modules/oversight/oversight.policy.ts', 'satisfactions')],
  ['role', serverList('platform/auth/roles.ts', 'roles')],
  ['regionType', serverList('modules/regions/regions.policy.ts', 'regionTypes')],
  ['teamType', serverList('modules/teams/teams.policy.ts', 'teamTypes')],
  ['teamModule', serverList('modules/teams/teams.policy.ts', 'thinkTankModules')],
  ['partnerType', serverList('modules/partners/partners.policy.ts', 'partnerTypes')],
  ['unitKind', serverList('modules/whistles/whistles.policy.ts', 'unitKinds')],
  ['whistleSource', serverList('modules/whistles/whistles.policy.ts', 'whistleSources')],
  ['deadlineUnit', serverList('modules/deadlines/deadlines.policy.ts', 'windowUnits')],
  ['dayKind', serverList('modules/deadlines/deadlines.policy.ts', 'dayKinds')],
  ['mallCategory', serverList('modules/mall/mall.policy.ts', 'mallCategories')],
  ['needSort', ['newest', 'deadline', 'overdueFirst']],
  ['due', ['overdue', 'within24h']],
  ['volunteerSort', ['applied', 'hours', 'number']],
  ['callActor', ['contact', 'manager']],
  ['resumedBy', ['handler', 'expected', 'finished']],
  ['groupBy', ['street', 'community', 'grid', 'team']],
  ['forWhom', ['self', 'family']],
  ['fileFormat', ['pdf', 'xlsx']],
  ['via', ['cli']],
  ['jobName', ['needs.autoConfirm', 'supervision.deadline', 'oversight.resume', 'webhooks.deliver', 'notify.sms', 'volunteers.import']],
];

const ts: Record<string, TFunction<typeof detailNamespaces>> = {};

beforeAll(async () => {
  for (const language of ['zh-CN', 'en']) {
    const instance = i18next.createInstance();
    const resources: Resource = { [language]: {} };
    for (const [ns, dir] of catalogueDirs()) resources[language]![ns] = JSON.parse(readFileSync(path.join(dir, `${language}.json`), 'utf8'));
    await instance.init({ lng: language, resources, ns: [...detailNamespaces], defaultNS: 'audit', interpolation: { escapeValue: false } });
    ts[language] = instance.t as unknown as TFunction<typeof detailNamespaces>;
  }
});

describe('audit detail values in words', () => {
  it('reads the code lists in the server source', () => {
    for (const [vocabulary, codes] of codeSets) expect(codes.length, vocabulary).toBeGreaterThan(0);
    expect(codeSets.find(([v]) => v === 'needStatus')![1]).toContain('in_service');
  });

  it.each(['zh-CN', 'en'])('every code the details can hold has a word in %s', (language) => {
    const t = ts[language]!;
    const other = t('audit:value.other');
    const unnamed = codeSets.flatMap(([vocabulary, codes]) => codes.filter((code) => [other, code].includes(codeWord(t, vocabulary, code))).map((code) => `${vocabulary}:${code}`));
    expect(unnamed).toEqual([]);
  });

  it('reads a need’s submission and move, a role change and a list’s filters as words', () => {
    const t = ts['zh-CN']!;
    const read = (action: string, details: Record<string, unknown>) => Object.entries(details).map(([k, v]) => valueText(t, readValue(t, action, k, v)));
    expect(read('needs.submit', { kind: 'serviceRequest', channel: 'hotline' })).toEqual(['服务需求', '12345热线']);
    expect(read('needs.accept', { from: 'verifying', to: 'accepted' })).toEqual(['核实中', '已受理']);
    expect(read('volunteers.approve', { from: 'applied', to: 'active', reason: null })).toEqual(['待审核', '在册', t('common:empty')]);
    expect(read('accounts.update', { before: { roles: ['resident'] }, after: { roles: ['resident', 'gridWorker'] } })).toEqual(['角色：居民', '角色：居民、网格员']);
    expect(read('needs.export', { view: 'all', filter: { status: 'accepted,dispatched', due: 'overdue', kind: 'grievance' } })).toEqual(['需求台账', '状态：已受理、已派单；期限：已超期；类型：诉求']);
    expect(read('needs.category_update', { fields: ['sortOrder', 'nameEn'] })).toEqual(['排序、英文名称']);
    expect(read('conduct.record', { suspend: true, suspended: false })).toEqual(['是', '否']);
    expect(read('teams.set_leader', { to: '3f1c2b9e-0000-4000-8000-000000000001' })).toEqual(['3f1c2b9e']);
  });

  it('never shows a code the catalogue does not know: it reads "other"', () => {
    const t = ts.en!;
    expect(valueText(t, readValue(t, 'needs.submit', 'channel', 'carrierPigeon'))).toBe(t('audit:value.other'));
  });

  it('puts the value before a change first, and names a decline reason by its words rather than its code', () => {
    expect(orderedDetails({ to: 'accepted', from: 'verifying', note: 'x' }).map(([k]) => k)).toEqual(['from', 'to', 'note']);
    expect(orderedDetails({ after: {}, before: {} }).map(([k]) => k)).toEqual(['before', 'after']);
    const t = ts['zh-CN']!;
    expect(objectIdText(t, 'declineReason', 'noManpower')).toBe('当前人手不足');
    expect(objectIdText(t, 'need', '40d27c5a-0000-4000-8000-000000000001')).toBe('40d27c5a');
    expect(valueText(t, readValue(t, 'volunteers.export', 'filters', {}))).toBe(t('common:empty'));
  });

  it('names one of the district\'s own codes (a new category\'s) by the name the page looked up', () => {
    const t = ts['zh-CN']!;
    const nameOf = (key: string, value: unknown) => (key === 'code' && value === 'elderly.wordscheck' ? '读报陪伴' : undefined);
    expect(valueText(t, readValue(t, 'needs.category_create', 'code', 'elderly.wordscheck', nameOf))).toBe('读报陪伴');
    expect(valueText(t, readValue(t, 'needs.submit', 'channel', 'hotline', nameOf))).toBe('12345热线');
  });
});
