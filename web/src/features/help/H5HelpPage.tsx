import { Button, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { guideImage } from './guides';
import { Markdown } from './markdown';
import { useGuide } from './use-guide';
import './help.css';

/** 使用帮助 on the phone: the guide for the user's role; a person with several roles picks one. */
export function H5HelpPage() {
  const { t } = useTranslation('help');
  const navigate = useNavigate();
  const { roles, role, setRole, text } = useGuide();
  return (
    <div className="lx-h5-page lx-h5-help" data-testid="h5-help" data-role={role}>
      <NavBar onBack={() => navigate(-1)}>{t('title')}</NavBar>
      {roles.length > 1 ? (
        <div className="lx-h5-help-roles" role="group" aria-label={t('pickRole')}>
          {roles.map((r) => (
            <Button key={r} size="small" color={r === role ? 'primary' : 'default'} aria-pressed={r === role} onClick={() => setRole(r)}>
              {t(`role.${r}`)}
            </Button>
          ))}
        </div>
      ) : null}
      <Markdown text={text} image={guideImage} />
    </div>
  );
}
