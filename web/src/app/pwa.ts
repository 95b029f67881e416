import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker (built by vite-plugin-pwa, web/vite.config.ts) once the page has loaded,
 * so its code does not compete with the first page's on a slow line (bench:budgets); it updates itself
 * when a release lands.
 */
export function startServiceWorker() {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  // at the load event (Workbox's advice), not as the entry runs: the first page's own chunks, words and
  // session have been asked for by then. Not later: what a page fetches before the worker controls it
  // is not kept for offline use (e2e/pwa.spec.ts opens a list and goes offline within seconds).
  const register = () => void registerSW({ immediate: true });
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
