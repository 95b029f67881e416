import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requireActor } from '../../platform/auth/auth-plugin.js';
import { IdParams, Page } from '../../platform/http/schemas.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import { InboxMessage, InboxQuery, Preferences, PreferencesBody } from './notifications.schemas.js';

const tags = ['inbox'];
const NoBody = Type.Object({}, { additionalProperties: false });

/** Everyone's own inbox: only their messages, rendered in their language. */
export async function notificationsRoutes(app: AppInstance) {
  const svc = () => app.services.notifications;

  app.get('/api/inbox', { schema: { tags, operationId: 'listInbox', summary: 'My messages, newest first (unread=true: only unread)', querystring: InboxQuery, response: { 200: Page(InboxMessage) } } }, async (request) => {
    const { unread, page = 1, pageSize = 20 } = request.query;
    return svc().list(requireActor(request), { unread, page, pageSize }, pickLocale(request.headers['accept-language']));
  });

  app.get('/api/inbox/unread-count', { schema: { tags, operationId: 'countUnreadInbox', summary: 'How many of my messages are unread (the bell)', response: { 200: Type.Object({ count: Type.Integer() }) } } }, async (request) =>
    svc().unreadCount(requireActor(request)),
  );

  app.post('/api/inbox/:id/read', { schema: { tags, operationId: 'markInboxMessageRead', summary: 'Mark one of my messages read', params: IdParams, body: NoBody, response: { 200: InboxMessage } } }, async (request) =>
    svc().markRead(requireActor(request), request.params.id, pickLocale(request.headers['accept-language'])),
  );

  app.post('/api/inbox/read-all', { schema: { tags, operationId: 'markInboxAllRead', summary: 'Mark all my messages read', body: NoBody, response: { 200: Type.Object({ updated: Type.Integer() }) } } }, async (request) =>
    svc().markAllRead(requireActor(request)),
  );

  app.get('/api/inbox/preferences', { schema: { tags, operationId: 'getInboxPreferences', summary: 'Which groups of messages reach me by which channel', response: { 200: Preferences } } }, async (request) =>
    svc().preferences(requireActor(request)),
  );

  app.put('/api/inbox/preferences', { schema: { tags, operationId: 'saveInboxPreferences', summary: 'Switch outside channels (SMS) per group; the inbox stays on', body: PreferencesBody, response: { 200: Preferences } } }, async (request) =>
    svc().savePreferences(requireActor(request), request.body.items),
  );
}
