import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useListQuery } from '../../lib/use-list-query';
import { regionsApi, type NewRegion, type RegionPatch } from './regions.api';

/** Every region query lives under ['regions'], so one invalidation after a change refreshes them all. */
export const regionKeys = {
  all: ['regions'] as const,
  scope: () => ['regions', 'scope'] as const,
  children: (parentId: string) => ['regions', 'children', parentId] as const,
  node: (id: string) => ['regions', 'node', id] as const,
  search: ['regions', 'search'] as const,
  publicChildren: (parentId: string | undefined) => ['public-regions', parentId ?? 'top'] as const,
};

export const childrenQuery = (parentId: string) =>
  queryOptions({ queryKey: regionKeys.children(parentId), queryFn: () => regionsApi.children(parentId), staleTime: 60_000 });

export const nodeQuery = (id: string) => queryOptions({ queryKey: regionKeys.node(id), queryFn: () => regionsApi.get(id), staleTime: 60_000 });

export function useScopeRoot() {
  return useQuery({ queryKey: regionKeys.scope(), queryFn: regionsApi.scopeRoot, staleTime: 5 * 60_000 });
}

export function useRegionChildren(parentId: string) {
  return useQuery(childrenQuery(parentId));
}

export function useRegionDetail(id: string | undefined) {
  return useQuery({ ...nodeQuery(id ?? ''), enabled: Boolean(id) });
}

export function useRegionSearch(q: string) {
  return useListQuery({ key: regionKeys.search, query: { q }, fetch: (query, signal) => regionsApi.search(query.q, signal), enabled: q.length > 0, staleTime: 30_000 });
}

/** Add, rename, move, delete: each refreshes the tree (counts and child lists change together). */
export function useRegionChanges() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: regionKeys.all });
  return {
    create: useMutation({ mutationFn: (body: NewRegion) => regionsApi.create(body), onSuccess }),
    update: useMutation({ mutationFn: ({ id, patch }: { id: string; patch: RegionPatch }) => regionsApi.update(id, patch), onSuccess }),
    move: useMutation({ mutationFn: ({ id, parentId }: { id: string; parentId: string }) => regionsApi.move(id, parentId), onSuccess }),
    remove: useMutation({
      mutationFn: (id: string) => regionsApi.remove(id),
      // refresh everything except the queries about the deleted node itself: they would only 404
      onSuccess: (_ok, id) => queryClient.invalidateQueries({ queryKey: regionKeys.all, predicate: (query) => query.queryKey.at(-1) !== id }),
    }),
  };
}
