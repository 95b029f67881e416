import { registerMessages, translate, type Locale } from '../../platform/i18n/i18n.js';
import { channels, needKinds, severities } from './needs.enums.js';
import { needStatuses } from './needs.lifecycle.js';
import './needs.errors.js'; // the status names live there

/*
 * Words for the codes a need carries, for what the server writes for people (the Excel ledger).
 * The same words as the web app's needs.kind / needs.channel / needs.severity, so a sheet reads like
 * the screen it was exported from.
 */
const kindWords: Record<Locale, Record<(typeof needKinds)[number], string>> = {
  'zh-CN': { microWish: '微心愿', serviceRequest: '服务需求', grievance: '诉求' },
  en: { microWish: 'Micro-wish', serviceRequest: 'Service request', grievance: 'Grievance' },
};
const channelWords: Record<Locale, Record<(typeof channels)[number], string>> = {
  'zh-CN': { self: '居民自助', hotline: '12345热线', letter: '来信', visit: '走访来访', wishWall: '心愿墙', open311: '外部系统', import: '表格导入', carePlan: '一人一策' },
  en: { self: 'Self-service', hotline: '12345 hotline', letter: 'Letter', visit: 'Visit', wishWall: 'Wish wall', open311: 'Open311', import: 'Import', carePlan: 'Care plan' },
};
const severityWords: Record<Locale, Record<(typeof severities)[number], string>> = {
  'zh-CN': { general: '一般', important: '重要', major: '重大' },
  en: { general: 'General', important: 'Important', major: 'Major' },
};

const prefixed = (prefix: string, words: Record<string, string>) => Object.fromEntries(Object.entries(words).map(([k, v]) => [`${prefix}.${k}`, v]));

registerMessages({
  'zh-CN': { ...prefixed('needs.kind', kindWords['zh-CN']), ...prefixed('needs.channel', channelWords['zh-CN']), ...prefixed('needs.severity', severityWords['zh-CN']), 'needs.whistleClosed': '已结束吹哨' },
  en: { ...prefixed('needs.kind', kindWords.en), ...prefixed('needs.channel', channelWords.en), ...prefixed('needs.severity', severityWords.en), 'needs.whistleClosed': 'Whistle closed' },
});

/** `status` with the need's latest whistle: an escalated need whose whistle the street closed reads 已结束吹哨, as on screen. */
export type NeedLabels = { kind(code: string): string; channel(code: string): string; severity(code: string): string; status(code: string, whistle?: string | null): string };

/** Looked up once per locale and kept: an export asks for these words on every row. */
export function needLabels(locale: Locale): NeedLabels {
  const table = (prefix: string, codes: readonly string[]) => new Map(codes.map((c) => [c, translate(locale, `${prefix}.${c}`)]));
  const kinds = table('needs.kind', needKinds);
  const channelNames = table('needs.channel', channels);
  const severityNames = table('needs.severity', severities);
  // the state names are written to sit inside a sentence ("the order is dispatched"); a cell starts with a capital
  const statuses = new Map([...table('needs.status', needStatuses)].map(([c, w]) => [c, w.charAt(0).toUpperCase() + w.slice(1)]));
  const whistleClosed = translate(locale, 'needs.whistleClosed');
  // an unknown code (a newer value than this build knows) is shown as it is rather than dropped
  return {
    kind: (c) => kinds.get(c) ?? c,
    channel: (c) => channelNames.get(c) ?? c,
    severity: (c) => severityNames.get(c) ?? c,
    status: (c, whistle) => (c === 'escalated' && whistle === 'closed' ? whistleClosed : (statuses.get(c) ?? c)),
  };
}
