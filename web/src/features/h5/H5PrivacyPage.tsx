import { NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PRIVACY_POLICY_VERSION } from './privacy';

/** 隐私政策: what is collected, why, who sees it, how long it is kept, and the person's rights (PIPL). */
export function H5PrivacyPage() {
  const { t } = useTranslation('h5');
  const navigate = useNavigate();
  const sections = [
    [t('privacy.collect.title'), t('privacy.collect.text')],
    [t('privacy.use.title'), t('privacy.use.text')],
    [t('privacy.who.title'), t('privacy.who.text')],
    [t('privacy.keep.title'), t('privacy.keep.text')],
    [t('privacy.rights.title'), t('privacy.rights.text')],
    [t('privacy.changes.title'), t('privacy.changes.text')],
  ];
  return (
    <div className="lx-h5-page lx-h5-privacy" data-testid="h5-privacy">
      <NavBar onBack={() => navigate(-1)}>{t('privacy.title')}</NavBar>
      <article className="lx-h5-privacy-text">
        <p className="lx-h5-privacy-version">{t('privacy.version', { version: PRIVACY_POLICY_VERSION })}</p>
        {sections.map(([title, text]) => (
          <section key={title}>
            <h3>{title}</h3>
            <p>{text}</p>
          </section>
        ))}
      </article>
    </div>
  );
}
