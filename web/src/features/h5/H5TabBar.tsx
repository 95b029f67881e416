import { FileTextOutlined, HomeOutlined, ThunderboltOutlined, ToolOutlined, UserOutlined } from '@ant-design/icons';
import { TabBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../auth/session';

const tabs = [
  { key: '/h5', icon: <HomeOutlined />, labelKey: 'h5.tab.home' },
  { key: '/h5/needs', icon: <FileTextOutlined />, labelKey: 'h5.tab.needs' },
  { key: '/h5/pool', icon: <ThunderboltOutlined />, labelKey: 'h5.tab.pool', volunteer: true },
  { key: '/h5/tasks', icon: <ToolOutlined />, labelKey: 'h5.tab.tasks', volunteer: true },
  { key: '/h5/me', icon: <UserOutlined />, labelKey: 'h5.tab.me' },
];

/** Bottom navigation of the signed-in phone pages; volunteers also get the pool and their tasks. */
export function H5TabBar() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const volunteer = useMe().account.roles.includes('volunteer');
  return (
    <div className="lx-h5-tabbar">
      <TabBar activeKey={pathname} onChange={(key) => navigate(key)} safeArea>
        {tabs
          .filter((tab) => !tab.volunteer || volunteer)
          .map((tab) => (
            <TabBar.Item key={tab.key} icon={tab.icon} title={t(tab.labelKey)} />
          ))}
      </TabBar>
    </div>
  );
}
