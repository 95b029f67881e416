import { describe, expect, it } from 'vitest';
import { hasMessage, translate } from '../../platform/i18n/i18n.js';
import type { NeedRecipients } from '../needs/needs.recipients.js';
import { renderMessage, subjectWords, typesWithWords } from './notifications.messages.js';
import { audiencesFor, channelAllowed, groupOf, needMessageTypes, paramsOf, plan, type NeedEvent } from './notifications.policy.js';

const people: NeedRecipients = {
  requester: ['resident'],
  teamLeader: ['leader'],
  volunteers: ['vol1', 'vol2'],
  communityStaff: ['communityAdmin', 'gridWorker'],
  streetStaff: ['streetAdmin'],
};
const ev = (type: string, actorId: string | null, payload: Record<string, unknown> = {}): NeedEvent => ({ type, actorId, payload: { number: 'XQ1', ...payload } });
const who = (e: NeedEvent) => Object.fromEntries(plan(e, people).map((d) => [d.type, d.recipients]));

describe('who hears of an order event', () => {
  it('a new need is announced to the community staff over it, not to the resident who posted it', () => {
    expect(audiencesFor(ev('needs.submit', 'resident'))).toEqual(['communityStaff']);
    expect(who(ev('needs.submit', 'resident'))).toEqual({ 'needs.submitted': ['communityAdmin', 'gridWorker'] });
  });

  it('a dispatch tells the leader of the team and the requester, with the team’s name', () => {
    const e = ev('needs.dispatch', 'communityAdmin', { teamId: 't1', teamName: '光明队' });
    expect(who(e)).toEqual({ 'needs.teamDispatched': ['leader'], 'needs.dispatched': ['resident'] });
    expect(paramsOf(e)).toEqual({ teamName: '光明队' });
  });

  it('a ruling after two declines dispatches like a dispatch', () => {
    expect(who(ev('needs.rule', 'streetAdmin', { teamId: 't1' }))).toEqual({ 'needs.teamDispatched': ['leader'], 'needs.dispatched': ['resident'] });
  });

  it('a first decline goes to the community; a second also asks the street for a ruling', () => {
    expect(who(ev('needs.decline', 'leader', { declineCount: 1 }))).toEqual({ 'needs.declined': ['communityAdmin', 'gridWorker'] });
    expect(audiencesFor(ev('needs.decline', 'leader', { declineCount: 1 }))).toEqual(['communityStaff']);
    expect(who(ev('needs.decline', 'leader', { declineCount: 2 }))).toEqual({ 'needs.rulingNeeded': ['streetAdmin'], 'needs.declined': ['communityAdmin', 'gridWorker'] });
  });

  it('an assignment tells that volunteer (not the others) and the requester', () => {
    expect(who(ev('needs.assign', 'leader', { volunteerId: 'vol2' }))).toEqual({ 'needs.assigned': ['vol2'], 'needs.claimed': ['resident'] });
  });

  it('the requester hears of the first check-in only', () => {
    expect(who(ev('needs.checkIn', 'vol1', { from: 'claimed' }))).toEqual({ 'needs.inService': ['resident'] });
    expect(who(ev('needs.checkIn', 'vol2', { from: 'in_service' }))).toEqual({});
    expect(audiencesFor(ev('needs.checkIn', 'vol2', { from: 'in_service' }))).toEqual([]);
  });

  it('a cancellation tells the volunteers and the leader the task is off, and the requester when staff cancelled', () => {
    expect(who(ev('needs.cancel', 'resident'))).toEqual({ 'needs.taskCancelled': ['vol1', 'vol2', 'leader'] });
    expect(who(ev('needs.cancel', 'communityAdmin'))).toEqual({ 'needs.taskCancelled': ['vol1', 'vol2', 'leader'], 'needs.cancelled': ['resident'] });
  });

  it('a poor rating reopens: the volunteers, the community (to dispatch again) and the requester hear of it', () => {
    expect(who(ev('needs.rate', 'resident', { rating: 1 }))).toEqual({ 'needs.rated': ['vol1', 'vol2'] });
    expect(paramsOf(ev('needs.rate', 'resident', { rating: 1, comment: '很差' }))).toEqual({ rating: 1 });
    expect(who(ev('needs.reopen', null))).toEqual({ 'needs.taskReopened': ['vol1', 'vol2'], 'needs.redo': ['communityAdmin', 'gridWorker'], 'needs.reopened': ['resident'] });
  });

  it('the requester hears of accept, reject, completion and closing; never of their own action', () => {
    for (const [type, message] of [['needs.accept', 'needs.accepted'], ['needs.reject', 'needs.rejected'], ['needs.complete', 'needs.completed'], ['needs.close', 'needs.closed'], ['needs.confirm', 'needs.closed']]) {
      expect(who(ev(type!, 'someoneElse'))).toEqual({ [message!]: ['resident'] });
    }
    expect(who(ev('needs.accept', 'resident'))).toEqual({});
  });

  it('one person in two relations gets one message: the first rule that names them', () => {
    const leaderIsRequester = { ...people, requester: ['leader'] };
    expect(plan(ev('needs.dispatch', 'communityAdmin'), leaderIsRequester)).toEqual([{ type: 'needs.teamDispatched', recipients: ['leader'] }]);
  });

  it('an event nobody maps sends nothing', () => {
    expect(audiencesFor(ev('needs.somethingNew', 'x'))).toEqual([]);
    expect(plan(ev('needs.somethingNew', 'x'), people)).toEqual([]);
  });
});

