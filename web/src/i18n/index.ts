import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setDateLocale } from '../lib/time';
import { LANGUAGE_STORAGE_KEY, storedLanguage } from './stored-language';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

/** One namespace's catalogue per language, each fetched on first use (a chunk of its own). */
export type LocaleLoaders = Record<Language, () => Promise<{ default: object }>>;

function applyToDocument(language: string) {
  document.documentElement.lang = language;
  document.title = i18n.t('app.title');
  setDateLocale(language);
}

const loaders = new Map<string, LocaleLoaders>();

/** A feature's namespace, from its manifest: its catalogues load when a page first asks for it. */
export function registerNamespace(namespace: string, locales: LocaleLoaders): void {
  loaders.set(namespace, locales);
}

// i18next asks the backend for a namespace in the current language only when a page needs it
// (the route loaders and useTranslation); language changes fetch every namespace loaded so far.
const featureCatalogues: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = loaders.get(namespace)?.[language as Language];
    if (!load) return callback(new Error(`no ${language} catalogue for the namespace "${namespace}"`), false);
    load().then(
      (module) => callback(null, module.default as Record<string, unknown>),
      (error: Error) => callback(error, false),
    );
  },
};

// The common namespace (shared words: buttons, errors, roles, region types) is in the entry chunk,
// so the API client, the guards and every page have it before anything renders.
void i18n
  .use(featureCatalogues)
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': { common: zhCN }, en: { common: en } },
    partialBundledLanguages: true,
    ns: ['common'],
    defaultNS: 'common',
    lng: storedLanguage(),
    // zh-CN and en hold the same keys (web/test/i18n.test.ts), so there is nothing to fall back to:
    // no second language is fetched, and 'zh' alone is never asked of the backend
    fallbackLng: false,
    load: 'currentOnly',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

/** The language the UI shows now; the API client sends it as Accept-Language. */
export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export async function switchLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not persisted; the switch still applies to this visit
  }
  await i18n.changeLanguage(language);
}

export { i18n };
