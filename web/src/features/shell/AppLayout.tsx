import { Layout, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';
import './shell.css';

/** The back-office frame: red header, collapsible side menu, page content. */
export function AppLayout() {
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout className="lx-app">
      <HeaderBar />
      <Layout>
        <Layout.Sider theme="light" width={208} collapsible collapsed={collapsed} onCollapse={setCollapsed} className="lx-sider">
          <SideMenu />
        </Layout.Sider>
        <Layout.Content className="lx-content">
          <Suspense fallback={<Spin className="lx-page-spin" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
