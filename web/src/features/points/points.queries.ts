import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { pointsApi, type StatementQuery } from './points.api';

/** Every ledger query lives under ['ledger']; a change refreshes them all. */
export const pointsKeys = {
  all: ['ledger'] as const,
  rules: ['ledger', 'rules'] as const,
  caps: ['ledger', 'caps'] as const,
  communities: ['ledger', 'communities'] as const,
  volunteer: (id: string) => ['ledger', 'volunteer', id] as const,
};

export const useRules = () => useQuery({ queryKey: pointsKeys.rules, queryFn: pointsApi.rules });
export const useCaps = () => useQuery({ queryKey: pointsKeys.caps, queryFn: pointsApi.caps });
export const useCommunityFigures = (query: { from?: string; to?: string }) => useQuery({ queryKey: [...pointsKeys.communities, query], queryFn: () => pointsApi.communities(query) });
export const useBalances = (id: string) => useQuery({ queryKey: [...pointsKeys.volunteer(id), 'balances'], queryFn: () => pointsApi.balances(id) });
export const useStatement = (id: string, query: StatementQuery) =>
  useQuery({ queryKey: [...pointsKeys.volunteer(id), 'statement', query], queryFn: () => pointsApi.statement(id, query), placeholderData: (previous) => previous });

/** A ledger change: on success every ledger query is read again. */
export function useLedgerChange<V, R>(run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: pointsKeys.all }) });
}
