import { useMutation, useQueryClient } from '@tanstack/react-query';
import { needsConfigApi, type CategoryPatch, type DeclineReasonBody, type NewCategory, type NewReplyTemplate } from './needs-config.api';

/** Each change refreshes the reference list it touches (the keys are those of needs.queries). */
export function useNeedsConfigChanges() {
  const queryClient = useQueryClient();
  const refresh = (key: string) => () => queryClient.invalidateQueries({ queryKey: [key] });
  return {
    createCategory: useMutation({ mutationFn: (body: NewCategory) => needsConfigApi.createCategory(body), onSuccess: refresh('need-categories') }),
    updateCategory: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: CategoryPatch }) => needsConfigApi.updateCategory(id, patch),
      onSuccess: refresh('need-categories'),
    }),
    saveDeclineReason: useMutation({
      mutationFn: ({ code, body }: { code: string; body: DeclineReasonBody }) => needsConfigApi.saveDeclineReason(code, body),
      onSuccess: refresh('decline-reasons'),
    }),
    addReplyTemplate: useMutation({ mutationFn: (body: NewReplyTemplate) => needsConfigApi.addReplyTemplate(body), onSuccess: refresh('reply-templates') }),
    removeReplyTemplate: useMutation({ mutationFn: (id: string) => needsConfigApi.removeReplyTemplate(id), onSuccess: refresh('reply-templates') }),
  };
}
