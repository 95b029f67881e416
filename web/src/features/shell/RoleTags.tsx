import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const roleColor: Record<string, string> = {
  districtAdmin: 'red',
  streetAdmin: 'volcano',
  communityAdmin: 'orange',
  gridWorker: 'green',
  teamLeader: 'cyan',
  volunteer: 'blue',
  resident: 'default',
  partner: 'purple',
};

/** Role codes as localised tags (社区管理员, Volunteer …). */
export function RoleTags({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((role) => (
        <Tag key={role} color={roleColor[role] ?? 'default'} bordered={false}>
          {t(`roles.${role}`, { defaultValue: role })}
        </Tag>
      ))}
    </>
  );
}
