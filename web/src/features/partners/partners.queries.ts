import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useListQuery } from '../../lib/use-list-query';
import { partnersApi, type BehindQuery, type PartnerUnitQuery } from './partners.api';

/** Every partners query lives under ['partners']; a change reads the lists and the unit's page again. */
export const partnerKeys = {
  all: ['partners'] as const,
  lists: ['partners', 'list'] as const,
  detail: (id: string) => ['partners', 'detail', id] as const,
  behind: ['partners', 'behind'] as const,
  mine: ['partners', 'mine'] as const,
};

export function usePartnerUnits(query: PartnerUnitQuery) {
  return useListQuery({ key: partnerKeys.lists, query, fetch: partnersApi.list });
}

export function usePartnerUnit(id: string | undefined) {
  return useQuery({ queryKey: partnerKeys.detail(id ?? ''), queryFn: () => partnersApi.get(id!), enabled: Boolean(id) });
}

export function useBehind(query: BehindQuery) {
  return useListQuery({ key: partnerKeys.behind, query, fetch: partnersApi.behind });
}

export function useMyUnits() {
  return useQuery({ queryKey: partnerKeys.mine, queryFn: partnersApi.mine });
}

/** "Remind now": once a day per person (the server refuses a second with a message to show). */
export function useRemind() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: partnersApi.remind, onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.all }) });
}
