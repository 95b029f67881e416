import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useListQuery } from '../../lib/use-list-query';
import { mallApi, type MallItemQuery, type RedemptionQuery } from './mall.api';

/** Every mall query lives under ['mall'] (and the points balance under ['ledger']); a change refreshes them all. */
export const mallKeys = {
  all: ['mall'] as const,
  items: ['mall', 'items'] as const,
  item: (id: string) => ['mall', 'item', id] as const,
  redemptions: ['mall', 'redemptions'] as const,
  redemption: (id: string) => ['mall', 'redemption', id] as const,
  points: ['ledger', 'me'] as const,
};

export const useMallItems = (query: MallItemQuery) => useListQuery({ key: mallKeys.items, query, fetch: mallApi.items });
export const useRedemptions = (query: RedemptionQuery) => useListQuery({ key: mallKeys.redemptions, query, fetch: mallApi.redemptions });
export const useMallItem = (id: string) => useQuery({ queryKey: mallKeys.item(id), queryFn: () => mallApi.item(id), enabled: Boolean(id) });
export const useRedemption = (id: string) => useQuery({ queryKey: mallKeys.redemption(id), queryFn: () => mallApi.redemption(id), enabled: Boolean(id) });
export const useMyPoints = () => useQuery({ queryKey: mallKeys.points, queryFn: mallApi.myPoints });

/** A change in the mall: items, redemptions and the balance are read again. */
export function useMallChange<V, R>(run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: mallKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['ledger'] });
    },
  });
}
