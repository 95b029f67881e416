import type { NeedAudience, NeedRecipients } from '../needs/needs.recipients.js';

/*
 * Who hears what, as data (pure, unit-tested): which message each order event sends to which
 * relation of the need, which group a message type belongs to, and which outside channels a group
 * uses by default. The subscriber asks the needs service for the people and applies this.
 */

/** What a message is about, for its link: a need, a whistle, a webhook (the district admin's 接口推送 page), a team (joining it, leading it), a volunteer's registration, a post (岗位), a conduct incident, an activity or a partner unit. */
export const subjectTypes = ['need', 'whistle', 'webhook', 'team', 'volunteer', 'post', 'conduct', 'activity', 'partnerUnit', 'redemption', 'careRecipient'] as const;
export type SubjectType = (typeof subjectTypes)[number];

/** Groups of message types a person switches channels for. */
export const inboxGroups = ['orders', 'deadlines', 'overdue'] as const;
export type InboxGroup = (typeof inboxGroups)[number];

/** Channels a person may switch; the inbox itself is always on and not one of them. */
export const outsideChannels = ['sms'] as const;
export type ChannelName = (typeof outsideChannels)[number];

/** SMS only for what is urgent: deadline warnings and overdue reminders. */
export const channelDefaults: Record<InboxGroup, Record<ChannelName, boolean>> = {
  orders: { sms: false },
  deadlines: { sms: true },
  overdue: { sms: true },
};

/** `deadline.overdue…` and `deadline.remind…` are reminders; other `deadline.…` are warnings; the rest is the order chain. */
export function groupOf(type: string): InboxGroup {
  if (/^deadline\.(overdue|remind)/.test(type)) return 'overdue';
  if (type.startsWith('deadline.')) return 'deadlines';
  return 'orders';
}

/** Whether a channel carries a group for one person: their own choice, else the default. */
export function channelAllowed(group: InboxGroup, channel: ChannelName, choices: ReadonlyMap<string, boolean>): boolean {
  return choices.get(`${group}:${channel}`) ?? channelDefaults[group][channel];
}

type Rule = { to: NeedAudience | 'assignedVolunteer'; type: string; when?: (payload: Record<string, unknown>) => boolean };

const dispatched: Rule[] = [
  { to: 'teamLeader', type: 'needs.teamDispatched' },
  { to: 'requester', type: 'needs.dispatched' },
];

/**
 * Order events (`needs.<action>`, published by needs.transitions.ts) → messages. The order of the
 * rules is their priority: one person gets at most one message per event, the first that names them.
 */
export const needRules: Record<string, Rule[]> = {
  'needs.submit': [{ to: 'communityStaff', type: 'needs.submitted' }],
  'needs.verify': [{ to: 'requester', type: 'needs.verifying' }],
  'needs.accept': [{ to: 'requester', type: 'needs.accepted' }],
  'needs.reject': [{ to: 'requester', type: 'needs.rejected' }],
  'needs.merge': [{ to: 'requester', type: 'needs.merged' }],
  'needs.dispatch': dispatched,
  'needs.rule': dispatched,
  'needs.pool': [{ to: 'requester', type: 'needs.pooled' }],
  'needs.take': [{ to: 'requester', type: 'needs.taken' }],
  'needs.decline': [
    // a second decline waits for the street's ruling (审定)
    { to: 'streetStaff', type: 'needs.rulingNeeded', when: (p) => Number(p.declineCount) >= 2 },
    { to: 'communityStaff', type: 'needs.declined' },
  ],
  'needs.assign': [
    { to: 'assignedVolunteer', type: 'needs.assigned' },
    { to: 'requester', type: 'needs.claimed' },
  ],
  'needs.grab': [{ to: 'requester', type: 'needs.claimed' }],
  // several volunteers may check in: the requester hears of the first
  'needs.checkIn': [{ to: 'requester', type: 'needs.inService', when: (p) => p.from !== 'in_service' }],
  'needs.complete': [{ to: 'requester', type: 'needs.completed' }],
  'needs.rate': [{ to: 'volunteers', type: 'needs.rated' }],
  // a poor rating: the community dispatches again, the volunteers of the last round hear why
  'needs.reopen': [
    { to: 'volunteers', type: 'needs.taskReopened' },
    { to: 'communityStaff', type: 'needs.redo' },
    { to: 'requester', type: 'needs.reopened' },
  ],
  'needs.close': [{ to: 'requester', type: 'needs.closed' }],
  'needs.confirm': [{ to: 'requester', type: 'needs.closed' }],
  'needs.cancel': [
    { to: 'volunteers', type: 'needs.taskCancelled' },
    { to: 'teamLeader', type: 'needs.taskCancelled' },
    { to: 'requester', type: 'needs.cancelled' },
  ],
  'needs.escalate': [{ to: 'requester', type: 'needs.escalated' }],
  'needs.reply': [{ to: 'requester', type: 'needs.replied' }],
};

