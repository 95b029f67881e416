import { ApartmentOutlined, AuditOutlined, DashboardOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../lib/roles';

export type MenuEntry = { path: string; labelKey: string; icon: ReactNode; permission?: Permission };

/** The back-office menu; an entry shows only to holders of its permission (from /api/auth/me). */
export const menuEntries: MenuEntry[] = [
  { path: '/', labelKey: 'menu.workbench', icon: <DashboardOutlined /> },
  { path: '/regions', labelKey: 'menu.regions', icon: <ApartmentOutlined />, permission: 'regions.read' },
  { path: '/accounts', labelKey: 'menu.accounts', icon: <TeamOutlined />, permission: 'accounts.read' },
  { path: '/audit', labelKey: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

/** The entry a URL belongs to, for highlighting ("/accounts?page=2" → "/accounts"). */
export function activeEntry(pathname: string): MenuEntry | undefined {
  return menuEntries.filter((e) => e.path === '/' ? pathname === '/' : pathname.startsWith(e.path)).at(0);
}
