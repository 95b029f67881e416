import { Space, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

export function H5RoleTags({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      {roles.map((role) => (
        <Tag key={role} color="warning" round>
          {t(`roles.${role}`, { defaultValue: role })}
        </Tag>
      ))}
    </Space>
  );
}
