import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { crumbTrail, deskFrameNamespaces, labelOf } from '../../app/navigation';
import { allows, useMe } from '../auth/session';
import { useShownPageCrumb } from './page-crumb';

/** 首页 › the menu entry a page belongs to › the page (帮助, 详情 …): where am I, one click back up, on every back-office page. */
export function DeskBreadcrumb() {
  const { t } = useTranslation(deskFrameNamespaces);
  const me = useMe();
  const { pathname } = useLocation();
  const pageCrumb = useShownPageCrumb();
  const trail = crumbTrail(pathname, (entry) => allows(me, entry.access), pageCrumb);
  if (trail.length === 0) return null;
  const items = trail.map((step) => {
    if ('text' in step) return { key: step.key, title: step.text };
    const words = step.key === 'here' ? t('shell:crumb.detail') : step.key === 'home' ? t('shell:menu.workbench') : labelOf(t, step.namespace, step.label);
    return { key: step.key, title: step.to ? <Link to={step.to}>{words}</Link> : words };
  });
  return <Breadcrumb className="lx-breadcrumb" items={items} data-testid="breadcrumb" />;
}