describe('channels and groups', () => {
  it('deadline warnings and overdue reminders go by SMS by default; order news only to the inbox', () => {
    expect(groupOf('deadline.warn50')).toBe('deadlines');
    expect(groupOf('deadline.overdue')).toBe('overdue');
    expect(groupOf('deadline.remind.level2')).toBe('overdue');
    expect(groupOf('needs.dispatched')).toBe('orders');
    const none = new Map<string, boolean>();
    expect(channelAllowed('deadlines', 'sms', none)).toBe(true);
    expect(channelAllowed('overdue', 'sms', none)).toBe(true);
    expect(channelAllowed('orders', 'sms', none)).toBe(false);
  });

  it('a person’s own choice wins over the default, both ways', () => {
    expect(channelAllowed('deadlines', 'sms', new Map([['deadlines:sms', false]]))).toBe(false);
    expect(channelAllowed('orders', 'sms', new Map([['orders:sms', true]]))).toBe(true);
  });
});

describe('message words', () => {
  it('every type the order rules send has a title, a body and an SMS text in both languages', () => {
    const missing = needMessageTypes.filter((t) => !typesWithWords.includes(t));
    expect(missing).toEqual([]);
    for (const t of typesWithWords) for (const locale of ['zh-CN', 'en'] as const) {
      for (const key of [`inbox.${t}.title`, `inbox.${t}.body`, `notify.inbox.${t}`]) expect(hasMessage(locale, key), `${locale} ${key}`).toBe(true);
    }
  });

  it('renders in the reader’s language with the subject and params; an unknown type reads as a plain message', () => {
    expect(renderMessage('zh-CN', { type: 'needs.dispatched', subjectLabel: 'XQ1', params: { teamName: '光明队' } })).toEqual({ title: '需求已派单', body: '您的需求XQ1已派给「光明队」。' });
    // a need the sender named: by its title with its number, a long title cut at 20 characters
    expect(renderMessage('zh-CN', { type: 'needs.accepted', subjectLabel: 'XQ1', params: { needTitle: ' 上门理发 ' } }).body).toBe('您的需求「上门理发」（XQ1）已受理，我们会尽快安排服务。');
    expect(renderMessage('en', { type: 'needs.accepted', subjectLabel: 'XQ1', params: { needTitle: 'Haircut at home' } }).body).toBe('Your need “Haircut at home” (XQ1) was accepted; a service will be arranged soon.');
    expect(subjectWords('zh-CN', 'XQ1', { needTitle: '一二三四五六七八九十一二三四五六七八九十' })).toBe('「一二三四五六七八九十一二三四五六七八九十」（XQ1）');
    expect(subjectWords('zh-CN', 'XQ1', { needTitle: '一二三四五六七八九十一二三四五六七八九十一' })).toBe('「一二三四五六七八九十一二三四五六七八九…」（XQ1）');
    expect(subjectWords('zh-CN', '光明队', {})).toBe('光明队');
  });

  it('an SMS about a need fits one message (70 characters) with the longest title it quotes', () => {
    const params = { needTitle: '一二三四五六七八九十一二三四五六七八九十一二三' };
    for (const type of typesWithWords.filter((t) => /^(needs|deadline|oversight)\./.test(t))) {
      const text = translate('zh-CN', `notify.inbox.${type}`, { ...params, teamName: '光明社区红马甲志愿服务队', rating: 5, subject: subjectWords('zh-CN', 'XQ20261205-66QL7J', params) });
      expect([...text].length, `${type}: ${text}`).toBeLessThanOrEqual(70);
    }
    expect(renderMessage('en', { type: 'needs.dispatched', subjectLabel: 'XQ1', params: { teamName: 'Team A' } }).body).toBe('Your need XQ1 was dispatched to Team A.');
    expect(renderMessage('en', { type: 'somebody.new', subjectLabel: 'XQ1', params: {} })).toEqual({ title: 'New message', body: 'There is news about XQ1.' });
  });
});
