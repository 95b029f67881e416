import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { timeLeft, type TimeLeft } from '../src/features/needs/deadline';
import needsEn from '../src/features/needs/locales/en.json';
import needsZh from '../src/features/needs/locales/zh-CN.json';
import { TimeLeftText } from '../src/features/needs/TimeLeftText';

const now = Date.parse('2026-06-01T08:00:00Z');
const at = (hoursFromNow: number) => new Date(now + hoursFromNow * 3_600_000).toISOString();

describe('the time left to a deadline', () => {
  it('counts whole days and hours left, towards less time', () => {
    expect(timeLeft({ status: 'dispatched', deadlineAt: at(27.9) }, now)).toEqual({ over: false, days: 1, hours: 3 });
    expect(timeLeft({ status: 'dispatched', deadlineAt: at(0.5) }, now)).toEqual({ over: false, days: 0, hours: 0 });
  });

  it('counts how long overdue, and follows the server’s verdict when it has one', () => {
    expect(timeLeft({ status: 'in_service', deadlineAt: at(-5.2) }, now)).toEqual({ over: true, days: 0, hours: 6 });
    expect(timeLeft({ status: 'in_service', deadlineAt: at(-49), overdue: true }, now)).toEqual({ over: true, days: 2, hours: 1 });
  });

  it('counts nothing while the clock is paused (挂起), overdue or not', () => {
    expect(timeLeft({ status: 'taken', deadlineAt: at(-3), paused: true }, now)).toEqual({ over: false, days: 0, hours: 0, paused: true });
    expect(timeLeft({ status: 'taken', deadlineAt: at(30), paused: true }, now)).toEqual({ over: false, days: 0, hours: 0, paused: true });
  });

  it('says nothing once the clock has stopped or before it starts', () => {
    expect(timeLeft({ status: 'completed', deadlineAt: at(-5) }, now)).toBeNull();
    expect(timeLeft({ status: 'submitted', deadlineAt: null }, now)).toBeNull();
  });
});

describe('the words for the time left', () => {
  const render = async (language: 'zh-CN' | 'en', left: TimeLeft) => {
    const i18n = i18next.createInstance();
    await i18n.use(initReactI18next).init({ lng: language, ns: ['needs'], resources: { [language]: { needs: language === 'en' ? needsEn : needsZh } }, interpolation: { escapeValue: false }, showSupportNotice: false });
    return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(TimeLeftText, { left })));
  };

  it('keeps each number with its unit on one line, so large text never breaks "23 | 小时"', async () => {
    expect(await render('zh-CN', { over: false, days: 1, hours: 23 })).toBe('<span class="lx-time-left">剩 <span class="lx-nowrap">1 天</span> <span class="lx-nowrap">23 小时</span></span>');
    expect(await render('zh-CN', { over: true, days: 0, hours: 5 })).toBe('<span class="lx-time-left">超期 <span class="lx-nowrap">5 小时</span></span>');
    expect(await render('en', { over: false, days: 2, hours: 3 })).toBe('<span class="lx-time-left"><span class="lx-nowrap">2 d</span> <span class="lx-nowrap">3 h</span> left</span>');
    expect(await render('zh-CN', { over: false, days: 0, hours: 0, paused: true })).toBe('<span class="lx-time-left">已挂起，暂停计时</span>');
  });
});
