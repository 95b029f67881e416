import { useEffect, useSyncExternalStore } from 'react';

/*
 * The last step of the back-office breadcrumb a page names itself (帮助 › 区管理员使用指南, 页面不存在):
 * the page says it while it is shown, the breadcrumb in the frame reads it.
 */
let current: string | undefined;
const listeners = new Set<() => void>();

function say(text: string | undefined) {
  current = text;
  listeners.forEach((listener) => listener());
}

/** Names the shown page's last breadcrumb step while the page is on screen (nothing while `text` is undefined). */
export function usePageCrumb(text: string | undefined): void {
  useEffect(() => {
    say(text);
    return () => say(undefined);
  }, [text]);
}

/** The step the shown page named, if it named one. */
export function useShownPageCrumb(): string | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
