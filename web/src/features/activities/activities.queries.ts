import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useListQuery } from '../../lib/use-list-query';
import { activitiesApi, type ActivityQuery } from './activities.api';

/** Every activities query lives under ['activities']; a change refreshes them all. */
export const activityKeys = {
  all: ['activities'] as const,
  lists: ['activities', 'list'] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
  signups: (id: string) => ['activities', 'signups', id] as const,
  hours: (id: string) => ['activities', 'hours', id] as const,
};

export function useActivities(query: ActivityQuery, enabled = true) {
  return useListQuery({ key: activityKeys.lists, query, fetch: activitiesApi.list, enabled });
}

export function useActivity(id: string | undefined) {
  return useQuery({ queryKey: activityKeys.detail(id ?? ''), queryFn: () => activitiesApi.get(id!), enabled: Boolean(id) });
}

export function useSignups(id: string, enabled = true) {
  return useQuery({ queryKey: activityKeys.signups(id), queryFn: () => activitiesApi.signups(id), enabled });
}

export function useHours(id: string, enabled = true) {
  return useQuery({ queryKey: activityKeys.hours(id), queryFn: () => activitiesApi.hours(id), enabled });
}

/** A change to activities (sign-up, check-in, a decision …): everything about activities is read again. */
export function useActivityChange<V, R>(run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: activityKeys.all }) });
}
