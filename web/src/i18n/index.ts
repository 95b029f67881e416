import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setDateLocale } from '../lib/time';
import en from './en.json';
import zhCN from './zh-CN.json';

// Both catalogues must have the same keys: a key missing from either fails `tsc`.
const sameKeys: [typeof zhCN, typeof en] = [en, zhCN];
void sameKeys;

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'lianxin.language';

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN'; // storage blocked (private mode on some phones): stay on the default
  }
}

function applyToDocument(language: string) {
  document.documentElement.lang = language;
  document.title = i18n.t('app.title');
  setDateLocale(language);
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
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
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not persisted; the switch still applies to this visit
  }
  await i18n.changeLanguage(language);
}

export { i18n };
