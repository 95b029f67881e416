import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useListQuery } from '../../lib/use-list-query';
import { teamsApi, type RequestQuery, type TeamQuery } from './teams.api';

/**
 * Every teams query lives under ['teams'] (the order chain's dispatch picker too, so a new or
 * dissolved team shows there at once); a change refreshes them all.
 */
export const teamKeys = {
  all: ['teams'] as const,
  lists: ['teams', 'list'] as const,
  detail: (id: string) => ['teams', 'detail', id] as const,
  near: ['teams', 'near'] as const,
  joined: ['teams', 'joined'] as const,
  requests: ['teams', 'requests'] as const,
};

export function useTeams(query: TeamQuery) {
  return useListQuery({ key: teamKeys.lists, query, fetch: teamsApi.list });
}

export function useTeam(id: string | undefined) {
  return useQuery({ queryKey: teamKeys.detail(id ?? ''), queryFn: () => teamsApi.get(id!), enabled: Boolean(id) });
}

export function useNearTeams() {
  return useQuery({ queryKey: teamKeys.near, queryFn: teamsApi.near });
}

export function useJoinedTeams() {
  return useQuery({ queryKey: teamKeys.joined, queryFn: teamsApi.joined });
}

export function useTeamRequests(query: RequestQuery, enabled = true) {
  return useListQuery({ key: teamKeys.requests, query, fetch: teamsApi.requests, enabled });
}

/** A change to teams or requests: afterwards every teams query (lists, pages, requests, the dispatch picker) is read again. */
export function useTeamChange<V, R>(run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: teamKeys.all }) });
}
