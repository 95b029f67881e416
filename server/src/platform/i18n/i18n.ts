/**
 * Server-side message catalogue. Each module registers its own error messages (see *.errors.ts),
 * so a module's codes and their zh-CN / en texts live together.
 */
export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export type Catalogue = Record<string, string>;

const catalogues: Record<Locale, Catalogue> = { 'zh-CN': {}, en: {} };

export function registerMessages(messages: Record<Locale, Catalogue>): void {
  for (const locale of locales) Object.assign(catalogues[locale], messages[locale]);
}

/** Whether a code has its own message in a locale (no fallback): the catalogue test asks this. */
export function hasMessage(locale: Locale, key: string): boolean {
  return Object.hasOwn(catalogues[locale], key);
}

/** zh-CN unless the client prefers English (Accept-Language: en, en-US, …) before any Chinese tag. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const tags = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = catalogues[locale][key] ?? catalogues['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (name === 'field' && typeof value === 'string') return fieldLabel(locale, value, typeof params.fieldScope === 'string' ? params.fieldScope : undefined);
    // a value "@some.key" is itself translated, e.g. a state name inside a message
    if (typeof value === 'string' && value.startsWith('@')) return translate(locale, value.slice(1));
    return value === undefined ? `{${name}}` : String(value);
  });
}

/**
 * A field's human name, e.g. "手机号 (phone)"; falls back to the API name. The same field name means
 * different things in different places (a person's `name` is 姓名, a team's 名称), so a resource
 * (`scope`, the first segment of the route under /api/) may name its own: `field.<scope>.<path>`,
 * then `field.<scope>.<leaf>`, then the common `field.<leaf>`.
 */
export function fieldLabel(locale: Locale, field: string, scope?: string): string {
  const leaf = field.split('.').pop() ?? field;
  const words = catalogues[locale];
  const label = (scope && (words[`field.${scope}.${field}`] ?? words[`field.${scope}.${leaf}`])) || words[`field.${leaf}`];
  return label ? `${label} (${field})` : field;
}

/** The resource a route belongs to, for its field labels: "/api/partner-units/:id" → "partner-units". */
export function fieldScopeOf(route: string): string | undefined {
  return /^\/api\/([^/?]+)/.exec(route)?.[1];
}
