import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLogout, useMe } from '../auth/session';
import { RoleTags } from './RoleTags';

/** Who is signed in, with their roles; change password and log out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout('/login');

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('session.changePassword') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('session.logout'), danger: true },
        ],
        onClick: ({ key }) => (key === 'logout' ? logout.mutate() : navigate('/profile/password')),
      }}
    >
      <Space className="lx-user" data-testid="current-user" role="button" tabIndex={0}>
        <Avatar size="small" icon={<UserOutlined />} className="lx-user-avatar" />
        <span className="lx-user-name">{me.account.name}</span>
        <span className="lx-user-roles">
          <RoleTags roles={me.account.roles} />
        </span>
        <DownOutlined className="lx-user-caret" />
      </Space>
    </Dropdown>
  );
}
