import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useListQuery } from '../../lib/use-list-query';
import { oversightApi, type AskBody, type DecisionQuery, type RecordBody } from './oversight.api';

/** Every oversight query lives under ['oversight']; a change also refreshes the needs (timeline, deadline, lists). */
export const oversightKeys = {
  all: ['oversight'] as const,
  changes: (id: string) => ['oversight', 'changes', id] as const,
  supervisions: (id: string) => ['oversight', 'supervisions', id] as const,
  decisions: ['oversight', 'decisions'] as const,
  pending: ['oversight', 'pending'] as const,
};

const PENDING_POLL_MS = 60_000;

export function useNeedChanges(needId: string, enabled = true) {
  return useQuery({ queryKey: oversightKeys.changes(needId), queryFn: () => oversightApi.changes(needId), enabled });
}

export function useNeedSupervisions(needId: string, enabled = true) {
  return useQuery({ queryKey: oversightKeys.supervisions(needId), queryFn: () => oversightApi.supervisions(needId), enabled });
}

export function useDecisions(query: DecisionQuery) {
  return useListQuery({ key: oversightKeys.decisions, query, fetch: oversightApi.decisions });
}

/** How many requests wait for the caller (the top bar's badge), polled. */
export function usePendingCount(enabled: boolean) {
  return useQuery({ queryKey: oversightKeys.pending, queryFn: () => oversightApi.decisions({ state: 'requested', page: 1, pageSize: 1 }).then((p) => p.total), enabled, refetchInterval: PENDING_POLL_MS });
}

export function useOversightActions() {
  const queryClient = useQueryClient();
  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: oversightKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['needs'] });
  };
  return {
    ask: useMutation({ mutationFn: ({ needId, body }: { needId: string; body: AskBody }) => oversightApi.ask(needId, body), onSuccess }),
    approve: useMutation({ mutationFn: ({ id, note }: { id: string; note?: string }) => oversightApi.approve(id, note), onSuccess }),
    refuse: useMutation({ mutationFn: ({ id, note }: { id: string; note: string }) => oversightApi.refuse(id, note), onSuccess }),
    resume: useMutation({ mutationFn: (id: string) => oversightApi.resume(id), onSuccess }),
    record: useMutation({ mutationFn: ({ needId, body }: { needId: string; body: RecordBody }) => oversightApi.record(needId, body), onSuccess }),
  };
}
