import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { webhooksApi, type NewWebhook, type WebhookPatch, type WebhookSettings } from './webhooks.api';

export function useWebhooks() {
  // a webhook may be switched off by the server after failures: look again now and then
  return useQuery({ queryKey: ['webhooks', 'list'], queryFn: webhooksApi.list, refetchInterval: 30_000 });
}

export function useEventTypes() {
  return useQuery({ queryKey: ['webhooks', 'event-types'], queryFn: webhooksApi.eventTypes, staleTime: Infinity });
}

export function useWebhookSettings() {
  return useQuery({ queryKey: ['webhooks', 'settings'], queryFn: webhooksApi.settings });
}

/** Each change refreshes the webhooks (and their logs, where a test or redelivery adds a row). */
export function useWebhookChanges() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['webhooks'] });
  return {
    create: useMutation({ mutationFn: (body: NewWebhook) => webhooksApi.create(body), onSuccess: refresh }),
    update: useMutation({ mutationFn: ({ id, patch }: { id: string; patch: WebhookPatch }) => webhooksApi.update(id, patch), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: string) => webhooksApi.remove(id), onSuccess: refresh }),
    rotateSecret: useMutation({ mutationFn: (id: string) => webhooksApi.rotateSecret(id), onSuccess: refresh }),
    test: useMutation({ mutationFn: (id: string) => webhooksApi.test(id), onSuccess: refresh }),
    redeliver: useMutation({ mutationFn: (id: string) => webhooksApi.redeliver(id), onSuccess: refresh }),
    saveSettings: useMutation({ mutationFn: (body: WebhookSettings) => webhooksApi.saveSettings(body), onSuccess: refresh }),
  };
}
