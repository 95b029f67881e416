import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useListQuery } from '../../lib/use-list-query';
import { volunteersApi, type VolunteerDetail, type VolunteerQuery } from './volunteers.api';

/** Every registry query lives under ['volunteers']; a decision refreshes the lists and the person. */
export const volunteerKeys = {
  all: ['volunteers'] as const,
  lists: ['volunteers', 'list'] as const,
  detail: (id: string) => ['volunteers', 'detail', id] as const,
  mine: ['volunteers', 'mine'] as const,
  settings: ['volunteers', 'settings'] as const,
};

export function useVolunteers(query: VolunteerQuery) {
  return useListQuery({ key: volunteerKeys.lists, query, fetch: volunteersApi.list });
}

export function useVolunteer(id: string | undefined) {
  return useQuery({ queryKey: volunteerKeys.detail(id ?? ''), queryFn: () => volunteersApi.get(id!), enabled: Boolean(id) });
}

export function useMyRegistration() {
  return useQuery({ queryKey: volunteerKeys.mine, queryFn: volunteersApi.mine });
}

/** A decision on one volunteer: the answer is the volunteer as they now stand. */
export function useDecision<V>(id: string, run: (vars: V) => Promise<VolunteerDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (volunteer) => {
      queryClient.setQueryData(volunteerKeys.detail(id), volunteer);
      await queryClient.invalidateQueries({ queryKey: volunteerKeys.lists });
    },
  });
}
