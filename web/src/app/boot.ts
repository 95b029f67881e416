import { storedLanguage } from '../i18n/stored-language';
import { askEarly } from './early';
import { features } from './features';
import { frameNamespacesOf, routeOf } from './frame-namespaces';
import { PHONE_FRAME_NS, phoneFrameWords } from './phone-frame-words';

/*
 * The page's first script (index.html, ahead of main.tsx), holding only the manifests: it runs as soon
 * as its own small chunk has arrived, while React and the UI kit are still downloading, and asks at
 * once for the first page's code, its words in the person's language and the session. Otherwise they
 * are asked for only once the entry has run, after the big chunks: a round trip and more on a slow
 * line (bench:budgets). The app takes them as they come: the same import() returns the same module,
 * the session's GET takes the early answer (app/early.ts).
 */

const ignore = () => undefined;

export function bootFirstPage(pathname: string): void {
  const language = storedLanguage();
  const first = routeOf(pathname);
  if (first) {
    void first.route.page().catch(ignore);
    const namespaces = new Set([first.feature.name, ...(first.route.namespaces ?? []), ...frameNamespacesOf[first.slot]]);
    for (const ns of namespaces) {
      const locales = ns === PHONE_FRAME_NS ? phoneFrameWords : features.find((f) => f.name === ns)?.locales;
      void locales?.[language]().catch(ignore);
    }
  }
  askEarly('/api/auth/me', language);
}

bootFirstPage(window.location.pathname);
