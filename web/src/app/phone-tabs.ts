import { forRoles } from './navigation';

/**
 * The most tabs the phone's bottom bar holds. Past five, each is too narrow for its label in large
 * text (18 px), and too narrow a target for an unsteady finger; a team leader who volunteers had seven.
 */
export const MAX_PHONE_TABS = 5;

type Tab = { volunteer?: true; roles?: readonly string[]; spare?: number };

/**
 * The tabs a person gets: those their roles allow, in order, with spare tabs (their pages are tiles of
 * the home too) left out, the smallest `spare` first, until at most five remain.
 */
export function tabsFor<T extends Tab>(tabs: readonly T[], roles: readonly string[]): T[] {
  const volunteer = roles.includes('volunteer');
  let shown = tabs.filter((tab) => (!tab.volunteer || volunteer) && forRoles(tab, roles));
  const spares = shown.filter((tab) => tab.spare !== undefined).sort((a, b) => a.spare! - b.spare!);
  for (const spare of spares) {
    if (shown.length <= MAX_PHONE_TABS) break;
    shown = shown.filter((tab) => tab !== spare);
  }
  return shown;
}
