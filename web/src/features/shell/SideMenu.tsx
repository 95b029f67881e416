import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { allows, useMe } from '../auth/session';
import { activeEntry, menuEntries } from './menu';

export function SideMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = menuEntries
    .filter((entry) => allows(me, entry.access))
    .map((entry) => ({ key: entry.path, icon: entry.icon, label: t(entry.labelKey) }));
  const active = activeEntry(pathname);

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={active ? [active.path] : []}
      onClick={({ key }) => navigate(key)}
      className="lx-side-menu"
      data-testid="side-menu"
    />
  );
}
