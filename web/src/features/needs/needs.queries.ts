import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { useListQuery } from '../../lib/use-list-query';
import { categoriesApi, teamsApi } from './categories.api';
import { isHidden, needsApi, type CountsQuery, type NeedAction, type NeedDetail, type NeedListQuery, type NewNeed } from './needs.api';

/** Every needs query lives under ['needs'], so one invalidation after a change refreshes them all. */
export const needKeys = {
  all: ['needs'] as const,
  lists: ['needs', 'list'] as const,
  /** Under the lists: whatever refreshes the lists refreshes the counts. */
  counts: ['needs', 'list', 'counts'] as const,
  detail: (id: string) => ['needs', 'detail', id] as const,
  similar: ['needs', 'similar'] as const,
  replyTemplates: ['reply-templates'] as const,
};

const REFERENCE_STALE_MS = 10 * 60_000;

/** One page of needs for the query on screen (filters, view, page, page size), and nothing else. */
export function useNeedsPage(query: NeedListQuery, enabled = true) {
  return useListQuery({ key: needKeys.lists, query, fetch: needsApi.list, enabled });
}

/** The caller's to-do counts (the workbench, the ledger's tabs); under ['needs'], so every change refreshes them. */
export function useTodoCounts(query: CountsQuery, enabled = true) {
  return useListQuery({ key: needKeys.counts, query, fetch: needsApi.counts, enabled });
}

export function useNeedDetail(id: string | undefined) {
  return useQuery({ queryKey: needKeys.detail(id ?? ''), queryFn: () => needsApi.get(id!), enabled: Boolean(id) });
}

export function useSimilarNeeds(categoryId: string | undefined, regionId: string | undefined) {
  return useListQuery({
    key: needKeys.similar,
    query: { categoryId: categoryId ?? '', regionId: regionId ?? '' },
    fetch: (q, signal) => needsApi.similar(q.categoryId, q.regionId, signal),
    enabled: Boolean(categoryId && regionId),
    staleTime: 60_000,
  });
}

export function useCategories() {
  return useQuery({ queryKey: ['need-categories'], queryFn: categoriesApi.list, staleTime: REFERENCE_STALE_MS });
}

export function useDeclineReasons(enabled = true) {
  return useQuery({ queryKey: ['decline-reasons'], queryFn: categoriesApi.declineReasons, staleTime: REFERENCE_STALE_MS, enabled });
}

export function useReplyTemplates(status: string | undefined, categoryId: string | undefined, enabled = true) {
  return useListQuery({ key: needKeys.replyTemplates, query: { status, categoryId }, fetch: categoriesApi.replyTemplates, staleTime: REFERENCE_STALE_MS, enabled });
}

export function useTeamsInScope(enabled = true) {
  return useQuery({ queryKey: ['teams', 'scope'], queryFn: teamsApi.inScope, staleTime: 60_000, enabled });
}

export function useMyTeams(enabled = true) {
  return useQuery({ queryKey: ['teams', 'mine'], queryFn: teamsApi.mine, staleTime: 60_000, enabled });
}

export function useTeamMembers(teamId: string | null | undefined) {
  return useQuery({ queryKey: ['teams', 'members', teamId], queryFn: () => teamsApi.members(teamId!), enabled: Boolean(teamId) });
}

/**
 * Answers meaning "what you saw is out of date" (someone else acted first): the need and the lists
 * are read again, so the screen shows the state the server refused from.
 */
const staleCodes = ['needs.illegal_transition', 'needs.already_taken', 'needs.ruling_pending', 'needs.not_found'];

export function isStaleAnswer(error: unknown): boolean {
  return staleCodes.some((code) => isApiError(error, code));
}

/** Server action paths are kebab-case ("checkIn" → "check-in"). */
export const actionPath = (action: NeedAction) => action.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** One order action; the answer replaces the cached need, and every list is refreshed. */
export function useNeedAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: NeedAction; body?: object }) => needsApi.act(id, actionPath(action), body ?? {}),
    onSuccess: async (result) => {
      if (isHidden(result)) queryClient.removeQueries({ queryKey: needKeys.detail(id) });
      else queryClient.setQueryData<NeedDetail>(needKeys.detail(id), result);
      await queryClient.invalidateQueries({ queryKey: needKeys.lists });
    },
    onError: async (error) => {
      if (isStaleAnswer(error)) await queryClient.invalidateQueries({ queryKey: needKeys.all });
    },
  });
}

export function useCreateNeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewNeed) => needsApi.create(body),
    // tried even when the browser says it is offline (the query client would hold it paused): the
    // phone's form then hears at once that it failed and keeps the need to send later (need-outbox.ts)
    networkMode: 'always',
    onSuccess: async (need) => {
      queryClient.setQueryData(needKeys.detail(need.id), need);
      await queryClient.invalidateQueries({ queryKey: needKeys.lists });
    },
  });
}

export function useFollowNeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => needsApi.follow(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: needKeys.lists }),
  });
}

/** The public board: the requester's consent, or an admin's 撤下公示 and 恢复公示. */
export function useSetOnBoard(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { consent: { shown: boolean; photos?: boolean } } | { withdrawal: { withdrawn: boolean; reason?: string } }) =>
      'consent' in change ? needsApi.setBoardConsent(id, change.consent) : needsApi.setBoardWithdrawal(id, change.withdrawal),
    onSuccess: async (need) => {
      queryClient.setQueryData<NeedDetail>(needKeys.detail(id), need);
      await queryClient.invalidateQueries({ queryKey: ['board'] });
    },
  });
}
