import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { daysSince } from '../src/features/care/care.format';
import { lastVisitText, listNames, otherVolunteers } from '../src/features/care/h5/care-phone';
import careEn from '../src/features/care/locales/en.json';
import careZh from '../src/features/care/locales/zh-CN.json';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'zh-CN', fallbackLng: false, ns: ['care'], resources: { 'zh-CN': { care: careZh }, en: { care: careEn } } });
const zh = i18n.getFixedT('zh-CN', 'care');
const en = i18n.getFixedT('en', 'care');

describe('how long since the last visit, on a volunteer’s phone', () => {
  it('counts Beijing calendar days, not 24-hour spans: 23:30 last night is one day ago at 00:30', () => {
    // 2026-12-05 23:30 and 2026-12-06 00:30 in Beijing
    expect(daysSince('2026-12-05T15:30:00Z', new Date('2026-12-05T16:30:00Z'))).toBe(1);
    // 09:00 and 23:00 the same Beijing day, though 23:00 Beijing is already the next UTC day's 15:00 … same day
    expect(daysSince('2026-12-05T01:00:00Z', new Date('2026-12-05T15:00:00Z'))).toBe(0);
    expect(daysSince('2026-11-05T01:00:00Z', new Date('2026-12-05T01:00:00Z'))).toBe(30);
  });

  it('says 今天 for a visit today, N天前 before, and that nobody came when no visit was logged', () => {
    const now = new Date('2026-12-05T08:00:00Z');
    expect(lastVisitText(zh, '2026-12-05T01:00:00Z', now)).toBe('上次走访：今天');
    expect(lastVisitText(zh, '2026-12-02T01:00:00Z', now)).toBe('上次走访：3天前');
    expect(lastVisitText(zh, null, now)).toBe('还没有人走访过');
    expect(lastVisitText(en, '2026-12-05T01:00:00Z', now)).toBe('Last visit: today');
    expect(lastVisitText(en, '2026-12-04T01:00:00Z', now)).toBe('Last visit: 1 day ago');
    expect(lastVisitText(en, '2026-12-02T01:00:00Z', now)).toBe('Last visit: 3 days ago');
  });

  it('a visit logged with a clock a little ahead is today, never “-1 days ago”', () => {
    expect(daysSince('2026-12-05T08:01:00Z', new Date('2026-12-05T08:00:00Z'))).toBe(0);
  });
});

describe('the other volunteers paired with a person', () => {
  const paired = [
    { volunteerId: 'me', name: '赵志愿', phone: '', pairedAt: '2026-01-01T00:00:00Z' },
    { volunteerId: 'a', name: '钱多多', phone: '', pairedAt: '2026-01-02T00:00:00Z' },
    { volunteerId: 'b', name: '孙小美', phone: '', pairedAt: '2026-01-03T00:00:00Z' },
  ];

  it('leaves me out: the card names who else looks after them', () => {
    expect(otherVolunteers(paired, 'me')).toEqual(['钱多多', '孙小美']);
    expect(otherVolunteers(paired.slice(0, 1), 'me')).toEqual([]);
  });

  it('lists names as each language does', () => {
    expect(listNames(['钱多多', '孙小美'], 'zh-CN')).toBe('钱多多和孙小美');
    expect(listNames(['Qian', 'Sun', 'Zhao'], 'en')).toBe('Qian, Sun, and Zhao');
  });
});
