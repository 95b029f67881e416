import { List, Switch } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { currentLanguage, switchLanguage } from '../../i18n';
import { setLargeText, useLargeText } from './large-text';

/** Large text and language, offered on the login page and on "me". */
export function H5Preferences() {
  const { t } = useTranslation('h5');
  const large = useLargeText();
  const english = currentLanguage() === 'en';
  return (
    <List mode="card" header={t('preferences')}>
      <List.Item description={t('largeTextHint')} extra={<Switch checked={large} onChange={setLargeText} aria-label={t('largeText')} />}>
        {t('largeText')}
      </List.Item>
      <List.Item
        extra={<Switch checked={english} onChange={(on) => void switchLanguage(on ? 'en' : 'zh-CN')} aria-label={t('english')} />}
        description={t(`common:lang.${currentLanguage()}`)}
      >
        {t('english')}
      </List.Item>
    </List>
  );
}
