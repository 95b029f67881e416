import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi, type Me } from './auth.api';
import { sessionKey } from './session';

export type PasswordChange = { currentPassword: string; newPassword: string; confirm: string };

/**
 * Changing the password from either surface. The server ends the other sessions and clears a
 * forced change; the session is read again before `onDone`, so the guards see the new state.
 */
export function useChangePassword({ onDone, onError }: { onDone: (me: Me) => void; onError: (error: Error) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: PasswordChange) => authApi.changePassword({ currentPassword, newPassword }),
    onSuccess: async () => onDone(await queryClient.fetchQuery({ queryKey: sessionKey, queryFn: authApi.me, staleTime: 0 })),
    onError,
  });
}
