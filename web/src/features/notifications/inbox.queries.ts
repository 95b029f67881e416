import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useInfiniteListQuery, useListQuery } from '../../lib/use-list-query';
import { inboxApi, type InboxQuery, type PreferenceChoice } from './inbox.api';
import { inboxKeys } from './inbox.unread';

export { inboxKeys, useUnreadCount } from './inbox.unread';

/** One page of my messages; the server words them in the UI language, so that is part of the key. */
export function useInboxPage(query: InboxQuery, enabled = true) {
  const { i18n } = useTranslation();
  return useListQuery({ key: inboxKeys.lists, query: { ...query, language: i18n.language }, fetch: ({ language: _language, ...q }, signal) => inboxApi.list(q, signal), enabled });
}

/** The phone list, growing as the user scrolls. */
export function useInboxPages(query: Omit<InboxQuery, 'page'>) {
  const { i18n } = useTranslation();
  return useInfiniteListQuery({ key: inboxKeys.lists, query: { ...query, language: i18n.language }, fetch: ({ language: _language, ...q }, signal) => inboxApi.list(q, signal) });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({ mutationFn: inboxApi.markRead, onSuccess: () => client.invalidateQueries({ queryKey: inboxKeys.all }) });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({ mutationFn: inboxApi.markAllRead, onSuccess: () => client.invalidateQueries({ queryKey: inboxKeys.all }) });
}

export function useInboxPreferences() {
  return useQuery({ queryKey: inboxKeys.preferences, queryFn: inboxApi.preferences });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (items: PreferenceChoice[]) => inboxApi.savePreferences(items), onSuccess: (saved) => client.setQueryData(inboxKeys.preferences, saved) });
}
