import type { TFunction } from 'i18next';

/**
 * How an event type or pattern reads on screen: the words of the need timeline for `needs.<action>`
 * (the needs namespace is loaded with the page), the page's own for wildcards and the test event.
 */
export function eventLabel(t: TFunction<['webhooks', 'needs']>, type: string): string {
  if (type === '*') return t('webhooks:events.all');
  if (type === 'needs.*') return t('webhooks:events.allNeeds');
  if (type === 'webhooks.test') return t('webhooks:events.test');
  if (type.startsWith('needs.')) return t(`needs:event.${type.slice('needs.'.length)}`, { defaultValue: type });
  return type;
}
