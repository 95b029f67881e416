import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { regionKeys } from '../regions/regions.queries';
import { accountsApi, type AccountFilters, type AccountProfile, type NewAccount } from './accounts.api';

export const accountKeys = {
  all: ['accounts'] as const,
  page: (query: AccountFilters & { page: number; pageSize: number }) => ['accounts', 'page', query] as const,
};

export function useAccountsPage(query: AccountFilters & { page: number; pageSize: number }) {
  // keep the current rows on screen while the next page loads, so the table does not flash empty
  return useQuery({ queryKey: accountKeys.page(query), queryFn: () => accountsApi.list(query), placeholderData: keepPreviousData });
}

/** Writes refresh the list, and the region tree too: its people counts include these accounts. */
export function useAccountChanges() {
  const queryClient = useQueryClient();
  const onSuccess = async () => {
    await queryClient.invalidateQueries({ queryKey: accountKeys.all });
    await queryClient.invalidateQueries({ queryKey: regionKeys.all });
  };
  return {
    create: useMutation({ mutationFn: (body: NewAccount) => accountsApi.create(body), onSuccess }),
    update: useMutation({ mutationFn: ({ id, patch }: { id: string; patch: Partial<AccountProfile> }) => accountsApi.update(id, patch), onSuccess }),
    setStatus: useMutation({ mutationFn: ({ id, status }: { id: string; status: 'active' | 'disabled' }) => accountsApi.setStatus(id, status), onSuccess }),
    resetPassword: useMutation({ mutationFn: (id: string) => accountsApi.resetPassword(id), onSuccess }),
    unlock: useMutation({ mutationFn: (id: string) => accountsApi.unlock(id) }),
  };
}
