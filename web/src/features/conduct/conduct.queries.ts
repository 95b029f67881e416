import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useListQuery } from '../../lib/use-list-query';
import { conductApi, type IncidentQuery } from './conduct.api';

/** Every conduct query lives under ['conduct']; a change refreshes them all (and the inbox). */
export const conductKeys = {
  all: ['conduct'] as const,
  entries: ['conduct', 'entries'] as const,
  incidents: ['conduct', 'incidents'] as const,
  reviews: ['conduct', 'reviews'] as const,
  mine: ['conduct', 'mine'] as const,
  settings: ['conduct', 'settings'] as const,
};

export function useEntries(includeInactive = false) {
  return useQuery({ queryKey: [...conductKeys.entries, includeInactive], queryFn: () => conductApi.entries(includeInactive || undefined) });
}

export function useIncidents(query: IncidentQuery) {
  return useListQuery({ key: conductKeys.incidents, query, fetch: conductApi.incidents });
}

export function useReviews(query: { page: number; pageSize: number }) {
  return useListQuery({ key: conductKeys.reviews, query, fetch: conductApi.reviews });
}

export function useMyConduct() {
  return useQuery({ queryKey: conductKeys.mine, queryFn: conductApi.mine });
}

/** A conduct change: on success every conduct list is read again. */
export function useConductChange<V, R>(run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: conductKeys.all }) });
}
