import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { activeEntry, deskFrameNamespaces, deskMenu, labelOf } from '../../app/navigation';
import { NavIcon } from '../../components/NavIcon';
import { allows, useMe } from '../auth/session';

/** The back-office menu from the feature manifests; an entry shows only to users it allows. */
export function SideMenu() {
  const { t } = useTranslation(deskFrameNamespaces);
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = deskMenu
    .filter((entry) => allows(me, entry.access))
    .map((entry) => ({ key: entry.path, icon: <NavIcon entry={entry} />, label: labelOf(t, entry.namespace, entry.label) }));
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