/** Every message type the order rules can produce (each has its words: notifications.messages.ts). */
export const needMessageTypes = [...new Set(Object.values(needRules).flatMap((rules) => rules.map((r) => r.type)))];

export type NeedEvent = { type: string; actorId: string | null; payload: Record<string, unknown> };

const applies = (rule: Rule, e: NeedEvent) => !rule.when || rule.when(e.payload);

/** The relations to look up for this event (none: nothing to send). */
export function audiencesFor(e: NeedEvent): NeedAudience[] {
  const rules = (needRules[e.type] ?? []).filter((r) => applies(r, e));
  return [...new Set(rules.map((r) => r.to).filter((to): to is NeedAudience => to !== 'assignedVolunteer'))];
}

/**
 * Values a message's words may use, taken from the event: never a note or a comment, which stay on the
 * timeline. The need's title is the one text a person wrote that a message carries (the subscriber adds
 * it as `needTitle`, cut at 20 characters): everyone told already sees it on the need, and it is how a
 * resident knows her need.
 */
export function paramsOf(e: NeedEvent): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (typeof e.payload.teamName === 'string') params.teamName = e.payload.teamName;
  if (typeof e.payload.rating === 'number') params.rating = e.payload.rating;
  return params;
}

export type Delivery = { type: string; recipients: string[] };

/** A message about a need as `notify` takes it, without its key. */
export type NeedMessage = { type: string; recipients: string[]; subject: { type: 'need'; id: string; label: string }; params: Record<string, string | number> };

/**
 * The messages an order event sends: who hears what (`plan`), with the event's values and the need's
 * title (`needTitle`). The subscriber sends them as events are delivered; the demo writes those its
 * past events would have sent (`notifications.recordPast`).
 */
export function needMessages(e: NeedEvent, subject: NeedMessage['subject'], people: NeedRecipients): NeedMessage[] {
  const params = { ...paramsOf(e), ...(people.title ? { needTitle: people.title } : {}) };
  return plan(e, people).map((d) => ({ type: d.type, recipients: d.recipients, subject, params }));
}

/** Who gets which message: never the person who acted, at most one message each, in rule order. */
export function plan(e: NeedEvent, people: NeedRecipients): Delivery[] {
  const told = new Set<string>(e.actorId ? [e.actorId] : []);
  const out: Delivery[] = [];
  for (const rule of needRules[e.type] ?? []) {
    if (!applies(rule, e)) continue;
    const candidates = rule.to === 'assignedVolunteer' ? (typeof e.payload.volunteerId === 'string' ? [e.payload.volunteerId] : []) : people[rule.to];
    const recipients = candidates.filter((id) => !told.has(id));
    recipients.forEach((id) => told.add(id));
    const same = out.find((d) => d.type === rule.type);
    if (same) same.recipients.push(...recipients);
    else if (recipients.length) out.push({ type: rule.type, recipients });
  }
  return out.filter((d) => d.recipients.length > 0);
}
