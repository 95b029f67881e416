import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../lib/roles';
import { can, useMe } from '../auth/session';

/** A back-office page that needs one permission; the menu hides it, this covers typed URLs. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  const { t } = useTranslation();
  if (!can(me, permission)) return <Result status="403" title="403" subTitle={t('errors.noPermission')} />;
  return children;
}
