import { registerSW } from 'virtual:pwa-register';

/** Registers the service worker (built by vite-plugin-pwa, web/vite.config.ts); it updates itself when a release lands. */
export function startServiceWorker() {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  void registerSW({ immediate: true });
}
