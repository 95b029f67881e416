/** The service worker's cache of API answers (web/vite.config.ts): one person's data, kept for offline reading. */
const API_CACHE = 'lx-api';

/** Forgets the answers kept for offline reading: on sign-out, so the next person on the phone sees none. */
export async function forgetCachedAnswers() {
  if (typeof caches !== 'undefined') await caches.delete(API_CACHE);
}
