import i18next from 'i18next';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import needsZh from '../src/features/needs/locales/zh-CN.json';
import type { NeedSummary } from '../src/features/needs/needs.api';

// needs.format reaches the app's i18n through the API client, which names the page's language
globalThis.document ??= { documentElement: {} } as Document;
const { NeedStatusTag } = await import('../src/features/needs/desk/NeedStatusTag');
// (the phone's MobileStatusTag decides by the same whistleClosed; antd-mobile's styles do not load under Node)
const { whistleClosed } = await import('../src/features/needs/needs.format');

const text = async (element: ReactElement) => {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ lng: 'zh-CN', ns: ['needs'], resources: { 'zh-CN': { needs: needsZh } }, interpolation: { escapeValue: false }, showSupportNotice: false });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, element)).replace(/<[^>]+>/g, '');
};

/** A list row as /api/needs gives it: `whistle` while escalated, null otherwise. */
const row = (status: NeedSummary['status'], whistle: NeedSummary['whistle']) => ({ status, whistle, deadlineAt: null });

describe('a need’s state tag in the lists', () => {
  it('an escalated need reads 已吹哨 while its whistle is open and 已结束吹哨 once the street closed it', async () => {
    for (const [status, whistle, words] of [
      ['escalated', 'open', '已吹哨'],
      ['escalated', 'closed', '已结束吹哨'],
      ['escalated', null, '已吹哨'],
      ['dispatched', null, '已派单'],
    ] as const) {
      expect(await text(createElement(NeedStatusTag, { need: row(status, whistle) }))).toBe(words);
      expect(whistleClosed({ status, whistle })).toBe(words === '已结束吹哨');
    }
  });
});
