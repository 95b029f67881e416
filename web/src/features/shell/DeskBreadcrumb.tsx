import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { activeEntry, deskFrameNamespaces, labelOf } from '../../app/navigation';
import { allows, useMe } from '../auth/session';

/** 首页 › the menu entry a page belongs to › 详情: where am I, one click back up, on every back-office page. */
export function DeskBreadcrumb() {
  const { t } = useTranslation(deskFrameNamespaces);
  const me = useMe();
  const { pathname } = useLocation();
  if (pathname === '/') return null;
  const entry = activeEntry(pathname);
  const shown = entry && entry.path !== '/' && allows(me, entry.access) ? entry : undefined;
  const deeper = !shown || pathname !== shown.path;
  const items = [
    { key: 'home', title: <Link to="/">{t('shell:menu.workbench')}</Link> },
    ...(shown ? [{ key: shown.path, title: deeper ? <Link to={shown.path}>{labelOf(t, shown.namespace, shown.label)}</Link> : labelOf(t, shown.namespace, shown.label) }] : []),
    ...(deeper ? [{ key: 'here', title: t('shell:crumb.detail') }] : []),
  ];
  return <Breadcrumb className="lx-breadcrumb" items={items} data-testid="breadcrumb" />;
}
