import { Button, ImageViewer, NavBar } from 'antd-mobile';
import { PictureOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { guideImage } from './guides';
import { Markdown, type PictureView } from './markdown';
import { useGuide } from './use-guide';
import './help.css';

/**
 * A guide's screenshot on the phone: a button naming it that opens it full-screen, where the phone's
 * own screen shows at its own size. Shrunk into the text it would carry 12 px text, under the 18 px
 * large-text mode promises.
 */
function PictureButton({ url, alt }: { url: string; alt: string }) {
  const { t } = useTranslation('help');
  return (
    <Button block fill="outline" className="lx-h5-help-picture" onClick={() => void ImageViewer.show({ image: url })} data-testid="help-picture">
      <PictureOutline /> {t('showPicture', { name: alt })}
    </Button>
  );
}

export const phonePicture: PictureView = ({ url, alt, key }) => <PictureButton key={key} url={url} alt={alt} />;

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
      <Markdown text={text} image={guideImage} picture={phonePicture} />
    </div>
  );
}
