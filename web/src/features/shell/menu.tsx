import { ApartmentOutlined, AuditOutlined, DashboardOutlined, FlagOutlined, FormOutlined, ProfileOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Access } from '../auth/session';

export type MenuEntry = { path: string; labelKey: string; icon: ReactNode; access?: Access };

/**
 * The back-office menu; an entry shows only to users it allows (permissions come from /api/auth/me).
 * A team leader who is not staff sees just their team's inbox.
 */
export const menuEntries: MenuEntry[] = [
  { path: '/', labelKey: 'menu.workbench', icon: <DashboardOutlined />, access: 'staff' },
  { path: '/needs', labelKey: 'menu.needs', icon: <ProfileOutlined />, access: 'staff' },
  { path: '/needs/new', labelKey: 'menu.needEntry', icon: <FormOutlined />, access: 'staff' },
  { path: '/team-orders', labelKey: 'menu.teamOrders', icon: <FlagOutlined />, access: 'teamLeader' },
  { path: '/needs-config', labelKey: 'menu.needsConfig', icon: <SettingOutlined />, access: 'regions.manage' },
  { path: '/regions', labelKey: 'menu.regions', icon: <ApartmentOutlined />, access: 'regions.read' },
  { path: '/accounts', labelKey: 'menu.accounts', icon: <TeamOutlined />, access: 'accounts.read' },
  { path: '/audit', labelKey: 'menu.audit', icon: <AuditOutlined />, access: 'audit.read' },
];

/** The entry a URL belongs to, for highlighting: the longest matching path ("/needs/new" over "/needs"). */
export function activeEntry(pathname: string): MenuEntry | undefined {
  const matches = (e: MenuEntry) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`));
  return menuEntries.filter(matches).sort((a, b) => b.path.length - a.path.length)[0];
}
