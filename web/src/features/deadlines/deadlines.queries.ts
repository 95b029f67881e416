import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deadlinesApi, type DayBody, type NewRule, type RulePatch } from './deadlines.api';

export function useDeadlineRules() {
  return useQuery({ queryKey: ['deadline-rules'], queryFn: deadlinesApi.rules });
}

export function useCalendar(year: number) {
  return useQuery({ queryKey: ['calendar', year], queryFn: () => deadlinesApi.calendar(year), placeholderData: (previous) => previous });
}

/** Each change refreshes the list it touches. */
export function useDeadlineChanges() {
  const queryClient = useQueryClient();
  const refresh = (key: string) => () => queryClient.invalidateQueries({ queryKey: [key] });
  return {
    createRule: useMutation({ mutationFn: (body: NewRule) => deadlinesApi.createRule(body), onSuccess: refresh('deadline-rules') }),
    updateRule: useMutation({ mutationFn: ({ id, patch }: { id: string; patch: RulePatch }) => deadlinesApi.updateRule(id, patch), onSuccess: refresh('deadline-rules') }),
    deleteRule: useMutation({ mutationFn: (id: string) => deadlinesApi.deleteRule(id), onSuccess: refresh('deadline-rules') }),
    setDay: useMutation({ mutationFn: (body: DayBody) => deadlinesApi.setDay(body), onSuccess: refresh('calendar') }),
    clearDay: useMutation({ mutationFn: (day: string) => deadlinesApi.clearDay(day), onSuccess: refresh('calendar') }),
    importSheet: useMutation({ mutationFn: (file: File) => deadlinesApi.importSheet(file), onSuccess: refresh('calendar') }),
  };
}
