import { useEffect, useState } from 'react';

const EXPIRED_KEY = 'lianxin.sessionExpired';

/** Remember, for the login page, that the user was signed out by the server (idle or revoked). */
export function markSessionExpired(): void {
  try {
    sessionStorage.setItem(EXPIRED_KEY, '1');
  } catch {
    // nothing to remember with; the login page simply shows no notice
  }
}

/** Whether the last session ended by expiry (the login page shows it once, then forgets it). */
export function useSessionExpiredNotice(): boolean {
  const [expired] = useState(() => {
    try {
      return sessionStorage.getItem(EXPIRED_KEY) === '1';
    } catch {
      return false;
    }
  });
  useEffect(() => {
    try {
      sessionStorage.removeItem(EXPIRED_KEY);
    } catch {
      // nothing stored
    }
  }, []);
  return expired;
}
