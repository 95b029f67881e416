import { useIsFetching } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { pageLoads } from '../app/lazy';

/**
 * A thin bar along the top while a page is on its way: its code (the old page stays on screen
 * meanwhile) or its first data. Refreshes of data already shown do not count: no flicker every minute.
 */
export function NavigationProgress() {
  const { t } = useTranslation();
  const pages = useSyncExternalStore(pageLoads.subscribe, pageLoads.count);
  const firstLoads = useIsFetching({ predicate: (q) => q.state.data === undefined });
  if (pages === 0 && firstLoads === 0) return null;
  return <div className="lx-nav-progress" role="progressbar" aria-label={t('loading')} data-testid="nav-progress" />;
}
