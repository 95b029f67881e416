import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { HoursText } from '../src/components/HoursText';
import commonEn from '../src/i18n/locales/en.json';
import commonZh from '../src/i18n/locales/zh-CN.json';
import { formatHours } from '../src/lib/hours';

const i18n = i18next.createInstance();
await i18n.use(initReactI18next).init({ lng: 'zh-CN', fallbackLng: 'zh-CN', ns: ['common'], defaultNS: 'common', resources: { 'zh-CN': { common: commonZh }, en: { common: commonEn } } });
const shown = (hours: number | string, lng: string) => {
  void i18n.changeLanguage(lng);
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(HoursText, { hours })));
};

describe('hours on screen', () => {
  it('are shown to one decimal, a whole number without one', () => {
    expect(formatHours(39.93)).toBe('39.9');
    expect(formatHours('8.45')).toBe('8.5');
    expect(formatHours(40)).toBe('40');
    expect(formatHours(0)).toBe('0');
  });

  it('read the same everywhere: the figure, one space, the unit of the language', () => {
    expect(shown(39.93, 'zh-CN')).toBe('39.9 小时');
    expect(shown('1.8', 'zh-CN')).toBe('1.8 小时');
    expect(shown(39.93, 'en')).toBe('39.9 h');
  });
});
