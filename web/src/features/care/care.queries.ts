import { useQuery } from '@tanstack/react-query';
import { useListQuery } from '../../lib/use-list-query';
import { careApi, type RecipientQuery } from './care.api';

/** Every care query lives under ['care']: a change refreshes them all. */
export const careKeys = {
  all: ['care'] as const,
  lists: ['care', 'list'] as const,
  mine: ['care', 'mine'] as const,
  one: (id: string) => ['care', 'one', id] as const,
  plans: (id: string) => ['care', 'plans', id] as const,
  visits: (id: string) => ['care', 'visits', id] as const,
  types: ['care', 'types'] as const,
};

export function useRecipients(query: RecipientQuery) {
  return useListQuery({ key: careKeys.lists, query, fetch: careApi.list });
}

export function useRecipient(id: string) {
  return useQuery({ queryKey: careKeys.one(id), queryFn: () => careApi.get(id) });
}

export function useMyRecipients() {
  return useQuery({ queryKey: careKeys.mine, queryFn: () => careApi.mine() });
}

export function useCarePlans(id: string) {
  return useQuery({ queryKey: careKeys.plans(id), queryFn: () => careApi.plans(id) });
}

export function useVisits(id: string) {
  return useQuery({ queryKey: careKeys.visits(id), queryFn: () => careApi.visits(id, 1, 50) });
}

export function useCareTypes(includeRetired = false) {
  return useQuery({ queryKey: [...careKeys.types, includeRetired], queryFn: () => careApi.types(includeRetired || undefined), staleTime: 60_000 });
}
