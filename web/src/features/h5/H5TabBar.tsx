import { TabBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { phoneLabelOf, phoneFrameNamespaces, phoneTabs } from '../../app/navigation';
import { tabsFor } from '../../app/phone-tabs';
import { NavIcon } from '../../components/NavIcon';
import { useMe } from '../auth/session';

/** Bottom navigation of the signed-in phone pages, from the feature manifests; volunteers also get the pool and their tasks, staff and leaders their work; five at most (tabsFor). */
export function H5TabBar() {
  const { t } = useTranslation(phoneFrameNamespaces);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { roles } = useMe().account;
  return (
    <div className="lx-h5-tabbar">
      <TabBar activeKey={pathname} onChange={(key) => navigate(key)} safeArea>
        {tabsFor(phoneTabs, roles).map((tab) => (
          <TabBar.Item key={tab.path} icon={<NavIcon entry={tab} />} title={phoneLabelOf(t, tab.namespace, tab.label)} />
        ))}
      </TabBar>
    </div>
  );
}
