import { Card, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { guideImage, type GuideRole } from './guides';
import { Markdown } from './markdown';
import { usePageCrumb } from '../shell/page-crumb';
import { useGuide } from './use-guide';
import './help.css';

/** 帮助 in the back office: the guide for the user's role; a person with several roles picks one. */
export function HelpPage() {
  const { t } = useTranslation('help');
  const { roles, role, setRole, text } = useGuide();
  // the breadcrumb names the guide shown: 首页 / 帮助 / 区管理员使用指南
  usePageCrumb(/^#\s+(.+)$/m.exec(text)?.[1]?.trim());
  return (
    <Card
      title={t('title')}
      data-testid="help-page"
      data-role={role}
      extra={roles.length > 1 ? <Segmented aria-label={t('pickRole')} value={role} onChange={(v) => setRole(v as GuideRole)} options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} /> : null}
    >
      <Markdown text={text} image={guideImage} />
    </Card>
  );
}
