import { useTranslation } from 'react-i18next';

/**
 * A plain CSS spinner. Route guards and lazy pages show it before either UI kit has loaded, so it
 * must not import antd or antd-mobile (that would pull the desktop kit onto residents' phones).
 */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="lx-page-loading" role="status" aria-label={t('loading')}>
      <span className="lx-spinner" />
    </div>
  );
}

export function PageLoadError({ message, retry }: { message: string; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="lx-page-loading" role="alert">
      <p>{message}</p>
      <button type="button" className="lx-plain-button" onClick={retry}>
        {t('retry')}
      </button>
    </div>
  );
}
