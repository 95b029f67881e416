import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useListQuery } from '../../lib/use-list-query';
import { regionKeys } from '../regions/regions.queries';
import { accountsApi, type AccountFilters, type AccountProfile, type NewAccount } from './accounts.api';

export const accountKeys = {
  all: ['accounts'] as const,
  pages: ['accounts', 'page'] as const,
};

/** One page of accounts for the filters on screen, and nothing else (lib/use-list-query). */
export function useAccountsPage(query: AccountFilters & { page: number; pageSize: number }) {
  return useListQuery({ key: accountKeys.pages, query, fetch: accountsApi.list });
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
