import { api, type ApiBody, type ApiQuery, type ApiResponse } from '../../api/api';

/** One message, already in the reader's language (the server renders title and body). */
export type InboxMessage = ApiResponse<'/api/inbox', 'get'>['items'][number];
export type InboxQuery = ApiQuery<'/api/inbox', 'get'>;
export type InboxPreferences = ApiResponse<'/api/inbox/preferences', 'get'>;
export type PreferenceChoice = ApiBody<'/api/inbox/preferences', 'put'>['items'][number];

export const inboxApi = {
  list: (query: InboxQuery, signal?: AbortSignal) => api.get('/api/inbox', { query, signal }),
  unreadCount: () => api.get('/api/inbox/unread-count'),
  markRead: (id: string) => api.post('/api/inbox/{id}/read', { params: { id }, body: {} }),
  markAllRead: () => api.post('/api/inbox/read-all', { body: {} }),
  preferences: () => api.get('/api/inbox/preferences'),
  savePreferences: (items: PreferenceChoice[]) => api.put('/api/inbox/preferences', { body: { items } }),
};

/** Where a message leads: the need (the whistle, the team) it is about, on the surface the user is on; a webhook's, to the back office's 接口推送. */
/** Where a message leads: the need (or the whistle) it is about, on the surface the user is on; a webhook's, to the back office's 接口推送; a post's, to the volunteer's posts. */
export function subjectPath(message: Pick<InboxMessage, 'subject'>, surface: 'desk' | 'phone'): string {
  if (message.subject.type === 'webhook') return '/webhooks';
  // a unit's monthly summary: its page (the contact's on the phone)
  if (message.subject.type === 'partnerUnit') return surface === 'phone' ? '/h5/partner-unit' : `/partners/${message.subject.id}`;
  // a conduct incident: the volunteer's own record on the phone, the incidents page on the desk
  if (message.subject.type === 'conduct') return surface === 'phone' ? '/h5/conduct' : '/conduct';
  // a registration: staff open the volunteer on the desk, the volunteer their own card on the phone
  if (message.subject.type === 'volunteer') return surface === 'phone' ? '/h5/volunteer' : `/volunteers/${message.subject.id}`;
  // a post's message is for the volunteer: their posts on the phone, the posts list on the desk
  if (message.subject.type === 'post') return surface === 'phone' ? '/h5/posts?tab=mine' : '/posts';
  // a redemption (picked up, expired): the volunteer's own on the phone, the mall's list on the desk
  if (message.subject.type === 'redemption') return surface === 'phone' ? `/h5/mall/redemptions/${message.subject.id}` : '/mall/redemptions';
  // a person under care: their record on the desk, what a paired volunteer sees on the phone
  if (message.subject.type === 'careRecipient') return surface === 'phone' ? `/h5/care/${message.subject.id}` : `/care/${message.subject.id}`;
  const base = surface === 'phone' ? '/h5' : '';
  const folder = { need: 'needs', whistle: 'whistles', team: 'teams', activity: 'activities' }[message.subject.type];
  return `${base}/${folder}/${message.subject.id}`;
}
