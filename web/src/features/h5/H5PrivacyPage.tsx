import { NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PRIVACY_POLICY_VERSION } from './privacy';

type Section = { h: string; p: string };

/** 隐私政策: what is collected, why, who sees it, how long it is kept, and the person's rights (PIPL). */
export function H5PrivacyPage() {
  const { t } = useTranslation('h5');
  const navigate = useNavigate();
  const sections = t('privacy.sections', { returnObjects: true }) as Section[];
  return (
    <div className="lx-h5-page lx-h5-privacy" data-testid="h5-privacy">
      <NavBar onBack={() => navigate(-1)}>{t('privacy.title')}</NavBar>
      <article className="lx-h5-privacy-text">
        <p className="lx-h5-privacy-version">{t('privacy.version', { version: PRIVACY_POLICY_VERSION })}</p>
        {sections.map((s) => (
          <section key={s.h}>
            <h3>{s.h}</h3>
            <p>{s.p}</p>
          </section>
        ))}
      </article>
    </div>
  );
}
