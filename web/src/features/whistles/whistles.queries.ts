import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { useListQuery } from '../../lib/use-list-query';
import { whistlesApi, type Whistle, type WhistleQuery } from './whistles.api';

/** Every whistles query lives under ['whistles']; a change refreshes the lists and the need's panel. */
export const whistleKeys = {
  all: ['whistles'] as const,
  lists: ['whistles', 'list'] as const,
  detail: (id: string) => ['whistles', 'detail', id] as const,
  units: ['whistle-units'] as const,
};

export function useWhistles(query: WhistleQuery, enabled = true) {
  return useListQuery({ key: whistleKeys.lists, query, fetch: whistlesApi.list, enabled });
}

export function useWhistle(id: string | undefined) {
  return useQuery({ queryKey: whistleKeys.detail(id ?? ''), queryFn: () => whistlesApi.get(id!), enabled: Boolean(id) });
}

export function useUnits(query: { whistleId?: string; includeRetired?: boolean }, enabled = true) {
  return useQuery({ queryKey: [...whistleKeys.units, query], queryFn: () => whistlesApi.units(query), enabled });
}

/**
 * One step on a whistle (call in, report in, record a part, close): the answer is the whistle as
 * the caller now sees it; lists, the need's page (its timeline) and the inbox are read again.
 */
export function useWhistleStep<V>(id: string, run: (vars: V) => Promise<Whistle>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (whistle) => {
      queryClient.setQueryData(whistleKeys.detail(id), whistle);
      await Promise.all([queryClient.invalidateQueries({ queryKey: whistleKeys.lists }), queryClient.invalidateQueries({ queryKey: ['needs'] })]);
    },
    onError: async (error) => {
      // someone else moved it on (another contact, the street closing it): show where it stands now
      if (isApiError(error) && error.status === 409) await queryClient.invalidateQueries({ queryKey: whistleKeys.detail(id) });
    },
  });
}
