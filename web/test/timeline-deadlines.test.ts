import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { NeedEvent } from '../src/features/needs/needs.api';
import needsZh from '../src/features/needs/locales/zh-CN.json';

// needs.format reaches the app's i18n through the API client, which names the page's language
globalThis.document ??= { documentElement: {} } as Document;
const { eventFacts } = await import('../src/features/needs/needs.format');

const i18n = i18next.createInstance();
await i18n.init({ lng: 'zh-CN', ns: ['needs'], defaultNS: 'needs', resources: { 'zh-CN': { needs: needsZh } } });
const t = i18n.getFixedT('zh-CN', 'needs');
const event = (action: string, data: Record<string, unknown>): NeedEvent => ({ seq: 1, at: '2026-06-01T01:00:00Z', action, fromStatus: null, toStatus: 'accepted', actorRole: 'communityAdmin', actorName: null, note: null, attachments: [], data });
const facts = (e: NeedEvent) => eventFacts(e, { assignments: [] }, t).join(' | ');

describe('deadlines on a need’s timeline', () => {
  it('are shown to the minute in Beijing time, never with seconds', () => {
    expect(facts(event('accept', { severity: 'general', deadlineAt: '2026-06-03T09:30:45.123Z' }))).toContain('2026-06-03 17:30');
    expect(facts(event('accept', { severity: 'general', deadlineAt: '2026-06-03T09:30:45.123Z' }))).not.toContain('17:30:45');
    expect(facts(event('extendApprove', { deadlineAt: '2026-06-05T15:59:59Z' }))).toMatch(/2026-06-05 23:59(?!:)/);
    expect(facts(event('extendAsk', { newDeadline: '2026-06-05T15:59:59Z' }))).toMatch(/2026-06-05 23:59(?!:)/);
  });
});
