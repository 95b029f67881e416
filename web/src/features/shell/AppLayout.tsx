import { Layout, Skeleton } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { NavigationProgress } from '../../components/NavigationProgress';
import { DeskBreadcrumb } from './DeskBreadcrumb';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';
import './shell.css';

/** The back-office frame: progress bar, red header, collapsible side menu, breadcrumb, page content. */
export function AppLayout() {
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout className="lx-app">
      <NavigationProgress />
      <HeaderBar />
      <Layout>
        <Layout.Sider theme="light" width={208} collapsible collapsed={collapsed} onCollapse={setCollapsed} className="lx-sider">
          <SideMenu />
        </Layout.Sider>
        <Layout.Content className="lx-content">
          <DeskBreadcrumb />
          <Suspense fallback={<Skeleton active paragraph={{ rows: 10 }} className="lx-page-skeleton" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
