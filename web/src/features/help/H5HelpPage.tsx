import { Button, NavBar, Popup } from 'antd-mobile';
import { CloseOutline, PictureOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { guideImage } from './guides';
import { Markdown, type PictureView } from './markdown';
import { useGuide } from './use-guide';
import './help.css';

/**
 * A guide's screenshot on the phone: a button naming it that opens it over the page, as wide as the
 * phone and scrolled like a page, so the phone's own screen shows at its own size. Shrunk into the
 * text (or fitted whole into the screen) its words would be about 12 px, under the 18 px large-text
 * mode promises.
 */
function PictureButton({ url, alt }: { url: string; alt: string }) {
  const { t } = useTranslation('help');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button block fill="outline" className="lx-h5-help-picture" onClick={() => setOpen(true)} data-testid="help-picture">
        <PictureOutline /> {t('showPicture', { name: alt })}
      </Button>
      <Popup visible={open} onClose={() => setOpen(false)} onMaskClick={() => setOpen(false)} position="right" bodyClassName="lx-h5-help-viewer" destroyOnClose>
        <NavBar backIcon={<CloseOutline />} back={t('common:back')} onBack={() => setOpen(false)}>
          {alt}
        </NavBar>
        <img src={url} alt={alt} data-testid="help-picture-shown" />
      </Popup>
    </>
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
