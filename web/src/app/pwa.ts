import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker (built by vite-plugin-pwa, web/vite.config.ts) after the page has loaded,
 * so neither its code nor its precache competes with the first page on a slow line (bench:budgets);
 * it updates itself when a release lands.
 */
export function startServiceWorker() {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  // a few seconds after the load: the first page's own requests (its chunks, words and data) go first
  const register = () => setTimeout(() => void registerSW({ immediate: true }), 3000);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
