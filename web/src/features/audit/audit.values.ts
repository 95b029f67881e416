import type { TFunction } from 'i18next';
import { formatDateTime } from '../../lib/time';
import { jobLabels } from '../jobs/job-labels';
import { eventLabel } from '../webhooks/event-labels';

/**
 * The values of an audit entry's details in words. A detail that holds a code (a need's status, a
 * channel, a role, a team type …) is named by the catalogue of the feature that owns the code — the
 * same words its own pages show — so nothing is said twice; booleans, times and lists read as words too.
 */

/** The namespaces whose words name the codes of the details; loaded with the audit page. */
export const detailNamespaces = ['audit', 'common', 'needs', 'volunteers', 'oversight', 'teams', 'partners', 'whistles', 'deadlines', 'figures', 'ledger', 'mall', 'jobs', 'webhooks', 'points'] as const;

/** The sets of codes a detail can hold, each named by one catalogue. */
export type Vocabulary =
  | 'needStatus'
  | 'needKind'
  | 'channel'
  | 'severity'
  | 'needView'
  | 'needStage'
  | 'needSort'
  | 'due'
  | 'volunteerStatus'
  | 'political'
  | 'volunteerSort'
  | 'supervisionKind'
  | 'satisfaction'
  | 'role'
  | 'regionType'
  | 'teamType'
  | 'teamModule'
  | 'partnerType'
  | 'unitKind'
  | 'whistleSource'
  | 'callActor'
  | 'resumedBy'
  | 'deadlineUnit'
  | 'dayKind'
  | 'groupBy'
  | 'forWhom'
  | 'mallCategory'
  | 'fileFormat'
  | 'via'
  | 'jobName'
  | 'webhookEvent'
  | 'detailName';

type ByModule = Partial<Record<string, Vocabulary>>;

/** Which codes a detail holds, by its name, and where the name means different things, by the recording module. */
const vocabularies: Record<string, Vocabulary | ByModule> = {
  from: { needs: 'needStatus', volunteers: 'volunteerStatus' },
  to: { needs: 'needStatus', volunteers: 'volunteerStatus' },
  status: { needs: 'needStatus', volunteers: 'volunteerStatus' },
  kind: { needs: 'needKind', oversight: 'supervisionKind', whistles: 'unitKind', deadlines: 'dayKind' },
  channel: 'channel',
  severity: 'severity',
  view: { needs: 'needView' },
  stage: { needs: 'needStage' },
  sort: { needs: 'needSort', volunteers: 'volunteerSort' },
  due: { needs: 'due' },
  politicalStatus: 'political',
  satisfaction: 'satisfaction',
  role: 'role',
  roles: 'role',
  askedAs: 'role',
  type: { teams: 'teamType', partners: 'partnerType', regions: 'regionType' },
  module: { teams: 'teamModule' },
  source: { whistles: 'whistleSource' },
  by: { whistles: 'callActor', oversight: 'resumedBy' },
  unit: { deadlines: 'deadlineUnit' },
  groupBy: 'groupBy',
  forWhom: 'forWhom',
  category: { mall: 'mallCategory' },
  format: 'fileFormat',
  via: 'via',
  name: { jobs: 'jobName' },
  eventType: 'webhookEvent',
  field: 'detailName',
  fields: 'detailName',
};

/** The vocabulary of one detail of an entry of `action`, or none: its value is a name, a number or a text. */
export function vocabularyOf(action: string, key: string): Vocabulary | undefined {
  const found = vocabularies[key];
  if (found === undefined || typeof found === 'string') return found;
  return found[action.split('.')[0]!];
}

/** A detail's name in words; one not named yet reads as its words split apart (pausedMs → "paused ms"), never as a code. */
export const detailLabel = (t: TFunction<typeof detailNamespaces>, key: string): string =>
  t(`audit:detailKeys.${key}`, { defaultValue: key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.]/g, ' ').toLowerCase() });

