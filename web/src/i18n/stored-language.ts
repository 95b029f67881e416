/** The language a person chose on this device (i18n/index.ts), readable before i18next has loaded (app/boot.ts). */
export const LANGUAGE_STORAGE_KEY = 'lianxin.language';

export function storedLanguage(): 'zh-CN' | 'en' {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN'; // storage blocked (private mode on some phones): stay on the default
  }
}
