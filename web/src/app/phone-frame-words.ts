import type { LocaleLoaders } from '../i18n';

/**
 * The phone frame's words (its tab bar and the home's service tiles), cut at build time from the
 * features' catalogues (web/phone-frame-words.ts): `phoneFrame:<feature>.<label key>`. Every signed-in
 * phone page waits for them, so they are one small file, not the features' whole catalogues.
 */
export const PHONE_FRAME_NS = 'phoneFrame';

export const phoneFrameWords: LocaleLoaders = {
  'zh-CN': () => import('virtual:phone-frame-words/zh-CN'),
  en: () => import('virtual:phone-frame-words/en'),
};
