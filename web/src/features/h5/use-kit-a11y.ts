import { useEffect } from 'react';

/**
 * antd-mobile's NavBar marks its whole left area role="button" — also on a tab page with no back
 * arrow — and names neither (axe: aria-command-name, serious). Every phone page uses it, so the
 * fix is made once here: the arrow itself becomes the named button, an empty left area no button.
 */
function fixNavBars(back: string) {
  document.querySelectorAll<HTMLElement>('.adm-nav-bar-left[role=button]').forEach((left) => {
    left.removeAttribute('role');
    const arrow = left.querySelector<HTMLElement>('.adm-nav-bar-back');
    if (arrow && !arrow.getAttribute('role')) {
      arrow.setAttribute('role', 'button');
      arrow.setAttribute('aria-label', back);
    }
  });
}

/** Keeps the kit's markup accessible on whatever page renders next. */
export function useKitA11y(back: string) {
  useEffect(() => {
    fixNavBars(back);
    const observer = new MutationObserver(() => fixNavBars(back));
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [back]);
}
