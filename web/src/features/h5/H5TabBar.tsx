import { HomeOutlined, UserOutlined } from '@ant-design/icons';
import { TabBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';

const tabs = [
  { key: '/h5', icon: <HomeOutlined />, labelKey: 'h5.tab.home' },
  { key: '/h5/me', icon: <UserOutlined />, labelKey: 'h5.tab.me' },
];

/** Bottom navigation of the signed-in phone pages. */
export function H5TabBar() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <div className="lx-h5-tabbar">
      <TabBar activeKey={pathname} onChange={(key) => navigate(key)} safeArea>
        {tabs.map((tab) => (
          <TabBar.Item key={tab.key} icon={tab.icon} title={t(tab.labelKey)} />
        ))}
      </TabBar>
    </div>
  );
}
