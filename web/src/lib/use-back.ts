import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * "Back" that stays in the app: the previous page when there is one in this tab, else `fallback`
 * (a page opened from a shared link or a fresh tab has nothing of ours to go back to).
 */
export function useBack(fallback: string) {
  const navigate = useNavigate();
  return useCallback(() => {
    const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (index > 0) navigate(-1);
    else navigate(fallback, { replace: true });
  }, [navigate, fallback]);
}
