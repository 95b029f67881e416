import { Type } from '@sinclair/typebox';
import { PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { inboxGroups, outsideChannels, subjectTypes } from './notifications.policy.js';

export const InboxQuery = Type.Object(
  { unread: Type.Optional(Type.Boolean({ description: 'Only messages not read yet' })), page: Type.Optional(PageQuery.page), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })) },
  { additionalProperties: false },
);

export const InboxMessage = Type.Object({
  id: Type.String(),
  /** e.g. needs.dispatched, deadline.warn50 */
  type: Type.String(),
  title: Type.String({ description: 'In the caller’s language' }),
  body: Type.String({ description: 'In the caller’s language' }),
  subject: Type.Object({ type: StringEnum(subjectTypes), id: Type.String(), label: Type.String({ description: 'e.g. the need’s number, or a whistle’s need number, or a webhook’s name' }) }),
  read: Type.Boolean(),
  readAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

const Group = StringEnum(inboxGroups);

export const Preferences = Type.Object({
  channels: Type.Array(Type.Object({ name: StringEnum(outsideChannels), available: Type.Boolean({ description: 'Configured in this installation' }) })),
  items: Type.Array(Type.Object({ group: Group, channel: StringEnum(['inbox', ...outsideChannels] as const), enabled: Type.Boolean(), locked: Type.Boolean({ description: 'Not switchable (the inbox is always on)' }) })),
});

export const PreferencesBody = Type.Object(
  { items: Type.Array(Type.Object({ group: Group, channel: StringEnum(outsideChannels), enabled: Type.Boolean() }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }) },
  { additionalProperties: false },
);
