import { useTranslation } from 'react-i18next';
import { currentLanguage, switchLanguage } from '../../i18n';
import { setLargeText, useLargeText } from './large-text';

/** Two pill buttons in a page corner: 大字 (large text) and 中/EN, reachable before login. */
export function H5QuickToggles() {
  const { t } = useTranslation('h5');
  const large = useLargeText();
  const english = currentLanguage() === 'en';
  return (
    <div className="lx-h5-toggles">
      <button type="button" className={large ? 'is-on' : undefined} onClick={() => setLargeText(!large)} aria-pressed={large}>
        {t('largeTextShort')}
      </button>
      <button type="button" onClick={() => void switchLanguage(english ? 'zh-CN' : 'en')} data-testid="h5-language">
        {english ? t('common:lang.short.zh-CN') : t('common:lang.short.en')}
      </button>
    </div>
  );
}
