import { useQuery } from '@tanstack/react-query';
import { useListQuery } from '../../lib/use-list-query';
import { postsApi, type PostQuery } from './posts.api';

/** Every posts query lives under ['posts'] (types under ['post-types']): a change refreshes them all. */
export const postKeys = {
  all: ['posts'] as const,
  lists: ['posts', 'list'] as const,
  counts: ['posts', 'counts'] as const,
  claimants: (id: string) => ['posts', 'claimants', id] as const,
  near: ['posts', 'near'] as const,
  mine: ['posts', 'mine'] as const,
  types: ['post-types'] as const,
  templates: ['post-templates'] as const,
};

export function usePosts(query: PostQuery) {
  return useListQuery({ key: postKeys.lists, query, fetch: postsApi.list });
}

export function usePostTypes(includeRetired = false) {
  return useQuery({ queryKey: [...postKeys.types, includeRetired], queryFn: () => postsApi.types(includeRetired || undefined) });
}

export function usePostTemplates(enabled = true) {
  return useQuery({ queryKey: postKeys.templates, queryFn: () => postsApi.templates(), enabled, staleTime: 60_000 });
}

export function usePostCounts(regionId: string | undefined, enabled: boolean) {
  return useQuery({ queryKey: [...postKeys.counts, regionId], queryFn: () => postsApi.counts(regionId), enabled });
}

export function useClaimants(id: string | undefined) {
  return useQuery({ queryKey: postKeys.claimants(id ?? ''), queryFn: () => postsApi.claimants(id!), enabled: Boolean(id) });
}

export function useMyPosts(enabled = true) {
  return useQuery({ queryKey: postKeys.mine, queryFn: () => postsApi.mine(), enabled });
}
