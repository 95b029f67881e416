import { useSyncExternalStore } from 'react';

/**
 * Large-text mode for elderly residents (SPEC §11). It enlarges antd-mobile's font-size variables
 * on <html>, so pop-ups rendered outside the page (pickers, dialogs) grow too. Remembered per phone.
 */
const STORAGE_KEY = 'lianxin.largeText';
const CLASS = 'lx-large-text';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

let enabled = read();
document.documentElement.classList.toggle(CLASS, enabled);

export function setLargeText(on: boolean): void {
  enabled = on;
  document.documentElement.classList.toggle(CLASS, on);
  try {
    localStorage.setItem(STORAGE_KEY, on ? '1' : '0');
  } catch {
    // not remembered; applies to this visit only
  }
  listeners.forEach((notify) => notify());
}

function subscribe(notify: () => void) {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

export function useLargeText(): boolean {
  return useSyncExternalStore(subscribe, () => enabled);
}
