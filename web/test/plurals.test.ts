import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import postsEn from '../src/features/posts/locales/en.json';
import postsZh from '../src/features/posts/locales/zh-CN.json';
import teamsEn from '../src/features/teams/locales/en.json';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', fallbackLng: false, ns: ['posts', 'teams'], resources: { en: { posts: postsEn, teams: teamsEn }, 'zh-CN': { posts: postsZh } } });

describe('counts in English', () => {
  it('say one of a thing in the singular and more in the plural', () => {
    const en = i18n.getFixedT('en', 'posts');
    expect(en('inServiceClaims', { count: 1 })).toBe('1 in-service party member');
    expect(en('inServiceClaims', { count: 3 })).toBe('3 in-service party members');
    expect(i18n.getFixedT('en', 'teams')('h5.members', { count: 1 })).toBe('1 member');
  });

  it('leave Chinese, which has no plural, on its one key', () => {
    expect(i18n.getFixedT('zh-CN', 'posts')('inServiceClaims', { count: 1 })).toBe(postsZh.inServiceClaims.replace('{{count}}', '1'));
  });
});
