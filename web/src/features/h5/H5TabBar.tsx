import { TabBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { forRoles, phoneLabelOf, phoneFrameNamespaces, phoneTabs } from '../../app/navigation';
import { NavIcon } from '../../components/NavIcon';
import { useMe } from '../auth/session';

/** Bottom navigation of the signed-in phone pages, from the feature manifests; volunteers also get the pool and their tasks, staff and leaders their work. */
export function H5TabBar() {
  const { t } = useTranslation(phoneFrameNamespaces);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { roles } = useMe().account;
  const volunteer = roles.includes('volunteer');
  return (
    <div className="lx-h5-tabbar">
      <TabBar activeKey={pathname} onChange={(key) => navigate(key)} safeArea>
        {phoneTabs
          .filter((tab) => (!tab.volunteer || volunteer) && forRoles(tab, roles))
          .map((tab) => (
            <TabBar.Item key={tab.path} icon={<NavIcon entry={tab} />} title={phoneLabelOf(t, tab.namespace, tab.label)} />
          ))}
      </TabBar>
    </div>
  );
}