/** One code in words; a code its catalogue does not know yet reads "other value" (audit:value.other), never the code. */
export function codeWord(t: TFunction<typeof detailNamespaces>, vocabulary: Vocabulary, code: string): string {
  const other = t('audit:value.other');
  switch (vocabulary) {
    case 'needStatus':
      return t(`needs:status.${code}`, { defaultValue: other });
    case 'needKind':
      return t(`needs:kind.${code}`, { defaultValue: other });
    case 'channel':
      return t(`needs:channel.${code}`, { defaultValue: other });
    case 'severity':
      return t(`needs:severity.${code}`, { defaultValue: other });
    case 'needView':
      return t(`audit:value.needView.${code}`, { defaultValue: other });
    case 'needStage':
      return t(`needs:stage.${code}`, { defaultValue: other });
    case 'needSort':
      return t(`needs:sort.${code}`, { defaultValue: other });
    case 'due':
      return t(`audit:value.due.${code}`, { defaultValue: other });
    case 'volunteerStatus':
      return t(`volunteers:status.${code}`, { defaultValue: other });
    case 'political':
      return t(`volunteers:political.${code}`, { defaultValue: other });
    case 'volunteerSort':
      return t(`audit:value.volunteerSort.${code}`, { defaultValue: other });
    case 'supervisionKind':
      return t(`oversight:kind.${code}`, { defaultValue: other });
    case 'satisfaction':
      return t(`oversight:satisfaction.${code}`, { defaultValue: other });
    case 'role':
      return t(`common:roles.${code}`, { defaultValue: other });
    case 'regionType':
      return t(`common:regionType.${code}`, { defaultValue: other });
    case 'teamType':
      return t(`teams:type.${code}`, { defaultValue: other });
    case 'teamModule':
      return t(`teams:module.${code}`, { defaultValue: other });
    case 'partnerType':
      return t(`partners:type.${code}`, { defaultValue: other });
    case 'unitKind':
      return t(`whistles:kind.${code}`, { defaultValue: other });
    case 'whistleSource':
      return t(`whistles:source.${code}`, { defaultValue: other });
    case 'callActor':
      return t(`audit:value.callActor.${code}`, { defaultValue: other });
    case 'resumedBy':
      return t(`audit:value.resumedBy.${code}`, { defaultValue: other });
    case 'deadlineUnit':
      return t(`deadlines:rule.unit.${code}`, { defaultValue: other });
    case 'dayKind':
      return t(`deadlines:calendar.kind.${code}`, { defaultValue: other });
    case 'groupBy':
      return t(`figures:group.${code}`, { defaultValue: other });
    case 'forWhom':
      return t(`ledger:h5.withdraw.${code === 'family' ? 'family' : 'self'}`);
    case 'mallCategory':
      return t(`mall:category.${code}`, { defaultValue: other });
    case 'fileFormat':
      return t(`audit:value.format.${code}`, { defaultValue: other });
    case 'via':
      return t(`audit:value.via.${code}`, { defaultValue: other });
    case 'jobName': {
      const label = jobLabels[code];
      return label ? t(`jobs:names.${label}`) : t('jobs:names.other');
    }
    case 'webhookEvent': {
      const word = eventLabel(t, code);
      return word === code ? other : word;
    }
    case 'detailName':
      return detailLabel(t, code);
  }
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A detail's value as it is read: nested details (before / after, a list's filters) keep their own names. */
export type ReadValue = { text: string; id?: boolean } | { list: ReadValue[] } | { nested: { key: string; label: string; value: ReadValue }[] };

/** The district's own name of a detail value (a need category's code, a points rule's), when the page knows it. */
export type NameOf = (key: string, value: unknown) => string | undefined;

/** Reads one detail value of an entry of `action`: codes become words, times local times, ids short. */
export function readValue(t: TFunction<typeof detailNamespaces>, action: string, key: string, value: unknown, nameOf?: NameOf): ReadValue {
  const named = nameOf?.(key, value);
  if (named) return { text: named };
  if (value === null || value === undefined || value === '') return { text: t('common:empty') };
  if (typeof value === 'boolean') return { text: t(value ? 'audit:value.yes' : 'audit:value.no') };
  if (typeof value === 'number') return { text: String(value) };
  if (Array.isArray(value)) return { list: value.map((v) => readValue(t, action, key, v)) };
  if (typeof value === 'object') {
    if (Object.values(value).every((v) => v === undefined)) return { text: t('common:empty') };
    return {
      nested: orderedDetails(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => ({ key: k, label: detailLabel(t, k), value: readValue(t, action, k, v) })),
    };
  }
  const text = String(value);
  const vocabulary = vocabularyOf(action, key);
  if (vocabulary) {
    // a list's status filter is one text of codes, comma-separated (accepted,dispatched)
    const codes = vocabulary === 'needStatus' && text.includes(',') ? text.split(',') : [text];
    return codes.length > 1 ? { list: codes.map((c) => ({ text: codeWord(t, vocabulary, c) })) } : { text: codeWord(t, vocabulary, text) };
  }
  if (ISO_TIME.test(text)) return { text: formatDateTime(text) };
  if (UUID.test(text)) return { text: text.slice(0, 8), id: true };
  return { text };
}

/** Details in the order people read them: the value before a change first (jsonb keeps its keys shortest first: "to" before "from"). */
const firstNames = ['from', 'before', 'to', 'after'];
export function orderedDetails(details: Record<string, unknown>): [string, unknown][] {
  const rank = (key: string) => (firstNames.includes(key) ? firstNames.indexOf(key) : firstNames.length);
  return Object.entries(details).sort(([a], [b]) => rank(a) - rank(b));
}

/** An object's id as the object column shows it: a uuid cut to 8 characters, a decline reason (its id is its code) by its words. */
export function objectIdText(t: TFunction<typeof detailNamespaces>, objectType: string, objectId: string): string {
  if (UUID.test(objectId)) return objectId.slice(0, 8);
  if (objectType === 'declineReason') return t(`needs:declineReason.${objectId}`, { defaultValue: objectId });
  return objectId;
}

/** A value read as one line of text (lists joined, nested details as "name: value"). */
export function valueText(t: TFunction<typeof detailNamespaces>, read: ReadValue): string {
  if ('text' in read) return read.text;
  if ('list' in read) return read.list.map((v) => valueText(t, v)).join(t('audit:value.separator'));
  return read.nested.map((n) => t('audit:value.pair', { name: n.label, value: valueText(t, n.value) })).join(t('audit:value.pairSeparator'));
}
