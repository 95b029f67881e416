import { List, Switch } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { currentLanguage, switchLanguage } from '../../i18n';
import { setLargeText, useLargeText } from './large-text';

/** Large text and language, offered on the login page and on "me". */
export function H5Preferences() {
  const { t } = useTranslation();
  const large = useLargeText();
  const english = currentLanguage() === 'en';
  return (
    <List mode="card" header={t('h5.preferences')}>
      <List.Item description={t('h5.largeTextHint')} extra={<Switch checked={large} onChange={setLargeText} aria-label={t('h5.largeText')} />}>
        {t('h5.largeText')}
      </List.Item>
      <List.Item
        extra={<Switch checked={english} onChange={(on) => void switchLanguage(on ? 'en' : 'zh-CN')} aria-label={t('h5.english')} />}
        description={t(`lang.${currentLanguage()}`)}
      >
        {t('h5.english')}
      </List.Item>
    </List>
  );
}
